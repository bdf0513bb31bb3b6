using System.Text;

namespace Placement.Explanations;

/// <summary>Renders an explanation as Markdown for a clinician's tool.</summary>
internal static class MarkdownRenderer
{
    public static string Render(Explanation explanation, ExplanationDetail detail)
    {
        var rec = explanation.Recommendation;
        var brief = detail == ExplanationDetail.Standard && rec.Status == RecommendationStatus.Insufficient;
        var full = detail == ExplanationDetail.Full;
        var sb = new StringBuilder();
        sb.Append("# Placement recommendation (").Append(LevelText.Status(rec.Status)).AppendLine(")");
        sb.AppendLine();
        if (rec.Flags.Count + rec.PossibleFlags.Count > 0)
        {
            sb.AppendLine("> **Needs clinical review**");
            sb.AppendLine(">");
            foreach (var flag in rec.Flags) sb.Append("> - **").Append(flag.Rule).Append("** ").AppendLine(Escape(flag.Text));
            foreach (var flag in rec.PossibleFlags)
            {
                sb.Append("> - **").Append(flag.Rule).Append("** *").Append(LevelText.Possibly.TrimEnd()).Append("* ").AppendLine(Escape(flag.Text));
            }

            sb.AppendLine();
        }

        if (rec.Status == RecommendationStatus.Insufficient)
        {
            sb.Append("> **Insufficient:** required answers are missing (")
                .Append(Escape(string.Join(", ", rec.UnknownRequired.Select(c => c.Label))))
                .AppendLine("). Ask them before relying on any level.");
            sb.AppendLine();
        }
        else if (rec.Status == RecommendationStatus.Provisional)
        {
            sb.AppendLine("> **Provisional:** not every level is decided yet. See *Missing information*.");
            sb.AppendLine();
        }

        var askFirst = LevelText.AskFirst(rec);
        if (askFirst.Count > 0 && rec.Status != RecommendationStatus.Recommended)
        {
            sb.Append("**Ask first:** ").AppendLine(Escape(LevelText.Criteria(askFirst)));
            sb.AppendLine();
        }

        if (!rec.BoundsAreExact)
        {
            sb.AppendLine("> Too many answers are unknown to work out every case; the ranges shown may be wider than the truth.");
            sb.AppendLine();
        }

        sb.AppendLine("| Decision | Level | At least | Up to |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var d in explanation.Decisions)
        {
            var r = d.Result;
            sb.Append("| ").Append(Escape(r.Decision.Label)).Append(" | ")
                .Append(r.Level is { } level ? $"**{Escape(level.Name)}** (`{level.Id}`)" : "*cannot be determined yet*").Append(" | ")
                .Append(Escape(r.Floor.Name)).Append(" (`").Append(r.Floor.Id).Append("`) | ")
                .Append(Escape(r.Ceiling.Name)).Append(" (`").Append(r.Ceiling.Id).AppendLine("`) |");
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
            sb.AppendLine("## Missing information");
            sb.AppendLine();
            sb.AppendLine(full ? "| Criterion | Required | Alone could raise | Rules |" : "| Criterion | Required | Alone could raise |");
            sb.AppendLine(full ? "|---|---|---|---|" : "|---|---|---|");
            foreach (var m in rec.Missing)
            {
                var flag = LevelText.CouldRaiseFlag(rec, m);
                var raise = m.CouldRaise.Count == 0
                    ? flag ? "a review flag" : "narrows what is still open"
                    : string.Join(", ", m.CouldRaise.Select(kv => $"{Escape(LevelText.DecisionLabel(rec, kv.Key))} to at least {Escape(kv.Value.Name)}")) + (flag ? ", a review flag" : "");
                sb.Append("| ").Append(Escape(m.Criterion.Label)).Append(" | ").Append(m.IsRequired ? "**yes**" : "no")
                    .Append(" | ").Append(raise);
                if (full) sb.Append(" | ").Append(string.Join(", ", m.Rules));
                sb.AppendLine(" |");
            }
        }

        if (rec.Notes.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Notes");
            sb.AppendLine();
            foreach (var note in rec.Notes) sb.Append("- ").AppendLine(Escape(note));
        }

        sb.AppendLine();
        sb.AppendLine("---");
        sb.AppendLine();
        if (brief) sb.Append('*').Append(Escape(LevelText.BriefForm)).AppendLine("*").AppendLine();
        sb.Append("Rule set `").Append(rec.RuleSet.Id).Append("` ").Append(rec.RuleSet.Version).Append(", sha256 `").Append(rec.RuleSet.Sha256).AppendLine("`");
        sb.AppendLine();
        sb.Append('*').Append(Explanation.Disclaimer).AppendLine("*");
        return sb.ToString();
    }

    private static void AppendEstablished(StringBuilder sb, Explanation explanation)
    {
        sb.AppendLine();
        sb.AppendLine("## What the answers so far establish");
        sb.AppendLine();
        var established = LevelText.Established(explanation);
        foreach (var (label, value, because) in established)
        {
            sb.Append("- ").Append(Escape(label)).Append(": **").Append(Escape(value)).AppendLine("**");
            foreach (var reason in because) sb.Append("  - **").Append(reason.Rule).Append("** ").AppendLine(Escape(reason.Text));
        }

        if (established.Count == 0) sb.Append("- ").AppendLine(char.ToUpperInvariant(LevelText.NothingEstablished[0]) + LevelText.NothingEstablished[1..]);
    }

    private static void AppendDecisions(StringBuilder sb, Explanation explanation)
    {
        var rec = explanation.Recommendation;
        foreach (var d in explanation.Decisions)
        {
            var r = d.Result;
            sb.AppendLine();
            sb.Append("## ").Append(Escape(r.Decision.Label)).Append(": ")
                .AppendLine(r.Level is { } level ? Escape(level.Name) : $"at least {Escape(r.Floor.Name)}, up to {Escape(r.Ceiling.Name)}");
            sb.AppendLine();
            if (r.Level?.Description is { } description) sb.Append('*').Append(Escape(description)).AppendLine("*").AppendLine();
            sb.AppendLine("**Why**");
            sb.AppendLine();
            if (r.Because.Count == 0) sb.Append("- ").AppendLine(char.ToUpperInvariant(LevelText.NoReason(r)[0]) + LevelText.NoReason(r)[1..]);
            foreach (var reason in r.Because)
            {
                sb.Append("- **").Append(reason.Rule).Append("** ").Append(Escape(reason.Text));
                if (reason.Source is not null) sb.Append(" _Source: ").Append(Escape(reason.Source)).Append('_');
                sb.AppendLine();
            }

            if (r.AlsoFound.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("**Also needed, met at this level**");
                sb.AppendLine();
                foreach (var reason in r.AlsoFound) sb.Append("- **").Append(reason.Rule).Append("** ").AppendLine(Escape(reason.Text));
            }

            if (d.NextLevel is not null)
            {
                sb.AppendLine();
                sb.Append("**Why not ").Append(Escape(d.NextLevel.Name)).AppendLine("**");
                sb.AppendLine();
                if (d.WhyNotHigher.Count == 0) sb.AppendLine("- Nothing recorded calls for it on its own; it could only follow from other needs.");
                foreach (var blocked in d.WhyNotHigher) AppendRule(sb, blocked, "not met");
            }

            if (d.CouldRaise.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("**Could change once missing information is known**");
                sb.AppendLine();
                foreach (var possible in d.CouldRaise) AppendRule(sb, possible, "unknown");
            }
        }

        sb.AppendLine();
        sb.AppendLine("## Derived facts");
        sb.AppendLine();
        sb.AppendLine("| Fact | Value | Could be up to | Why |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var f in rec.Facts.Values)
        {
            var why = f.Because.Count == 0 ? (f.Floor == f.Fact.Default ? "nothing recorded calls for more" : "whatever the unknown answers are") : string.Join("<br>", f.Because.Select(r => $"**{r.Rule}** {Escape(r.Text)}").Concat(f.AlsoFound.Select(r => $"also **{r.Rule}** {Escape(r.Text)}")));
            sb.Append("| ").Append(Escape(f.Fact.Label)).Append(" | ").Append(Escape(LevelText.Words(f.Fact.Domain, f.Floor))).Append(" | ")
                .Append(f.IsDetermined ? "-" : Escape(LevelText.Words(f.Fact.Domain, f.Ceiling)))
                .Append(" | ").Append(why).AppendLine(" |");
        }

    }

    private static void AppendRule(StringBuilder sb, BlockedRule rule, string verdict)
    {
        sb.Append("- **").Append(rule.Rule).Append("** ").Append(Escape(rule.Title ?? "")).Append(" (requires `").Append(rule.Requires.Id).AppendLine("`)");
        foreach (var part in rule.Parts)
        {
            sb.Append("  - ").Append(Escape(part.Text)).Append(": ").Append(verdict);
            if (part.Readings.Count > 0) sb.Append(" (").Append(Escape(string.Join("; ", part.Readings))).Append(')');
            sb.AppendLine();
        }
    }

    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
