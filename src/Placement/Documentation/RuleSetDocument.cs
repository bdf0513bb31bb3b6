using System.Text;
using Placement.Explanations;
using Placement.Model;

namespace Placement.Documentation;

/// <summary>
/// Renders a rule set as a Markdown document a clinical reviewer can sign off: per decision a
/// table of rules (condition in words, level, reason, source), the derived facts, notes and flags
/// for clinical review, the criteria with their meanings and allowed values, and the rule set's
/// version and hash.
/// </summary>
public static class RuleSetDocument
{
    /// <summary>The document as Markdown.</summary>
    public static string ToMarkdown(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Escape(rules.Title ?? rules.Id)).AppendLine();
        sb.AppendLine("| | |").AppendLine("|---|---|");
        sb.Append("| Rule set | `").Append(rules.Id).AppendLine("` |");
        sb.Append("| Version | ").Append(rules.Version).AppendLine(" |");
        sb.Append("| sha256 | `").Append(rules.Sha256).AppendLine("` |");
        sb.Append("| Rules | ").Append(rules.Rules.Count).AppendLine(" |");
        sb.AppendLine();
        if (rules.Description is not null) sb.AppendLine(Escape(rules.Description)).AppendLine();
        sb.AppendLine("Each rule raises a decision to *at least* its level when its condition holds; the highest level required wins. ")
          .AppendLine("Rules whose condition depends on missing answers make the recommendation provisional.").AppendLine();
        sb.Append('*').Append(Explanations.Explanation.Disclaimer).AppendLine("*").AppendLine();

        foreach (var decision in rules.Decisions)
        {
            sb.Append("## ").Append(Escape(decision.Label)).Append(" (`").Append(decision.Id).AppendLine("`)").AppendLine();
            sb.AppendLine("| Level | Name | Category | Codes | Description |").AppendLine("|---|---|---|---|---|");
            foreach (var level in decision.Levels)
            {
                sb.Append("| `").Append(level.Id).Append('`').Append(level == decision.Default ? " (default)" : "").Append(" | ")
                    .Append(Escape(level.Name)).Append(" | ").Append(level.Category ?? "").Append(" | ")
                    .Append(string.Join(", ", level.Codes.Select(c => $"{c.Key} {c.Value}"))).Append(" | ")
                    .Append(Escape(level.Description ?? "")).AppendLine(" |");
            }

            sb.AppendLine();
            var requiring = RulesFor(rules, decision).OrderByDescending(x => x.Action.Value).ThenBy(x => x.Index).ToArray();
            if (requiring.Length > 0)
            {
                sb.AppendLine("| Rule | When | Requires at least | Reason | Source |").AppendLine("|---|---|---|---|---|");
                foreach (var (rule, action, _) in requiring) Row(sb, rules, rule, $"`{action.ValueText}`");
                sb.AppendLine();
            }
        }

        sb.AppendLine("## Derived facts").AppendLine();
        foreach (var fact in rules.Facts)
        {
            sb.Append("### ").Append(Escape(fact.Label)).Append(" (`").Append(fact.Id).AppendLine("`)").AppendLine();
            sb.Append("Values: ").Append(string.Join(", ", fact.Domain.Values.Select(v => $"`{v}`"))).Append("; default `").Append(fact.Default).AppendLine("`.");
            if (fact.Description is not null) sb.AppendLine().AppendLine(Escape(fact.Description));
            sb.AppendLine();
            var setting = RulesFor(rules, fact).OrderByDescending(x => x.Action.Value).ThenBy(x => x.Index).ToArray();
            if (setting.Length == 0) continue;
            sb.AppendLine("| Rule | When | Sets at least | Reason | Source |").AppendLine("|---|---|---|---|---|");
            foreach (var (rule, action, _) in setting) Row(sb, rules, rule, $"`{action.ValueText}`");
            sb.AppendLine();
        }

        var notes = rules.Rules.Where(r => r.Note is not null).ToArray();
        if (notes.Length > 0)
        {
            sb.AppendLine("## Notes attached to recommendations").AppendLine();
            sb.AppendLine("| Rule | When | Note | Source |").AppendLine("|---|---|---|---|");
            foreach (var rule in notes)
            {
                sb.Append("| ").Append(rule.Id).Append(" | ").Append(Escape(Words(rules, rule))).Append(" | ").Append(Escape(rule.Note!))
                    .Append(" | ").Append(Escape(rule.Source ?? "")).AppendLine(" |");
            }

            sb.AppendLine();
        }

