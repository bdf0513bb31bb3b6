using System.Text;

namespace Placement.Explanations;

/// <summary>Renders an explanation as plain text for a clinician at a terminal.</summary>
internal static class TextRenderer
{
    public static string Render(Explanation explanation, ExplanationDetail detail)
    {
        var brief = detail == ExplanationDetail.Standard && explanation.Recommendation.Status == RecommendationStatus.Insufficient;
        var rec = explanation.Recommendation;
        var sb = new StringBuilder();
        if (rec.Flags.Count + rec.PossibleFlags.Count > 0)
        {
            sb.AppendLine("Needs clinical review:");
            foreach (var flag in rec.Flags) sb.Append("  - [").Append(flag.Rule).Append("] ").AppendLine(flag.Text);
            foreach (var flag in rec.PossibleFlags) sb.Append("  - [").Append(flag.Rule).Append("] ").Append(LevelText.Possibly).AppendLine(flag.Text);
            sb.AppendLine();
        }

        sb.Append("Status: ").Append(LevelText.Status(rec.Status).ToUpperInvariant());
        if (rec.Status == RecommendationStatus.Insufficient)
        {
            sb.Append(" - required answers are missing: ").Append(string.Join(", ", rec.UnknownRequired.Select(c => c.Label)))
                .Append("; ask them before relying on any level");
        }
        else if (rec.Status == RecommendationStatus.Provisional)
        {
            sb.Append(" - not every level is decided yet");
        }

        sb.AppendLine();
        foreach (var d in explanation.Decisions)
        {
            var r = d.Result;
            if (r.Level is null)
            {
                sb.Append(r.Decision.Label).Append(" cannot be determined yet: at least ").Append(r.Floor.Name)
                    .Append(", up to ").Append(r.Ceiling.Name).AppendLine(".");
            }
        }

        var askFirst = LevelText.AskFirst(rec);
        if (askFirst.Count > 0 && rec.Status != RecommendationStatus.Recommended) sb.Append("Ask first: ").AppendLine(LevelText.Criteria(askFirst));
        if (!rec.BoundsAreExact)
        {
            sb.AppendLine("Note: too many answers are unknown to work out every case; the range shown may be wider than the truth.");
        }

        if (brief)
        {
            AppendEstablished(sb, explanation);
        }
        else
        {
            AppendDecisions(sb, explanation);
        }

        if (rec.Missing.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Missing information:");
            foreach (var m in rec.Missing)
            {
                sb.Append("  - ").Append(m.Criterion.Label);
                if (m.IsRequired) sb.Append(" (required)");
                sb.Append(": ").Append(LevelText.CouldRaise(rec, m));
                if (detail == ExplanationDetail.Full && m.Rules.Count > 0) sb.Append("  [rules ").Append(string.Join(", ", m.Rules)).Append(']');
                sb.AppendLine();
            }
        }

        if (rec.Notes.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Notes:");
            foreach (var note in rec.Notes) sb.Append("  - ").AppendLine(note);
        }

        sb.AppendLine();
        if (brief) sb.AppendLine(LevelText.BriefForm);
        sb.Append("Rule set: ").Append(rec.RuleSet.Id).Append(' ').Append(rec.RuleSet.Version)
            .Append(", sha256 ").AppendLine(rec.RuleSet.Sha256);
        sb.AppendLine(Explanation.Disclaimer);
        return sb.ToString();
    }

    /// <summary>The short form's middle: only what the answers so far establish.</summary>
    private static void AppendEstablished(StringBuilder sb, Explanation explanation)
    {
        sb.AppendLine();
        sb.AppendLine("What the answers so far establish:");
        var established = LevelText.Established(explanation);
        foreach (var (label, value, because) in established)
        {
            sb.Append("  ").Append(label).Append(": ").AppendLine(value);
            foreach (var reason in because) sb.Append("    - [").Append(reason.Rule).Append("] ").AppendLine(reason.Text);
        }

        if (established.Count == 0) sb.Append("  ").AppendLine(LevelText.NothingEstablished);
    }

    /// <summary>The full middle: every decision with why, why not and what could change it, then the derived facts.</summary>
    private static void AppendDecisions(StringBuilder sb, Explanation explanation)
    {
        var rec = explanation.Recommendation;
        foreach (var d in explanation.Decisions)
        {
            var result = d.Result;
            sb.AppendLine();
            if (result.Level is { } level)
            {
                sb.Append(result.Decision.Label).Append(": ").AppendLine(LevelText.Describe(level));
            }
            else
            {
                sb.Append(result.Decision.Label).Append(": at least ").AppendLine(LevelText.Describe(result.Floor));
                sb.Append("  Up to: ").AppendLine(LevelText.Describe(result.Ceiling));
            }

            if (result.Because.Count == 0)
            {
                sb.Append("  Why: ").AppendLine(LevelText.NoReason(result));
            }
            else
            {
                sb.AppendLine("  Why:");
                foreach (var reason in result.Because)
                {
                    sb.Append("    - [").Append(reason.Rule).Append("] ").AppendLine(reason.Text);
                    if (reason.Source is not null) sb.Append("      Source: ").AppendLine(reason.Source);
                }
            }

            if (result.AlsoFound.Count > 0)
            {
                sb.AppendLine("  Also needed, met at this level:");
                foreach (var reason in result.AlsoFound) sb.Append("    - [").Append(reason.Rule).Append("] ").AppendLine(reason.Text);
            }

            if (d.NextLevel is not null)
            {
                sb.Append("  Why not ").Append(d.NextLevel.Name).AppendLine(":");
                if (d.WhyNotHigher.Count == 0) sb.AppendLine("    - nothing recorded calls for it on its own; it could only follow from other needs.");
                foreach (var blocked in d.WhyNotHigher) AppendRule(sb, blocked, "not met");
            }

            if (d.CouldRaise.Count > 0)
            {
                sb.AppendLine("  Could change once known:");
                foreach (var possible in d.CouldRaise) AppendRule(sb, possible, "unknown", $" -> {possible.Requires.Name}");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Derived facts:");
        foreach (var fact in rec.Facts.Values)
        {
            var domain = fact.Fact.Domain;
            sb.Append("  ").Append(fact.Fact.Label).Append(": ").Append(LevelText.Words(domain, fact.Floor));
            if (!fact.IsDetermined) sb.Append(" (could be ").Append(LevelText.Words(domain, fact.Ceiling)).Append(" once more is known)");
            if (fact.Because.Count == 0 && fact.Floor != fact.Fact.Default) sb.Append(" (whatever the unknown answers are)");
            sb.AppendLine();
            foreach (var reason in fact.Because) sb.Append("    - [").Append(reason.Rule).Append("] ").AppendLine(reason.Text);
            foreach (var reason in fact.AlsoFound) sb.Append("    - also [").Append(reason.Rule).Append("] ").AppendLine(reason.Text);
        }
    }

    private static void AppendRule(StringBuilder sb, BlockedRule rule, string verdict, string suffix = "")
    {
        sb.Append("    - [").Append(rule.Rule).Append("] ").Append(rule.Title ?? "").Append(suffix).AppendLine();
        foreach (var part in rule.Parts)
        {
            sb.Append("        ").Append(part.Text).Append(": ").Append(verdict);
            if (part.Readings.Count > 0) sb.Append(" (").Append(string.Join("; ", part.Readings)).Append(')');
            sb.AppendLine();
        }
    }
}
