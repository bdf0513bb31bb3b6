using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Placement.Explanations;
using Placement.Model;

namespace Placement.Tests.Explanations;

/// <summary>
/// The batch summary line is written straight from the evaluation record (no lists built, some
/// parts pre-encoded), so it is checked byte for byte against the same line written from the
/// recommendation's public API, on random assessments of three rule sets, complete and with
/// answers missing, under the writer the tool uses, the default one and an indented one.
/// </summary>
public sealed class BatchSummaryTests
{
    [Theory]
    [InlineData("default", 0, 1_000)]
    [InlineData("default", 30, 1_000)]
    [InlineData("1.0", 0, 1_000)]
    [InlineData("1.0", 30, 1_000)]
    [InlineData("wide", 95, 150)] // what to ask among 13 or so unknown answers is the slow part
    public void SummaryLine_IsByteForByteWhatTheRecommendationsApiGives_UnderThreeWriters(string ruleSet, int unknownPercent, int cases)
    {
        var rules = ruleSet switch
        {
            "default" => RuleSet.LoadDefault(),
            "1.0" => TestSupport.Rules,
            _ => Wide.Value,
        };
        var random = new Random(4242);
        var (flagged, placeholders, undetermined, inexact) = (0, 0, 0, 0);
        for (var i = 0; i < cases; i++)
        {
            var rec = rules.Recommend(RandomAssessment(rules, random, unknownPercent));
            var context = $"case {i}: {string.Join(", ", rec.Assessment.Known())}";
            foreach (var options in WriterOptions)
            {
                Write(rec, i + 1, options, BatchResultJson.Write).Should().Be(Write(rec, i + 1, options, Reference), context);
            }

            if (rec.Flags.Count + rec.PossibleFlags.Count > 0) flagged++;
            if (rec.Flags.Concat(rec.PossibleFlags).Any(f => f.Rule == "F2")) placeholders++;
            if (rules.Decisions.Any(d => rec.Level(d) is null)) undetermined++;
            if (!rec.BoundsAreExact) inexact++;
        }

        // The cases reach what the writer treats apart: flags (constant ones, and with a placeholder
        // in the wide rule set), undetermined decisions, and bounds that are not exact.
        if (ruleSet != "1.0") flagged.Should().BeGreaterThan(cases / 10);
        if (ruleSet == "wide") (placeholders, inexact).Should().Match<(int P, int I)>(x => x.P > cases / 10 && x.I > cases / 10);
        if (unknownPercent > 0) undetermined.Should().BeGreaterThan(cases / 10);
    }

