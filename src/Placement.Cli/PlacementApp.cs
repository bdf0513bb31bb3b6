using System.Reflection;
using Placement.Cli.Commands;

namespace Placement.Cli;

/// <summary>The <c>placement</c> tool: dispatches to its commands. Runs in-process for tests.</summary>
internal static class PlacementApp
{
    public const string Help = """
        placement - level-of-care recommendations for substance use disorders, with explanations.
        It supports, and does not replace, clinical judgement.

        Usage: placement <command> [arguments] [options]

        Commands:
          recommend <assessment>   Recommend a level of care for one assessment and explain it.
          check [DIR]              Check a rule set: every error, and warnings for likely mistakes.
          test [DIR]               Run the rule tests (*.tests.yaml) beside a rule set; --coverage.
          verify [DIR]             Prove that worse answers never lower a level, or show a counterexample.
          explain <assessment> --rule ID
                                   Show how one rule's condition evaluated, part by part.
          docs [DIR] --out FILE    Render the rule set as a document for clinical sign-off.
          batch <in.ndjson|->      One assessment per line in, one JSON result per line out; --parallel N.
          diff --old DIR --new DIR <assessments.ndjson>
                                   Compare two rule set versions over the same assessments.

        Options:
          -h, --help               Show help (also: placement <command> --help).
          --version                Show the tool's version.

        Run 'placement <command> --help' for a command's arguments, options and exit codes.
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                if (args.Length > 1 && args[0] == "help") return Run([args[1], "--help"], stdin, stdout, stderr);
                stdout.WriteLine(Help);
                return args.Length == 0 ? ExitCodes.Unexpected : ExitCodes.Success;
            }

            if (args[0] == "--version")
            {
                stdout.WriteLine(Version());
                return ExitCodes.Success;
            }

            var rest = args.Skip(1).ToArray();
            switch (args[0])
            {
                case "recommend":
                    return RecommendCommand.Run(rest, stdin, stdout, stderr);
                case "check":
                    return CheckCommand.Run(rest, stdout, stderr);
                case "test":
                    return TestCommand.Run(rest, stdout, stderr);
                case "verify":
                    return VerifyCommand.Run(rest, stdout, stderr);
                case "explain":
                    return ExplainCommand.Run(rest, stdin, stdout, stderr);
                case "docs":
                    return DocsCommand.Run(rest, stdout, stderr);
                case "batch":
                    return BatchCommand.Run(rest, stdin, stdout, stderr);
                case "diff":
                    return DiffCommand.Run(rest, stdin, stdout, stderr);
                default:
                    stderr.WriteLine($"placement: unknown command '{args[0]}'");
                    stderr.WriteLine("Run 'placement --help' for the commands.");
                    return ExitCodes.Unexpected;
            }
        }
        catch (Exception ex)
        {
            // Unexpected: name the failure, never the patient data it was working on.
            stderr.WriteLine($"placement: unexpected error ({ex.GetType().Name}); please report it");
            if (Environment.GetEnvironmentVariable("PLACEMENT_DEBUG") == "1") stderr.WriteLine(ex);
            return ExitCodes.Unexpected;
        }
    }

    private static string Version() =>
        typeof(PlacementApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";
}
