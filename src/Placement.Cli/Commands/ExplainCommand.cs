using Placement.Explanations;

namespace Placement.Cli.Commands;

/// <summary><c>placement explain</c>: one rule's evaluation for one assessment, part by part.</summary>
internal static class ExplainCommand
{
    public const string Help = """
        Usage: placement explain <assessment.yaml|assessment.json|-> --rule ID [--rules PATH]

        Shows whether rule ID fired, may fire (depends on missing information) or did not fire for
        the assessment, and for each part of its condition the values it saw and its verdict
        (true, false or unknown).

        Options:
          --rule ID          The rule to explain (required).
          --rules PATH       A rule file or folder. Default: the embedded default rule set.
          -h, --help         Show this help.

        Exit codes: 0 explained, 1 usage error or unknown rule, 2 invalid assessment, 3 invalid rule set.
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--rule", "--rules"], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        var ruleId = line.Option("--rule");
        if (line.Error is not null || line.Positional.Count != 1 || ruleId is null)
        {
            stderr.WriteLine($"placement explain: {line.Error ?? (ruleId is null ? "give the rule with --rule ID" : "give exactly one assessment file")}");
            return ExitCodes.Unexpected;
        }

        var rules = RuleSetOption.Load(line.Option("--rules"), stderr);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        var assessment = AssessmentInput.Read(line.Positional[0], rules, stdin, stderr);
        if (assessment is null) return ExitCodes.InvalidAssessment;
        RuleTrace trace;
        try
        {
            trace = RuleTracer.Trace(rules.Recommend(assessment), ruleId);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"placement explain: {ex.Message.Split(" (Parameter")[0]}");
            return ExitCodes.Unexpected;
        }

        stdout.Write(trace.ToText());
        return ExitCodes.Success;
    }
}
