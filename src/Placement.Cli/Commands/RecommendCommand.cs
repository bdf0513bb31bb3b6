using System.CommandLine;
using Placement.Explanations;

namespace Placement.Cli.Commands;

/// <summary><c>placement recommend</c>: one assessment in, a recommendation with its explanation out.</summary>
internal static class RecommendCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var assessment = CliOptions.Input("assessment",
            "A YAML or JSON file mapping criterion ids to values; '-' reads standard input. A criterion that is absent or null is unknown: a decision it can change shows its floor and ceiling instead of a level, and the recommendation lists what to ask first.");
        var format = CliOptions.Format("text (for a clinician at a terminal), markdown, or json.", "text", "markdown", "json");
        var detail = new Option<ExplanationDetail>("--detail")
        {
            Description = "standard: what a clinician needs at a glance (short while required answers are missing); full: every rule that blocked or could still raise a level, and the rules behind each missing answer. Applies to text and markdown. Default: standard.",
            HelpName = "standard|full",
            CustomParser = result =>
            {
                var given = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (string.Equals(given, "full", StringComparison.OrdinalIgnoreCase)) return ExplanationDetail.Full;
                if (!string.Equals(given, "standard", StringComparison.OrdinalIgnoreCase)) result.AddError($"unknown --detail '{given}'; use standard or full");
                return ExplanationDetail.Standard;
            },
        };
        var whatIf = new Option<bool>("--what-if")
        {
            Description = "Add, for each answered criterion, the nearest single change of its answer that would change a decision (\"if Overnight support were no, ...\").",
        };
        var audit = new Option<string?>("--audit")
        {
            Description = "Also write the self-contained audit record (time, rule set id, version and sha256, the answers, the result) to FILE; 'placement audit verify FILE' re-runs it.",
            HelpName = "FILE",
        };
        var command = new ToolCommand("recommend", "Recommend a level of care for one assessment and explain it.", """
              0   a recommendation was made (recommended, provisional or insufficient)
              2   the assessment is invalid or cannot be read (errors on stderr as file:line:col: error CODE: ...)
              3   the rule set is invalid or cannot be read (errors on stderr, the same way)
            """)
        {
            assessment, rules, format, detail, whatIf, audit,
        };
        command.SetAction(parse => Run(parse.GetValue(assessment)!, parse.GetValue(rules), parse.GetValue(format) ?? "text", parse.GetValue(detail), parse.GetValue(whatIf), parse.GetValue(audit), io));
        return command;
    }

    private static int Run(string path, string? rulesPath, string format, ExplanationDetail detail, bool whatIf, string? auditPath, Io io)
    {
        var rules = RuleSetOption.Load(rulesPath, io.Error);
        if (rules is null) return ExitCodes.InvalidRuleSet;

        var assessment = AssessmentInput.Read(path, rules, io.In, io.Error);
        if (assessment is null) return ExitCodes.InvalidInput;

        var recommendation = rules.Recommend(assessment);
        if (auditPath is not null)
        {
            try
            {
                File.WriteAllText(auditPath, Placement.Audit.AuditRecord.Create(recommendation, DateTimeOffset.UtcNow));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"{auditPath}:1:1: error PL1006: cannot be written");
                return ExitCodes.InvalidInput;
            }
        }

        var explanation = recommendation.Explain();
        var changes = whatIf ? WhatIf.For(recommendation) : [];
        io.Out.Write(format switch
        {
            "json" => (whatIf ? WhatIf.AddToJson(explanation.ToJson(), changes) : explanation.ToJson()) + Environment.NewLine,
            "markdown" => explanation.ToMarkdown(detail) + (whatIf ? Environment.NewLine + WhatIf.Render(changes, markdown: true) : ""),
            _ => explanation.ToText(detail) + (whatIf ? Environment.NewLine + WhatIf.Render(changes, markdown: false) : ""),
        });
        return ExitCodes.Success;
    }
}
