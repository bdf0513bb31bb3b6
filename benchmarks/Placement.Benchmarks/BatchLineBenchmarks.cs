using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Placement.Explanations;

namespace Placement.Benchmarks;

/// <summary>
/// What <c>placement batch</c> does for one NDJSON line: read it with the fast JSON reader
/// (baseline), the same with a record key (<c>--key id</c>) on a line without and with one, and
/// read, recommend and write the summary line. One complete line of the default rule set (2.0).
/// </summary>
[MemoryDiagnoser]
public class BatchLineBenchmarks : IDisposable
{
    private static readonly byte[] Line = """{"harm_risk":"none","withdrawal_complicated":false,"withdrawal_substances":["alcohol"],"ciwa_ar":21,"cows":0,"history_withdrawal_seizure_or_dt":false,"pawss":3,"intoxicated":false,"pregnant":false,"biomedical_risk":"low","psychiatric_risk":"moderate","age":40,"moud":"none","sedative_high_risk":false,"home_stability":"unstable","night_support":true,"able_to_attend":true,"relapse_risk":"high","failed_level":"none","readiness_risk":"moderate","step_down_from":"none"}"""u8.ToArray();

    private static readonly byte[] LineWithKey = [.. "{\"id\":\"A-000017\","u8, .. Line.AsSpan(1)];

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private RuleSet _rules = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault();
        _writer = new Utf8JsonWriter(_output);
        if (!Assessment.TryParseJson(Line, _rules).Success || Assessment.TryParseJson(LineWithKey, _rules, "in", 1, "id").RecordKey != "\"A-000017\"")
        {
            throw new InvalidOperationException("the benchmark lines are invalid");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "TryParseJson")]
    public bool Parse() => Assessment.TryParseJson(Line, _rules).Success;

    [Benchmark(Description = "TryParseJson, --key id, line without a key")]
    public bool ParseKeyAbsent() => Assessment.TryParseJson(Line, _rules, "in", 1, "id").Success;

    [Benchmark(Description = "TryParseJson, --key id, line with a key")]
    public bool ParseKeyPresent() => Assessment.TryParseJson(LineWithKey, _rules, "in", 1, "id").Success;

    [Benchmark(Description = "TryParseJson + Recommend + summary line")]
    public int ParseRecommendWrite() => ParseRecommendWrite(Line, null);

    [Benchmark(Description = "TryParseJson + Recommend + summary line, with a key")]
    public int ParseRecommendWriteKey() => ParseRecommendWrite(LineWithKey, "id");

    private int ParseRecommendWrite(byte[] line, string? key)
    {
        var parsed = Assessment.TryParseJson(line, _rules, "in", 1, key);
        var rec = _rules.Recommend(parsed.Assessment!);
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        BatchResultJson.Write(_writer, rec, 1, explain: false, parsed.RecordKey);
        _writer.Flush();
        return _output.WrittenCount;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _writer?.Dispose();
    }
}
