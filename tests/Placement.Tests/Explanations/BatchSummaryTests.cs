using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Placement.Explanations;
using Placement.Model;

namespace Placement.Tests.Explanations;

/// <summary>
/// The batch summary line is written straight from the evaluation record (no lists built), so it
/// is checked against what the recommendation itself says, on random assessments of both rule
/// sets, complete and with answers missing, under the writer the tool uses and the default one.
/// </summary>
public sealed class BatchSummaryTests
{
    [Theory]
    [InlineData("default", 0)]
    [InlineData("default", 30)]
    [InlineData("1.0", 0)]
    [InlineData("1.0", 30)]
    public void SummaryLine_SaysWhatTheRecommendationSays(string ruleSet, int unknownPercent)
    {
        var rules = ruleSet == "default" ? RuleSet.LoadDefault() : TestSupport.Rules;
        var random = new Random(4242);
        var flagged = 0;
        var undetermined = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var rec = rules.Recommend(RandomAssessment(rules, random, unknownPercent));
            var relaxed = i % 2 == 0;
            using var doc = JsonDocument.Parse(Summary(rec, i + 1, relaxed));
            var line = doc.RootElement;
            var context = $"case {i}: {string.Join(", ", rec.Assessment.Known())}";

            line.GetProperty("line").GetInt32().Should().Be(i + 1);
            line.GetProperty("status").GetString().Should().Be(LevelText.Status(rec.Status), context);
            line.TryGetProperty("boundsExact", out _).Should().Be(!rec.BoundsAreExact, context);
            Flags(line, "flags").Should().Equal(rec.Flags.Select(f => (f.Rule, f.Text)), context);
            Flags(line, "possibleFlags").Should().Equal(rec.PossibleFlags.Select(f => (f.Rule, f.Text)), context);
            foreach (var decision in rules.Decisions)
            {
                var d = line.GetProperty("decisions").GetProperty(decision.Id);
                d.GetProperty("floor").GetString().Should().Be(rec.Floor(decision).Id, context);
                d.GetProperty("ceiling").GetString().Should().Be(rec.Ceiling(decision).Id, context);
                (d.TryGetProperty("level", out var level) ? level.GetString() : null).Should().Be(rec.Level(decision)?.Id, context);
                if (rec.Level(decision) is null) undetermined++;
            }

            line.GetProperty("firedRules").EnumerateArray().Select(r => r.GetString()).Should().Equal(rec.FiredRules, context);
            line.GetProperty("missing").EnumerateArray().Select(r => r.GetString()).Should().Equal(
                rec.Status == RecommendationStatus.Recommended ? [] : rec.Missing.Select(m => m.Criterion.Id), context);
            if (rec.Flags.Count + rec.PossibleFlags.Count > 0) flagged++;
        }

        // The cases reach what the writer treats apart: flags (rule set 2.0 has them) and undetermined decisions.
        if (ruleSet == "default") flagged.Should().BeGreaterThan(100);
        if (unknownPercent > 0) undetermined.Should().BeGreaterThan(100);
    }

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

    private static IEnumerable<(string Rule, string Text)> Flags(JsonElement line, string name) =>
        line.GetProperty(name).EnumerateArray().Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("text").GetString()!)).ToArray();

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