        var flags = rules.Rules.Where(r => r.Flag is not null).ToArray();
        if (flags.Length > 0)
        {
            sb.AppendLine("## Flags for clinical review").AppendLine();
            sb.AppendLine("When one of these rules fires, the recommendation opens with its flag under \"Needs clinical review\"; ")
              .AppendLine("when missing answers leave the rule undecided, the flag is shown as possible.").AppendLine();
            sb.AppendLine("| Rule | When | Flag | Source |").AppendLine("|---|---|---|---|");
            foreach (var rule in flags)
            {
                sb.Append("| ").Append(rule.Id).Append(rule.Title is null ? "" : $" {Escape(rule.Title)}").Append(" | ")
                    .Append(Escape(Words(rules, rule))).Append(" | ").Append(Escape(rule.Flag!))
                    .Append(" | ").Append(Escape(rule.Source ?? "")).AppendLine(" |");
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Criteria").AppendLine();
        sb.AppendLine("| Criterion | Label | Allowed values | Higher means | Meaning |").AppendLine("|---|---|---|---|---|");
        foreach (var c in rules.Criteria)
        {
            var allowed = c.Domain.Kind switch
            {
                ValueKind.Integer => $"{c.Domain.Min} to {c.Domain.Max}",
                ValueKind.Set => "any of " + string.Join(", ", c.Domain.WordsWithLabels()),
                _ => string.Join(", ", c.Domain.WordsWithLabels()),
            };
            var risk = c.Risk switch { RiskDirection.Increasing => "more risk", RiskDirection.Decreasing => "less risk", _ => "-" };
            sb.Append("| `").Append(c.Id).Append("` | ").Append(Escape(c.Label)).Append(" | ").Append(allowed).Append(" | ").Append(risk)
                .Append(" | ").Append(Escape(c.Description ?? "")).AppendLine(" |");
        }

        sb.AppendLine();
        WriteMigrations(sb, rules);
        sb.AppendLine("## Sign-off").AppendLine();
        sb.AppendLine("| Reviewer | Role | Date | Signature |").AppendLine("|---|---|---|---|").AppendLine("| | | | |");
        return sb.ToString();
    }

    /// <summary>How answers written for an earlier version become answers now: a clinical mapping, so it is signed off too.</summary>
    private static void WriteMigrations(StringBuilder sb, RuleSet rules)
    {
        var migrations = rules.Compiled.Migrations.Values.OrderBy(m => m.From, StringComparer.Ordinal).ToArray();
        if (migrations.Length == 0) return;
        sb.AppendLine("## Answers from earlier versions (migrations)").AppendLine();
        sb.AppendLine("`placement migrate` rewrites assessments written for an earlier version. \"Ask again\" means the old answer cannot be mapped: it becomes unknown.").AppendLine();
        sb.AppendLine("| Old criterion | Now | Old answer | Becomes | Why |").AppendLine("|---|---|---|---|---|");
        foreach (var m in migrations)
        {
            var why = Escape(m.Description ?? "");
            if (m.Values is null)
            {
                sb.Append("| `").Append(m.From).Append("` | `").Append(m.To.Id).Append("` | any | the same answer | ").Append(why).AppendLine(" |");
                continue;
            }

            foreach (var old in m.FromValues)
            {
                var value = m.Values[old];
                sb.Append("| `").Append(m.From).Append("` | `").Append(m.To.Id).Append("` | ").Append(Escape(old)).Append(" | ")
                    .Append(value.Ask ? "ask again" : m.To.Domain.Format(value.Value)).Append(" | ").Append(why).AppendLine(" |");
            }
        }

        sb.AppendLine();
    }

    private static IEnumerable<(Rule Rule, RuleAction Action, int Index)> RulesFor(RuleSet rules, Symbol target) =>
        rules.Rules.SelectMany((r, i) => r.Actions.Where(a => a.Target == target).Select(a => (r, a, i)));

    private static void Row(StringBuilder sb, RuleSet rules, Rule rule, string level)
    {
        sb.Append("| ").Append(rule.Id).Append(rule.Title is null ? "" : $" {Escape(rule.Title)}").Append(" | ")
            .Append(Escape(Words(rules, rule))).Append(" | ").Append(level).Append(" | ")
            .Append(Escape(rule.Because ?? "")).Append(" | ").Append(Escape(rule.Source ?? "")).AppendLine(" |");
    }

    private static string Words(RuleSet rules, Rule rule) => ConditionWords.Of(rules.Compiled.RulesById[rule.Id].Condition);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
