using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using Placement.Cli.Commands;

namespace Placement.Cli;

/// <summary>
/// The <c>placement</c> tool: its commands on System.CommandLine, with the tool's exit codes
/// (<see cref="ExitCodes"/>). Runs in-process for tests.
/// </summary>
internal static class PlacementApp
{
    private const string Name = "placement";

    private const string Description = """
        placement - level-of-care recommendations for substance use disorders, with explanations.
        It supports, and does not replace, clinical judgement.
        """;

    private const string CommonExitCodes = """
          64  usage error: unknown command or option, missing argument, or a bad option value
          70  unexpected error, a bug to report (set PLACEMENT_DEBUG=1 for the stack trace)
        """;

    private const string RootExitCodes = """
          0   success: a recommendation was made, the rule set is clean, all tests passed, proven
          1   the answer is no: a rule test failed, coverage is below the threshold, no test cases,
              verify found a counterexample (or could not prove the property), or an audit record
              does not reproduce
          2   invalid input: an invalid assessment, invalid batch or diff lines, or a file named on
              the command line that cannot be read (or, for --out, written); also reading or
              writing that fails part way (a full disk)
          3   the rule set (or a rule test file) is invalid or cannot be read
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = CreateRootCommand(new Io(stdin, stdout, stderr));
            var invocation = new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };

            // No command at all: the help, as a usage error.
            if (args.Length == 0)
            {
                root.Parse(["--help"]).Invoke(invocation);
                return ExitCodes.Usage;
            }

            // 'placement help [command]' is 'placement [command] --help'.
            if (args[0] == "help") args = [.. args.Skip(1), "--help"];

            // Response files (@file) are off: an argument is a file name, never a file of more arguments.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Action is ParseErrorAction typos)
            {
                WriteParseErrors(parse, typos, stderr);
                return ExitCodes.Usage;
            }

            return parse.Invoke(invocation);
        }
        catch (IOException ex)
        {
            // The machine, not a bug: a full disk, a device error, a file that went away while read.
            var what = ex is OutputException ? "writing the output" : "reading or writing a file";
            stderr.WriteLine($"placement: {what} failed: {(ex.InnerException ?? ex).Message}; the output is incomplete");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex)
        {
            // Unexpected: name the failure, never the patient data it was working on.
            var debug = Environment.GetEnvironmentVariable("PLACEMENT_DEBUG") == "1";
            stderr.WriteLine($"placement: unexpected error ({ex.GetType().Name}); please report it{(debug ? "" : "; set PLACEMENT_DEBUG=1 for details")}");
            if (debug) stderr.WriteLine(ex);
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>The command tree. Each run builds its own, bound to that run's streams.</summary>
    internal static RootCommand CreateRootCommand(Io io)
    {
        var rules = CliOptions.Rules();
        var root = new RootCommand(Description)
        {
            RecommendCommand.Create(rules, io),
            CheckCommand.Create(rules, io),
            TestCommand.Create(CliOptions.Rules("A folder of rule files and their tests (*.tests.yaml); not a single file. Default: the embedded default rule set and its tests."), io),
            VerifyCommand.Create(rules, io),
            ExplainCommand.Create(rules, io),
            DocsCommand.Create(rules, io),
            SchemaCommand.Create(rules, io),
            BatchCommand.Create(rules, io),
            DiffCommand.Create(io),
            MigrateCommand.Create(rules, io),
            ServeCommand.Create(rules, io),
            QuestionnaireCommand.Create(rules, io),
            AuditCommand.Create(rules, io),
        };
        root.HelpName = Name;
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction generated } help)
            {
                generated.MaxWidth = HelpWidth(io.Out);
                help.Action = new HelpWithExitCodes(generated);
            }

            if (option is VersionOption version) version.Action = new PrintVersion();
        }

        return root;
    }

    /// <summary>
    /// Parse errors go to stderr as "placement COMMAND: message", with System.CommandLine's "did you
    /// mean" for misspelt commands and options, and where to find the usage.
    /// </summary>
    private static void WriteParseErrors(ParseResult parse, ParseErrorAction typos, TextWriter stderr)
    {
        var command = parse.CommandResult.Command;
        var prefix = command is RootCommand ? Name : $"{Name} {command.Name}";
        var errors = parse.Errors.Select(e => e.Message).Distinct().ToList();

        // A misspelt command: "Required command was not provided" and the words after it add nothing.
        if (command is RootCommand && parse.UnmatchedTokens.Count > 0)
        {
            var first = $"'{parse.UnmatchedTokens[0]}'";
            if (errors.Any(e => e.Contains(first, StringComparison.Ordinal))) errors.RemoveAll(e => !e.Contains(first, StringComparison.Ordinal));
        }

        foreach (var error in errors) stderr.WriteLine($"{prefix}: {error}");

        // System.CommandLine's typo corrections ("Did you mean one of the following?") go to its Output.
        typos.ShowHelp = false;
        typos.ShowTypoCorrections = true;
        parse.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null, ProcessTerminationTimeout = null });
        stderr.WriteLine($"Run '{prefix} --help' for usage.");
    }

    private static void WriteExtraHelp(Command command, TextWriter output)
    {
        if (command is ToolCommand tool)
        {
            if (tool.Details is not null)
            {
                output.WriteLine(tool.Details.TrimEnd());
                output.WriteLine();
            }

            output.WriteLine("Exit codes:");
            output.WriteLine(tool.ExitCodes.TrimEnd());
            foreach (var line in CommonExitCodes.Split('\n'))
            {
                var code = line.TrimStart().Split(' ')[0];
                if (!tool.ExitCodes.Contains($"  {code}  ", StringComparison.Ordinal)) output.WriteLine(line.TrimEnd());
            }
        }
        else
        {
            output.WriteLine("Exit codes (each command's --help lists its own):");
            output.WriteLine(RootExitCodes.TrimEnd());
            output.WriteLine(CommonExitCodes.TrimEnd());
            output.WriteLine();
            output.WriteLine("Run 'placement <command> --help' for a command's arguments, options and exit codes.");
            output.WriteLine("Tab completion: install dotnet-suggest and register placement with it (see the README).");
        }

        output.WriteLine();
    }

    /// <summary>Help wraps at the terminal's width, at most 100 columns; written elsewhere, at 100.</summary>
    private static int HelpWidth(TextWriter output)
    {
        if (output != Console.Out || Console.IsOutputRedirected) return 100;
        try
        {
            return Console.WindowWidth is > 20 and < 100 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }

    /// <summary>The generated help, then the command's details and exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction generated) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            generated.Invoke(parseResult);
            WriteExtraHelp(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        }
    }

    /// <summary>The tool's own version (the default action reports the entry assembly's, which in tests is the test host).</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version());
            return ExitCodes.Success;
        }
    }

    private static string Version() =>
        typeof(PlacementApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";
}
