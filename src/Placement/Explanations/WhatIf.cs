using Placement.Engine;
using Placement.Model;

namespace Placement.Explanations;

/// <summary>
/// One answer's smallest change that would change a decision: "if Overnight support were no,
/// Withdrawal management would be Residential withdrawal management". Values are shown in words
/// (labels, yes or no); a decision still open is shown as its range.
/// </summary>
/// <param name="Criterion">The answered criterion.</param>
/// <param name="From">Its answer now, in words.</param>
/// <param name="To">The nearest other answer that changes a decision, in words.</param>
/// <param name="Decision">The first decision (in declaration order) that answer changes.</param>
/// <param name="Now">That decision now: its level, or "A to B" while undecided.</param>
/// <param name="Then">That decision with the changed answer.</param>
public sealed record WhatIfChange(Criterion Criterion, string From, string To, Decision Decision, string Now, string Then)
{
    /// <summary>"If Overnight support were no, Withdrawal management would be Residential withdrawal management (now Ambulatory withdrawal management)."</summary>
    public override string ToString() => $"If {Criterion.Label} were {To} (now {From}), {Decision.Label} would be {Then} (now {Now}).";
}

/// <summary>
/// What-if: for each answered criterion, the nearest single change of its answer that changes a
/// decision. Nearer means fewer steps along the criterion's values: the next number up or down,
/// the neighbouring word, the other boolean, one word more or less in a set. Each candidate is a
/// full recommendation on the changed assessment, so the answer is exact.
/// </summary>
public static class WhatIf
{
    /// <summary>The smallest decision-changing change of each answered criterion, in declaration order; criteria whose every change leaves the decisions as they are are left out.</summary>
    /// <param name="recommendation">The recommendation to vary.</param>
    public static IReadOnlyList<WhatIfChange> For(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var rec = recommendation;
        var rules = rec.RuleSet;
        var values = rec.Assessment.Values;
        var changes = new List<WhatIfChange>();
        foreach (var c in rules.Criteria)
        {
            var now = Get(values, c);
            if (now == CompiledRuleSet.Unknown) continue;
            foreach (var candidate in Neighbours(c, now))
            {
                var changed = (int[])values.Clone();
                Set(changed, c, candidate);
                var other = rules.Recommend(new Assessment(rules, changed));
                var decision = rules.Decisions.FirstOrDefault(d => other.Floor(d) != rec.Floor(d) || other.Ceiling(d) != rec.Ceiling(d));
                if (decision is null) continue;
                changes.Add(new WhatIfChange(c, LevelText.Value(c.Domain, now), LevelText.Value(c.Domain, candidate), decision, Range(rec, decision), Range(other, decision)));
                break;
            }
        }

        return changes;
    }

    private static string Range(Recommendation rec, Decision d) =>
        rec.Level(d) is { } level ? level.Name : $"{rec.Floor(d).Name} to {rec.Ceiling(d).Name}";

    private static int Get(int[] values, Criterion c) => values[c.Slot];

    private static void Set(int[] values, Criterion c, int value)
    {
        if (c.Domain.Kind == ValueKind.Set) CompiledRuleSet.WriteSet(values, c, value);
        else values[c.Slot] = value;
    }

    /// <summary>The other answers, nearest first (for a set: one word added or removed, in word order).</summary>
    private static IEnumerable<int> Neighbours(Criterion c, int now)
    {
        var domain = c.Domain;
        if (domain.Kind == ValueKind.Set)
        {
            for (var i = 0; i < domain.Values.Count; i++) yield return now ^ (1 << i);
            yield break;
        }

        for (var step = 1; now - step >= domain.Min || now + step <= domain.Max; step++)
        {
            if (now + step <= domain.Max) yield return now + step;
            if (now - step >= domain.Min) yield return now - step;
        }
    }

    /// <summary>The changes as a "whatIf" JSON array (see recommendation.schema.json), appended to a recommendation's JSON object.</summary>
    /// <param name="recommendationJson">The recommendation as JSON (<c>Explain().ToJson()</c>).</param>
    /// <param name="changes">The changes.</param>
    public static string AddToJson(string recommendationJson, IReadOnlyList<WhatIfChange> changes)
    {
        ArgumentNullException.ThrowIfNull(recommendationJson);
        ArgumentNullException.ThrowIfNull(changes);
        var node = System.Text.Json.Nodes.JsonNode.Parse(recommendationJson)!.AsObject();
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (var c in changes)
        {
            array.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["criterion"] = c.Criterion.Id,
                ["from"] = c.From,
                ["to"] = c.To,
                ["decision"] = c.Decision.Id,
                ["now"] = c.Now,
                ["then"] = c.Then,
                ["text"] = c.ToString(),
            });
        }

        node["whatIf"] = array;
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = recommendationJson.Contains('\n', StringComparison.Ordinal), Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The changes as a text section ("What would change it:"), or an empty string when there are none.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="markdown">Markdown (a heading and a list) instead of plain text.</param>
    public static string Render(IReadOnlyList<WhatIfChange> changes, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return "";
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(markdown ? "## What would change it" : "What would change it (one answer at a time):");
        if (markdown) sb.AppendLine();
        foreach (var c in changes) sb.Append(markdown ? "- " : "  - ").AppendLine(c.ToString());
        return sb.ToString();
    }
}
