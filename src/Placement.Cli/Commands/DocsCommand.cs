using Placement.Documentation;

namespace Placement.Cli.Commands;

/// <summary><c>placement docs</c>: the rule set as a document for clinical sign-off.</summary>
internal static class DocsCommand
{
    public const string Help = """
        Usage: placement docs [DIR] [--out FILE.md]

        Renders the rule set as a Markdown document a clinical reviewer can sign off: per decision a
        table of rules (condition in words, level, reason, source), the derived facts and notes, the
        criteria with their meanings and allowed values, and the rule set's version and sha256.

        Arguments:
          DIR                A rule file or folder. Default: the embedded default rule set.

        Options:
          --out FILE         Write to FILE instead of standard output.
          -h, --help         Show this help.

        Exit codes: 0 written, 1 usage error or the file cannot be written, 3 invalid rule set.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--out"], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        if (line.Error is not null || line.Positional.Count > 1)
        {
            stderr.WriteLine($"placement docs: {line.Error ?? "give at most one rule folder"}");
            return ExitCodes.Unexpected;
        }

        var rules = RuleSetOption.Load(line.Positional.Count == 1 ? line.Positional[0] : null, stderr);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        var markdown = RuleSetDocument.ToMarkdown(rules);
        if (line.Option("--out") is not { } path)
        {
            stdout.Write(markdown);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(path, markdown);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"placement docs: cannot write {path} ({ex.GetType().Name})");
            return ExitCodes.Unexpected;
        }

        stdout.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }
}
