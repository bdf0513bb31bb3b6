using Placement.Explanations;

namespace Placement.Cli.Commands;

/// <summary><c>placement recommend</c>: one assessment in, a recommendation with its explanation out.</summary>
internal static class RecommendCommand
{
    public const string Help = """
        Usage: placement recommend <assessment.yaml|assessment.json|-> [--rules PATH] [--format text|json|markdown]

        Recommends a level of care for one assessment and explains it.

        Arguments:
          <assessment>       A YAML or JSON file mapping criterion ids to values; '-' reads standard input.
                             A criterion that is absent or null is unknown: the recommendation is then
                             provisional and lists what is missing and what it could change.

        Options:
          --rules PATH       A rule file or a folder of rule files. Default: the embedded default rule set.
          --format FORMAT    text (default, for a clinician at a terminal), markdown, or json.
          -h, --help         Show this help.

        Exit codes:
          0  a recommendation was made (recommended or provisional)
          1  usage error or unexpected failure
          2  the assessment is invalid; errors on stderr as file:line:col: error CODE: message
          3  the rule set is invalid; errors on stderr as file:line:col: error CODE: message
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--rules", "--format"], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        if (line.Error is not null || line.Positional.Count != 1)
        {
            stderr.WriteLine($"placement recommend: {line.Error ?? "give exactly one assessment file"}");
            stderr.WriteLine("Run 'placement recommend --help' for usage.");
            return ExitCodes.Unexpected;
        }

        var format = line.Option("--format") ?? "text";
        if (format is not ("text" or "json" or "markdown"))
        {
            stderr.WriteLine($"placement recommend: unknown format '{format}'; use text, json or markdown");
            return ExitCodes.Unexpected;
        }

        var rules = RuleSetOption.Load(line.Option("--rules"), stderr);
        if (rules is null) return ExitCodes.InvalidRuleSet;

        var assessment = AssessmentInput.Read(line.Positional[0], rules, stdin, stderr);
        if (assessment is null) return ExitCodes.InvalidAssessment;

        var explanation = rules.Recommend(assessment).Explain();
        stdout.Write(format switch
        {
            "json" => explanation.ToJson() + Environment.NewLine,
            "markdown" => explanation.ToMarkdown(),
            _ => explanation.ToText(),
        });
        return ExitCodes.Success;
    }
}
