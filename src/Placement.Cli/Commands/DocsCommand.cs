using System.CommandLine;
using Placement.Documentation;

namespace Placement.Cli.Commands;

/// <summary><c>placement docs</c>: the rule set as a document for clinical sign-off.</summary>
internal static class DocsCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var output = new Option<string?>("--out") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };
        var command = new ToolCommand("docs", "Render the rule set as a Markdown document for clinical sign-off.", """
              0   written
              2   the --out file cannot be written
              3   the rule set is invalid
            """, """
            Per decision a table of rules (condition in words, level, reason, source), the derived facts
            and notes, the criteria with their meanings and allowed values, and the rule set's version
            and sha256.
            """)
        {
            rules, output,
        };
        command.SetAction(parse => Run(parse.GetValue(rules), parse.GetValue(output), io));
        return command;
    }

    private static int Run(string? rulesPath, string? path, Io io) =>
        OutputFile.WriteRendering("docs", rulesPath, path, RuleSetDocument.ToMarkdown, io);
}
