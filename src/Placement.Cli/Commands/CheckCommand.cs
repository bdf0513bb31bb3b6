using System.CommandLine;
using Placement.Analysis;

namespace Placement.Cli.Commands;

/// <summary><c>placement check</c>: every load error and every warning of a rule set.</summary>
internal static class CheckCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var format = CliOptions.Format("text, or json (an array of diagnostics, for CI).", "text", "json");
        var command = new ToolCommand("check", "Check a rule set: every error, and warnings for likely mistakes.", """
              0   no errors (warnings allowed)
              3   the rule set has errors
            """, """
            Prints every diagnostic as file:line:col: severity CODE: message. Besides load errors it warns about:
              PL6001  a criterion or fact that no rule reads (mark reported facts 'output: true')
              PL6002  a rule that can never fire
              PL6003  a rule whose require never changes the result
              PL6004  a level no rule can reach
              PL6005  a require or set below the default, which can never change anything
              PL6006  a criterion without a risk order, which verify cannot vary
            """)
        {
            rules, format,
        };
        command.SetAction(parse => Run(parse.GetValue(rules), parse.GetValue(format) ?? "text", io));
        return command;
    }

    private static int Run(string? rulesPath, string format, Io io)
    {
        var result = RuleSetOption.TryLoad(rulesPath);
        var diagnostics = result.Success
            ? result.Diagnostics.Concat(RuleSetChecker.Check(result.RuleSet)).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToArray()
            : result.Diagnostics;
        DiagnosticOutput.Write(diagnostics, format, io.Out);
        if (format == "text")
        {
            var errors = diagnostics.Count(d => d.IsError);
            io.Out.WriteLine($"{errors} error(s), {diagnostics.Count - errors} warning(s)");
        }

        return result.Success ? ExitCodes.Success : ExitCodes.InvalidRuleSet;
    }
}
