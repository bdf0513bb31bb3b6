using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Placement.Explanations;

/// <summary>Renders a recommendation and its explanation as one JSON object (camelCase).</summary>
internal static class JsonRenderer
{
    public static string Render(Explanation explanation, bool indented)
    {
        var rec = explanation.Recommendation;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("status", LevelText.Status(rec.Status));
            w.WriteBoolean("boundsExact", rec.BoundsAreExact);
            WriteStrings(w, "requiredMissing", rec.UnknownRequired.Select(c => c.Id));
            WriteStrings(w, "askFirst", rec.Status == RecommendationStatus.Recommended ? [] : LevelText.AskFirst(rec).Select(m => m.Criterion.Id));
            WriteFlags(w, "flags", rec.Flags);
            WriteFlags(w, "possibleFlags", rec.PossibleFlags);
            w.WriteStartObject("ruleSet");
            w.WriteString("id", rec.RuleSet.Id);
            w.WriteString("version", rec.RuleSet.Version);
            w.WriteString("sha256", rec.RuleSet.Sha256);
            w.WriteEndObject();
            w.WritePropertyName("assessment");
            WriteAnswers(w, rec.Assessment);

            w.WriteStartObject("decisions");
            foreach (var d in explanation.Decisions)
            {
                var r = d.Result;
                w.WriteStartObject(r.Decision.Id);
                w.WriteBoolean("determined", r.IsDetermined);
                if (r.Level is { } level) WriteLevel(w, "level", level);
                WriteLevel(w, "floor", r.Floor);
                WriteLevel(w, "ceiling", r.Ceiling);
                w.WriteStartArray("because");
                foreach (var reason in r.Because) WriteReason(w, reason);
                w.WriteEndArray();
                w.WriteStartArray("whyNotHigher");
                foreach (var b in d.WhyNotHigher) WriteRule(w, b);
                w.WriteEndArray();
                w.WriteStartArray("couldRaise");
                foreach (var b in d.CouldRaise) WriteRule(w, b);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();

            w.WriteStartObject("facts");
            foreach (var f in rec.Facts.Values)
            {
                w.WriteStartObject(f.Fact.Id);
                WriteValue(w, "floor", f.Fact.Domain, f.Floor);
                WriteValue(w, "ceiling", f.Fact.Domain, f.Ceiling);
                w.WriteStartArray("because");
                foreach (var reason in f.Because) WriteReason(w, reason);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            WriteStrings(w, "firedRules", rec.FiredRules);
            WriteStrings(w, "mayFireRules", rec.MayFireRules);

            w.WriteStartArray("missing");
            foreach (var m in rec.Missing)
            {
                w.WriteStartObject();
                w.WriteString("criterion", m.Criterion.Id);
                w.WriteBoolean("required", m.IsRequired);
                if (m.Criterion.Ask is { } ask) w.WriteNumber("ask", ask);
                else w.WriteNull("ask");
                w.WriteStartObject("couldRaise");
                foreach (var (decision, level) in m.CouldRaise) w.WriteString(decision, level.Id);
                w.WriteEndObject();
                WriteStrings(w, "rules", m.Rules);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteStrings(w, "notes", rec.Notes);
            w.WriteString("disclaimer", Explanation.Disclaimer);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteLevel(Utf8JsonWriter w, string name, Model.Level level)
    {
        w.WriteStartObject(name);
        w.WriteString("id", level.Id);
        w.WriteString("name", level.Name);
        if (level.Category is null) w.WriteNull("category");
        else w.WriteString("category", level.Category);
        w.WriteEndObject();
    }

    /// <summary>A value in its JSON type: booleans as true/false, integers as numbers, enum words as strings.</summary>
    internal static void WriteValue(Utf8JsonWriter w, string name, Model.ValueDomain domain, string formatted)
    {
        switch (domain.Kind)
        {
            case Model.ValueKind.Boolean:
                w.WriteBoolean(name, formatted == "true");
                break;
            case Model.ValueKind.Integer:
                w.WriteNumber(name, int.Parse(formatted, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                w.WriteString(name, formatted);
                break;
        }
    }

    /// <summary>
    /// The known answers of an assessment as one object, in declaration order and in their JSON types
    /// (the assessment file format): what a stored recommendation is read back and re-checked from.
    /// </summary>
    internal static void WriteAnswers(Utf8JsonWriter w, Assessment assessment)
    {
        w.WriteStartObject();
        foreach (var c in assessment.RuleSet.Compiled.PublicCriteria)
        {
            var v = assessment.Values[c.Slot];
            if (v == Engine.CompiledRuleSet.Unknown) continue;
            switch (c.Domain.Kind)
            {
                case Model.ValueKind.Boolean:
                    w.WriteBoolean(c.Id, v == 1);
                    break;
                case Model.ValueKind.Integer:
                    w.WriteNumber(c.Id, v);
                    break;
                case Model.ValueKind.Set:
                    w.WriteStartArray(c.Id);
                    for (var i = 0; i < c.Domain.Values.Count; i++)
                    {
                        if ((v & (1 << i)) != 0) w.WriteStringValue(c.Domain.Values[i]);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteString(c.Id, c.Domain.Values[v]);
                    break;
            }
        }

        w.WriteEndObject();
    }

    /// <summary>Review flags as <c>[{ rule, text }]</c> (batch summary lines write the same shape from the evaluation record).</summary>
    private static void WriteFlags(Utf8JsonWriter w, string name, IReadOnlyList<ReviewFlag> flags)
    {
        w.WriteStartArray(name);
        foreach (var flag in flags)
        {
            w.WriteStartObject();
            w.WriteString("rule", flag.Rule);
            w.WriteString("text", flag.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteReason(Utf8JsonWriter w, Reason reason)
    {
        w.WriteStartObject();
        w.WriteString("rule", reason.Rule);
        w.WriteString("text", reason.Text);
        if (reason.Source is null) w.WriteNull("source");
        else w.WriteString("source", reason.Source);
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, BlockedRule rule)
    {
        w.WriteStartObject();
        w.WriteString("rule", rule.Rule);
        w.WriteString("requires", rule.Requires.Id);
        w.WriteStartArray("parts");
        foreach (var part in rule.Parts)
        {
            w.WriteStartObject();
            w.WriteString("condition", part.Condition);
            w.WriteString("text", part.Text);
            WriteStrings(w, "values", part.Values);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
