using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Placement.Explanations;

namespace Placement.Benchmarks;

/// <summary>
/// What <c>placement batch</c> does for one NDJSON line (read it, recommend, write the summary
/// line), for the same clinical case under rule set 1.0 (baseline; 16 answers) and under 2.0 (21
/// answers): alcohol with CIWA-Ar 21, moderate mental health and readiness risk, high relapse risk,
/// an unstable home. The ratio is 2.0 against 1.0 per line on the same code; the rule set 2.0
/// issue's throughput goal is measured end to end, against 1.0 before 2.0, by
/// benchmarks/batch-throughput.sh.
/// A third line is the same 2.0 case with contradicting answers that raise two review flags, whose
/// texts every summary line carries.
/// </summary>
[MemoryDiagnoser]
public class BatchLineVersionBenchmarks : IDisposable
{
    // The lines benchmarks/batch-throughput.sh repeats end to end (benchmarks/batch/).
    private static readonly byte[] Line10 = BenchmarkRules.BatchCase("case-1.0.json");

    private static readonly byte[] Line20 = BenchmarkRules.BatchCase("case-2.0.json");

    private static readonly byte[] Line20Flags = BenchmarkRules.BatchCase("case-2.0-flags.json");

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private RuleSet _rules10 = null!;
    private RuleSet _rules20 = null!;
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules10 = BenchmarkRules.Rules10();
        _rules20 = RuleSet.LoadDefault();
        _writer = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        var same = (Run(_rules10, Line10), Run(_rules20, Line20));
        if (_rules10.Recommend(Assessment.TryParseJson(Line10, _rules10).Assessment!).Level("level_of_care")!.Id != "medically_monitored_inpatient"
            || _rules20.Recommend(Assessment.TryParseJson(Line20, _rules20).Assessment!).Level("level_of_care")!.Id != "medically_monitored_inpatient"
            || _rules20.Recommend(Assessment.TryParseJson(Line20Flags, _rules20).Assessment!).Flags.Count != 2 || same.Item1 == 0)
        {
            throw new InvalidOperationException("the benchmark lines no longer give the case they describe");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "1.0 line")]
    public int Version10() => Run(_rules10, Line10);

    [Benchmark(Description = "2.0 line")]
    public int Version20() => Run(_rules20, Line20);

    [Benchmark(Description = "2.0 line with two review flags")]
    public int Version20Flags() => Run(_rules20, Line20Flags);

    private int Run(RuleSet rules, byte[] line)
    {
        var parsed = Assessment.TryParseJson(line, rules);
        var rec = rules.Recommend(parsed.Assessment!);
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
