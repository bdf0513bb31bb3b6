using Placement.Analysis;

namespace Placement.Cli.Commands;

/// <summary><c>placement check</c>: every load error and every warning of a rule set.</summary>
internal static class CheckCommand
{
    public const string Help = """
        Usage: placement check [DIR] [--format text|json]

        Loads a rule set and prints every diagnostic as file:line:col: severity CODE: message.
        Besides load errors it warns about:
          PL6001  a criterion or fact that no rule reads (mark reported facts 'output: true')
          PL6002  a rule that can never fire (its condition is unsatisfiable over the declared values)
          PL6003  a rule whose require never changes the result (another rule always requires as much)
          PL6004  a level no rule can reach

        Arguments:
          DIR                A rule file or folder of rule files. Default: the current folder.

        Options:
          --format FORMAT    text (default) or json (an array of diagnostics, for CI).
          -h, --help         Show this help.

        Exit codes: 0 no errors (warnings allowed), 1 usage error, 3 the rule set has errors.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--format"], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        var format = line.Option("--format") ?? "text";
        if (line.Error is not null || line.Positional.Count > 1 || format is not ("text" or "json"))
        {
            stderr.WriteLine($"placement check: {line.Error ?? (line.Positional.Count > 1 ? "give at most one rule folder" : $"unknown format '{format}'; use text or json")}");
            return ExitCodes.Unexpected;
        }

        var path = line.Positional.Count == 1 ? line.Positional[0] : ".";
        var result = RuleSet.TryLoad(path);
        var diagnostics = result.Success
            ? result.Diagnostics.Concat(RuleSetChecker.Check(result.RuleSet)).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToArray()
            : result.Diagnostics;
        DiagnosticOutput.Write(diagnostics, format, stdout);
        if (format == "text")
        {
            var errors = diagnostics.Count(d => d.IsError);
            stdout.WriteLine($"{errors} error(s), {diagnostics.Count - errors} warning(s)");
        }

        return result.Success ? ExitCodes.Success : ExitCodes.InvalidRuleSet;
    }
}
