using System.Text.Json;
using Placement.Model;

namespace Placement.Explanations;

/// <summary>
/// One line of batch output as JSON (see schemas/batch-line.schema.json): the input line number,
/// the input record's key when it has one, and either a summary (status, review flags, each
/// decision's floor and ceiling, fired rules, missing criteria) or the full explanation under
/// <c>recommendation</c>. A decision's <c>level</c> is written only when it is determined;
/// <c>floor</c> and <c>ceiling</c> always are. <c>missing</c> lists the answers to ask, in order,
/// whenever the status is not <c>recommended</c>.
/// </summary>
public static class BatchResultJson
{
    /// <summary>Writes one result object.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="recommendation">The recommendation for the line.</param>
    /// <param name="line">The 1-based input line number.</param>
    /// <param name="explain">True for the full explanation, false for the summary.</param>
    public static void Write(Utf8JsonWriter writer, Recommendation recommendation, int line, bool explain) =>
        Write(writer, recommendation, line, explain, recordKey: null);

    /// <summary>Writes one result object carrying the input record's key (after <c>line</c>, as <c>key</c>).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="recommendation">The recommendation for the line.</param>
    /// <param name="line">The 1-based input line number.</param>
    /// <param name="explain">True for the full explanation, false for the summary.</param>
    /// <param name="recordKey">
    /// The record key as raw JSON, a string or a number (<see cref="AssessmentParseResult.RecordKey"/>),
    /// written as it is; null writes no <c>key</c>.
    /// </param>
    public static void Write(Utf8JsonWriter writer, Recommendation recommendation, int line, bool explain, string? recordKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(recommendation);
        var rec = recommendation;
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        if (recordKey is not null)
        {
            if (recordKey.Length == 0 || !(recordKey[0] is '"' or '-' || char.IsAsciiDigit(recordKey[0])))
            {
                throw new ArgumentException("a record key is a JSON string or number", nameof(recordKey));
            }

            writer.WritePropertyName("key");
            writer.WriteRawValue(recordKey);
        }

        if (explain)
        {
            writer.WritePropertyName("recommendation");
            writer.WriteRawValue(rec.Explain().ToJson(indented: false), skipInputValidation: true);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("status", LevelText.Status(rec.Status));
        if (!rec.BoundsAreExact) writer.WriteBoolean("boundsExact", false);
        JsonRenderer.WriteFlags(writer, "flags", rec.Flags);
        JsonRenderer.WriteFlags(writer, "possibleFlags", rec.PossibleFlags);
        writer.WriteStartObject("decisions");
        foreach (Decision d in rec.RuleSet.Decisions)
        {
            writer.WriteStartObject(d.Id);
            if (rec.Level(d) is { } level) writer.WriteString("level", level.Id);
            writer.WriteString("floor", rec.Floor(d).Id);
            writer.WriteString("ceiling", rec.Ceiling(d).Id);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("firedRules");
        foreach (var id in rec.FiredRules) writer.WriteStringValue(id);
        writer.WriteEndArray();
        writer.WriteStartArray("missing");
        if (rec.Status != RecommendationStatus.Recommended)
        {
            foreach (var m in rec.Missing) writer.WriteStringValue(m.Criterion.Id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
