using System.Text;
using System.Text.Json;
using Placement.Cli.Commands;

namespace Placement.Cli.Tests;

/// <summary>
/// Batch's pipeline with small chunks: chunks are reused once written, so a chunk handed back too
/// early would be refilled while its results are still being written. Every result must be its own
/// line's, in order, and the totals must add up.
/// </summary>
public sealed class BatchChunkTests
{
    [Fact]
    public void ChunksReusedWhileTheWriterIsSlow_EveryResultIsItsOwnLines_AndTheTotalsAddUp()
    {
        var rules = RuleSet.LoadDefault();
        var lines = Enumerable.Range(0, 3000).Select(i => i % 50 == 7 ? """{"nope":1}""" : Line(i)).ToArray();
        var output = new SlowStream();
        var stderr = new StringWriter();
        var totals = new BatchCommand.Totals();

        BatchCommand.Process(rules, Source(lines), output, TextWriter.Null, stderr, "in", parallel: 2, explain: false, key: "id", progress: false, totals,
            new BatchCommand.ChunkLimits(Lines: 16, InputBytes: 1 << 20, OutputBytes: 1 << 20));

        (totals.Lines, totals.Invalid, totals.Recommended + totals.Provisional + totals.Insufficient).Should().Be((3000L, 60L, 2940L));
        stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(60).And.OnlyContain(l => l.Contains("PL5001", StringComparison.Ordinal));
        totals.Chunks.Should().BeGreaterThanOrEqualTo(188, "3,000 lines in chunks of at most 16");
        totals.ChunksCreated.Should().BeLessThan(totals.Chunks / 4, "written chunks are reused");

        var results = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        results.Should().HaveCount(2940);
        var valid = Enumerable.Range(0, 3000).Where(i => i % 50 != 7).ToArray();
        for (var r = 0; r < results.Length; r++)
        {
            results[r].Should().Be(Expected(rules, lines[valid[r]], valid[r] + 1), $"result {r + 1}");
        }
    }

    [Fact]
    public void LargeResults_EndChunksEarly_AtTheOutputLimit()
    {
        // Incomplete assessments give long summary lines (what to ask); once the first chunks are
        // written, later chunks hold only as many lines as fit the output limit.
        var rules = RuleSet.LoadDefault();
        var lines = Enumerable.Range(0, 20_000).Select(i => $$"""{"id":{{i}},"ciwa_ar":{{i % 68}}}""").ToArray();
        var output = new MemoryStream();
        var totals = new BatchCommand.Totals();

        BatchCommand.Process(rules, Source(lines), output, TextWriter.Null, TextWriter.Null, "in", parallel: 2, explain: false, key: "id", progress: false, totals,
            new BatchCommand.ChunkLimits(Lines: 2000, InputBytes: 1 << 20, OutputBytes: 32 * 1024));

        totals.Lines.Should().Be(20_000);
        var perLine = output.Length / 20_000;
        perLine.Should().BeGreaterThan(200);
        totals.Chunks.Should().BeGreaterThan(20_000 / (32 * 1024 / (int)perLine) / 2, "chunks shrink to about 32 KB of results");
    }

    private static NdjsonLineSource Source(string[] lines) => new(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")));

    private static string Line(int i) =>
        $$"""{"id":"r{{i}}","harm_risk":"none","withdrawal_complicated":false,"withdrawal_substances":["alcohol"{{(i % 3 == 0 ? ",\"opioid\"" : "")}}],"ciwa_ar":{{i % 68}},"cows":{{i % 49}},"history_withdrawal_seizure_or_dt":false,"pawss":{{i % 11}},"intoxicated":false,"pregnant":false,"biomedical_risk":"low","psychiatric_risk":"moderate","age":{{12 + (i % 90)}},"moud":"none","sedative_high_risk":false,"home_stability":"unstable","night_support":true,"able_to_attend":true,"relapse_risk":"high","failed_level":"none","readiness_risk":"moderate","step_down_from":"none"}""";

    private static string Expected(RuleSet rules, string line, int number)
    {
        var parsed = Assessment.TryParseJson(Encoding.UTF8.GetBytes(line), rules, "in", number, "id");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Placement.Explanations.BatchResultJson.Write(writer, rules.Recommend(parsed.Assessment!), number, explain: false, parsed.RecordKey);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>An output that takes a millisecond per write, so the reader and workers run ahead of the writer.</summary>
    private sealed class SlowStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Thread.Sleep(1);
            base.Write(buffer);
        }
    }
}
