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
        writer.WriteNumber(P.Line, line);
        if (recordKey is not null)
        {
            if (recordKey.Length == 0 || !(recordKey[0] is '"' or '-' || char.IsAsciiDigit(recordKey[0])))
            {
                throw new ArgumentException("a record key is a JSON string or number", nameof(recordKey));
            }

            writer.WritePropertyName(P.Key);
            writer.WriteRawValue(recordKey);
        }

        if (explain)
        {
            writer.WritePropertyName(P.Recommendation);
            writer.WriteRawValue(rec.Explain().ToJson(indented: false), skipInputValidation: true);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString(P.Status, Statuses[(int)rec.Status]);
        if (!rec.BoundsAreExact) writer.WriteBoolean(P.BoundsExact, false);
        var names = Names.For(rec.RuleSet);
        WriteFlags(writer, P.Flags, rec, names, Engine.RuleOutcomeCode.Fired);
        WriteFlags(writer, P.PossibleFlags, rec, names, Engine.RuleOutcomeCode.MayFire);
        writer.WriteStartObject(P.Decisions);
        var decisions = rec.RuleSet.Decisions;
        for (var d = 0; d < decisions.Count; d++)
        {
            var decision = decisions[d];
            var levels = names.Levels[d];
            var floor = rec.Floor(decision).Ordinal;
            var ceiling = rec.Ceiling(decision).Ordinal;
            if (floor == ceiling && !writer.Options.Indented)
            {
                // Determined: level, floor and ceiling are the same id, written as one pre-encoded
                // object (an indented writer gets it token by token, to indent it like the rest).
                writer.WritePropertyName(names.Decisions[d]);
                writer.WriteRawValue(names.Determined[d][floor], skipInputValidation: true);
                continue;
            }

            writer.WriteStartObject(names.Decisions[d]);
            if (floor == ceiling) writer.WriteString(P.Level, levels[floor]);
            writer.WriteString(P.Floor, levels[floor]);
            writer.WriteString(P.Ceiling, levels[ceiling]);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray(P.FiredRules);
        for (var i = 0; i < names.Rules.Length; i++)
        {
            if (rec.Record.Outcome(i) == Engine.RuleOutcomeCode.Fired) writer.WriteStringValue(names.Rules[i]);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(P.Missing);
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
    /// read straight from the record (a complete assessment has no rule that may fire). A flag
    /// whose text has no placeholder is copied as one object encoded once for the writer's encoder
    /// (unless the writer indents).
    /// </summary>
    private static void WriteFlags(Utf8JsonWriter writer, JsonEncodedText name, Recommendation rec, Names names, Engine.RuleOutcomeCode outcome)
    {
        writer.WriteStartArray(name);
        if (rec.RuleSet.HasFlags && !(outcome == Engine.RuleOutcomeCode.MayFire && rec.Record.IsComplete))
        {
            var order = rec.RuleSet.Compiled.EvaluationOrder;
            // An indented writer gets every flag token by token, to indent it like the rest.
            var constant = writer.Options.Indented ? null : names.ConstantFlags(writer.Options.Encoder);
            foreach (var i in rec.RuleSet.Compiled.FlagRules)
            {
                if (rec.Record.Outcome(i) != outcome) continue;
                if (constant?[i] is { } encoded)
                {
                    writer.WriteRawValue(encoded, skipInputValidation: true);
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(P.Rule, names.Rules[i]);
                writer.WriteString(P.Text, order[i].Model.FlagTemplate!.Render(rec.Record.Describe));
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The property names of a result line, encoded once (plain ASCII: the same under every encoder).</summary>
    private static class P
    {
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        public static readonly JsonEncodedText Recommendation = JsonEncodedText.Encode("recommendation");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText BoundsExact = JsonEncodedText.Encode("boundsExact");
        public static readonly JsonEncodedText Flags = JsonEncodedText.Encode("flags");
        public static readonly JsonEncodedText PossibleFlags = JsonEncodedText.Encode("possibleFlags");
        public static readonly JsonEncodedText Decisions = JsonEncodedText.Encode("decisions");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Floor = JsonEncodedText.Encode("floor");
        public static readonly JsonEncodedText Ceiling = JsonEncodedText.Encode("ceiling");
        public static readonly JsonEncodedText FiredRules = JsonEncodedText.Encode("firedRules");
        public static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
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
            _compiled = rules.Compiled;

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

        /// <summary>
        /// Per evaluation index, the whole <c>{"rule":ID,"text":TEXT}</c> object of a flag rule whose
        /// text has no placeholder, encoded with <paramref name="encoder"/> (null: the writer's
        /// default); null for other rules. Built once per encoder.
        /// </summary>
        public byte[]?[] ConstantFlags(System.Text.Encodings.Web.JavaScriptEncoder? encoder)
        {
            var key = (object?)encoder ?? DefaultEncoderKey;
            var cache = _constantFlags;
            if (cache is not null && ReferenceEquals(cache.Encoder, key)) return cache.Objects;
            var objects = new byte[]?[_compiled.EvaluationOrder.Length];
            foreach (var i in _compiled.FlagRules)
            {
                if (_compiled.EvaluationOrder[i].Model.FlagTemplate!.Constant is not { } text) continue;
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
                {
                    json.WriteStartObject();
                    json.WriteString(P.Rule, Rules[i]);
                    json.WriteString(P.Text, text);
                    json.WriteEndObject();
                }

                objects[i] = buffer.WrittenSpan.ToArray();
            }

            // One encoder is kept (a batch uses one); another replaces it, and racing threads build equal arrays.
            _constantFlags = new EncodedFlags(key, objects);
            return objects;
        }

        private static readonly object DefaultEncoderKey = new();
        private readonly Engine.CompiledRuleSet _compiled;
        // Swapped as one reference, so a reader never pairs one encoder with another's bytes.
        private EncodedFlags? _constantFlags;

        private sealed record EncodedFlags(object Encoder, byte[]?[] Objects);
    }
}