    /// <summary>The tool's writer (relaxed escaping, no validation), the default one, and an indented one.</summary>
    private static readonly JsonWriterOptions[] WriterOptions =
    [
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true },
        default,
        new() { Indented = true },
    ];

    /// <summary>
    /// The summary line written token by token from the recommendation's public API, as the writer
    /// did before it read the evaluation record directly.
    /// </summary>
    private static void Reference(Utf8JsonWriter w, Recommendation rec, int line, bool explain)
    {
        w.WriteStartObject();
        w.WriteNumber("line", line);
        w.WriteString("status", LevelText.Status(rec.Status));
        if (!rec.BoundsAreExact) w.WriteBoolean("boundsExact", false);
        foreach (var (name, flags) in new[] { ("flags", rec.Flags), ("possibleFlags", rec.PossibleFlags) })
        {
            w.WriteStartArray(name);
            foreach (var f in flags)
            {
                w.WriteStartObject();
                w.WriteString("rule", f.Rule);
                w.WriteString("text", f.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("decisions");
        foreach (var d in rec.RuleSet.Decisions)
        {
            w.WriteStartObject(d.Id);
            if (rec.Level(d) is { } level) w.WriteString("level", level.Id);
            w.WriteString("floor", rec.Floor(d).Id);
            w.WriteString("ceiling", rec.Ceiling(d).Id);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("firedRules");
        foreach (var id in rec.FiredRules) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("missing");
        if (rec.Status != RecommendationStatus.Recommended)
        {
            foreach (var m in rec.Missing) w.WriteStringValue(m.Criterion.Id);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Write(Recommendation rec, int line, JsonWriterOptions options, Action<Utf8JsonWriter, Recommendation, int, bool> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer, rec, line, false);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// 14 criteria without a risk order (too many unknown ones to enumerate: bounds not exact), a
    /// flag with a constant text that escapes differently under each encoder and one with a placeholder.
    /// </summary>
    private static readonly Lazy<RuleSet> Wide = new(() => TestSupport.Load($$"""
        ruleset: { id: wide, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
        {{string.Concat(Enumerable.Range(0, 14).Select(i => $"  c{i}: {{ type: enum, values: [a, b] }}\n"))}}rules:
          - { id: r, when: 'count({{string.Join(", ", Enumerable.Range(0, 14).Select(i => $"c{i} == a"))}}) >= 7', require: { care: high }, because: x, source: s }
          - { id: F1, when: 'c0 == a', flag: "Don't <wait> & see: review — now", source: s }
          - { id: F2, when: 'c1 == b', flag: "c2 is {c2}: check it", source: s }
        """).RuleSet!);

    [Fact]
    public void FlagTexts_AreEncodedByEachWritersOwnEncoder_WhenWritersAlternate()
    {
        // A flag text without placeholders is encoded once per encoder and copied after that; a
        // writer with the default encoder must still get its escapes, and a relaxed one none.
        var rules = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: F1, when: 'score >= 5', flag: "Don't <wait> & see: 5+ needs review", source: s }
            """).RuleSet!;
        var rec = rules.Recommend(Assessment.Parse("score: 7", rules));
        const string Text = "Don't <wait> & see: 5+ needs review";

        for (var i = 0; i < 4; i++)
        {
            Summary(rec, 1, relaxed: true).Should().Contain($$"""{"rule":"F1","text":"{{Text}}"}""");
            Summary(rec, 1, relaxed: false).Should().Contain($$"""{"rule":"F1","text":"{{JsonEncodedText.Encode(Text)}}"}""")
                .And.Contain("\\u0027").And.Contain("\\u003C");
        }
    }

    [Fact]
    public void IndentedWriter_GetsEveryPartIndented_AndTheSameValues()
    {
        var rules = RuleSet.LoadDefault();
        var rec = rules.Recommend(Assessment.TryParseJson(File.ReadAllBytes(Path.Combine(TestSupport.RepoRoot, "benchmarks", "batch", "case-2.0-flags.json")), rules).Assessment!);
        rec.Flags.Should().NotBeEmpty();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            BatchResultJson.Write(writer, rec, 1, explain: false);
        }

        var indented = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        var lines = indented.Split('\n');

        // One token a line: no object written in one piece inside the indented output.
        lines.Should().NotContain(l => l.Contains("\"floor\"", StringComparison.Ordinal) && l.Contains("\"ceiling\"", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("\"rule\"", StringComparison.Ordinal) && l.Contains("\"text\"", StringComparison.Ordinal));
        JsonNode.DeepEquals(JsonNode.Parse(indented), JsonNode.Parse(Summary(rec, 1, relaxed: false))).Should().BeTrue();
    }

    private static string Summary(Recommendation rec, int line, bool relaxed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, relaxed ? new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true } : default))
        {
            BatchResultJson.Write(writer, rec, line, explain: false);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Every answer drawn uniformly from its domain (sets as random subsets), each left unknown with the given chance in percent.</summary>
    private static Assessment RandomAssessment(RuleSet rules, Random random, int unknownPercent)
    {
        var builder = rules.NewAssessment();
        foreach (var c in rules.Criteria)
        {
            if (random.Next(100) < unknownPercent) continue;
            switch (c.Domain.Kind)
            {
                case ValueKind.Boolean:
                    builder.Set(c.Id, random.Next(2) == 1);
                    break;
                case ValueKind.Integer:
                    builder.Set(c.Id, random.Next(c.Domain.Min, c.Domain.Max + 1));
                    break;
                case ValueKind.Set:
                    builder.Set(c.Id, c.Domain.Values.Where(_ => random.Next(4) == 0).ToArray());
                    break;
                default:
                    builder.Set(c.Id, c.Domain.Values[random.Next(c.Domain.Values.Count)]);
                    break;
            }
        }

        return builder.Build();
    }
}
