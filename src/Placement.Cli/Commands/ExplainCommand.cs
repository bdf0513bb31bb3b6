using System.CommandLine;
using Placement.Explanations;

namespace Placement.Cli.Commands;

/// <summary><c>placement explain</c>: one rule's evaluation for one assessment, part by part.</summary>
internal static class ExplainCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var assessment = CliOptions.Input("assessment", "A YAML or JSON assessment file; '-' reads standard input.");
        var rule = new Option<string>("--rule") { Description = "The id of the rule to explain.", HelpName = "ID", Required = true };
        var command = new ToolCommand("explain", "Show how one rule's condition evaluated for an assessment, part by part.", """
              0   explained
              2   the assessment is invalid or cannot be read
              3   the rule set is invalid
              64  a usage error, or the rule set has no rule with that id
            """, """
            Shows whether the rule fired, may fire (depends on missing information) or did not fire, and for
            each part of its condition the values it saw and its verdict (true, false or unknown).
            """)
        {
            assessment, rule, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(assessment)!, parse.GetValue(rule)!, parse.GetValue(rules), io));
        return command;
    }

    private static int Run(string path, string ruleId, string? rulesPath, Io io)
    {
        var rules = RuleSetOption.Load(rulesPath, io.Error);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        var assessment = AssessmentInput.Read(path, rules, io.In, io.Error);
        if (assessment is null) return ExitCodes.InvalidInput;
        RuleTrace trace;
        try
        {
            trace = RuleTracer.Trace(rules.Recommend(assessment), ruleId);
        }
        catch (ArgumentException ex)
        {
            io.Error.WriteLine($"placement explain: {ex.Message.Split(" (Parameter")[0]}");
            return ExitCodes.Usage;
        }

        io.Out.Write(trace.ToText());
        return ExitCodes.Success;
    }
}
