using System.Text.Json;

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
        writer.WriteNumber("line"u8, line);
        if (recordKey is not null)
        {
            if (recordKey.Length == 0 || !(recordKey[0] is '"' or '-' || char.IsAsciiDigit(recordKey[0])))
            {
                throw new ArgumentException("a record key is a JSON string or number", nameof(recordKey));
            }

            writer.WritePropertyName("key"u8);
            writer.WriteRawValue(recordKey);
        }

        if (explain)
        {
            writer.WritePropertyName("recommendation"u8);
            writer.WriteRawValue(rec.Explain().ToJson(indented: false), skipInputValidation: true);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("status"u8, Statuses[(int)rec.Status]);
        if (!rec.BoundsAreExact) writer.WriteBoolean("boundsExact"u8, false);
        var names = Names.For(rec.RuleSet);
        WriteFlags(writer, "flags"u8, rec, names, Engine.RuleOutcomeCode.Fired);
        WriteFlags(writer, "possibleFlags"u8, rec, names, Engine.RuleOutcomeCode.MayFire);
        writer.WriteStartObject("decisions"u8);
        var decisions = rec.RuleSet.Decisions;
        for (var d = 0; d < decisions.Count; d++)
        {
            var decision = decisions[d];
            var levels = names.Levels[d];
            var floor = rec.Floor(decision).Ordinal;
            var ceiling = rec.Ceiling(decision).Ordinal;
            if (floor == ceiling)
            {
                // Determined: level, floor and ceiling are the same id, written as one pre-encoded object.
                writer.WritePropertyName(names.Decisions[d]);
                writer.WriteRawValue(names.Determined[d][floor], skipInputValidation: true);
                continue;
            }

            writer.WriteStartObject(names.Decisions[d]);
            writer.WriteString("floor"u8, levels[floor]);
            writer.WriteString("ceiling"u8, levels[ceiling]);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("firedRules"u8);
        for (var i = 0; i < names.Rules.Length; i++)
        {
            if (rec.Record.Outcome(i) == Engine.RuleOutcomeCode.Fired) writer.WriteStringValue(names.Rules[i]);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missing"u8);
        if (rec.Status != RecommendationStatus.Recommended)
        {
            foreach (var m in rec.Missing) writer.WriteStringValue(m.Criterion.Id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static readonly JsonEncodedText[] Statuses =
        Enum.GetValues<RecommendationStatus>().Select(s => JsonEncodedText.Encode(LevelText.Status(s))).ToArray();

    /// <summary>
    /// The review flags of the rules with <paramref name="outcome"/>, in declaration order, as
    /// <see cref="Recommendation.Flags"/> and <see cref="Recommendation.PossibleFlags"/> list them,
    /// read straight from the record (a complete assessment has no rule that may fire).
    /// </summary>
    private static void WriteFlags(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Recommendation rec, Names names, Engine.RuleOutcomeCode outcome)
    {
        writer.WriteStartArray(name);
        if (rec.RuleSet.HasFlags && !(outcome == Engine.RuleOutcomeCode.MayFire && rec.Record.IsComplete))
        {
            var flagRules = rec.RuleSet.Compiled.FlagRules;
            var order = rec.RuleSet.Compiled.EvaluationOrder;
            foreach (var i in flagRules)
            {
                if (rec.Record.Outcome(i) != outcome) continue;
                writer.WriteStartObject();
                writer.WriteString("rule"u8, names.Rules[i]);
                writer.WriteString("text"u8, order[i].Model.FlagTemplate!.Render(rec.Record.Describe));
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The ids a summary line writes, encoded once per rule set (ids are plain ASCII, the same under every encoder).</summary>
    private sealed class Names
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSet, Names> Cache = new();

        private Names(RuleSet rules)
        {
            Decisions = rules.Decisions.Select(d => JsonEncodedText.Encode(d.Id)).ToArray();
            Levels = rules.Decisions.Select(d => d.Levels.Select(l => JsonEncodedText.Encode(l.Id)).ToArray()).ToArray();
            Rules = rules.Compiled.EvaluationOrder.Select(r => JsonEncodedText.Encode(r.Model.Id)).ToArray();
            Determined = Levels.Select(levels => levels.Select(Object).ToArray()).ToArray();

            static byte[] Object(JsonEncodedText level)
            {
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteString("level"u8, level);
                    json.WriteString("floor"u8, level);
                    json.WriteString("ceiling"u8, level);
                    json.WriteEndObject();
                }

                return buffer.WrittenSpan.ToArray();
            }
        }

        public JsonEncodedText[] Decisions { get; }

        /// <summary>Per decision, its levels' ids by ordinal.</summary>
        public JsonEncodedText[][] Levels { get; }

        /// <summary>Per decision and level ordinal, the object of a determined decision: <c>{"level":ID,"floor":ID,"ceiling":ID}</c>.</summary>
        public byte[][][] Determined { get; }

        /// <summary>Rule ids by evaluation index (the order of <see cref="Recommendation.FiredRules"/>).</summary>
        public JsonEncodedText[] Rules { get; }

        public static Names For(RuleSet rules) => Cache.GetValue(rules, r => new Names(r));
    }
}
