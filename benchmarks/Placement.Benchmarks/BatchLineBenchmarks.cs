using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Placement.Explanations;

namespace Placement.Benchmarks;

/// <summary>
/// What <c>placement batch</c> does for one NDJSON line: read it with the fast JSON reader
/// (baseline), and read, recommend and write the summary line.
/// </summary>
[MemoryDiagnoser]
public class BatchLineBenchmarks : IDisposable
{
    private static readonly byte[] Line = """{"withdrawal_substance":"alcohol","ciwa_ar":21,"cows":0,"pawss":3,"withdrawal_complicated":false,"history_withdrawal_seizure_or_dt":false,"biomedical_risk":"low","pregnant":false,"psychiatric_risk":"moderate","harm_risk":"none","readiness_risk":"moderate","relapse_risk":"high","failed_lower_level":false,"home_stability":"unstable","night_support":true,"step_down_from":"none"}"""u8.ToArray();

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private RuleSet _rules = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault();
        _writer = new Utf8JsonWriter(_output);
        if (!Assessment.TryParseJson(Line, _rules).Success) throw new InvalidOperationException("the benchmark line is invalid");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "TryParseJson")]
    public bool Parse() => Assessment.TryParseJson(Line, _rules).Success;

    [Benchmark(Description = "TryParseJson + Recommend + summary line")]
    public int ParseRecommendWrite()
    {
        var rec = _rules.Recommend(Assessment.TryParseJson(Line, _rules).Assessment!);
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        BatchResultJson.Write(_writer, rec, 1, explain: false);
        _writer.Flush();
        return _output.WrittenCount;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _writer?.Dispose();
    }
}
