using BenchmarkDotNet.Attributes;
using Placement.Comparisons;

namespace Placement.Benchmarks;

/// <summary>
/// Rule set 2.0 (the embedded default): the levels for one complete assessment, by the
/// hand-written if/else version (baseline) and by Placement, plus Placement on an incomplete
/// assessment. The same shape as <see cref="RecommendBenchmarks"/> for 1.0 (the test fixture); no explanation is
/// rendered.
/// </summary>
[MemoryDiagnoser]
public class RecommendBenchmarks2
{
    private static readonly string[] Alcohol = ["alcohol"];

    private RuleSet _rules = null!;
    private CaseInput2 _case = null!;
    private Assessment _complete = null!;
    private Assessment _incomplete = null!;
    private Model.Decision _levelOfCare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault();
        _levelOfCare = _rules.FindDecision("level_of_care")!;

        // The 1.0 benchmark case carried over: alcohol with CIWA-Ar 21, moderate mental health and
        // readiness risk, high relapse risk, an unstable home (3.7 with 3.7-WM).
        _case = new CaseInput2
        {
            Substances = Substances2.Alcohol,
            Ciwa = 21,
            Pawss = 3,
            Biomedical = 1,
            Psychiatric = 2,
            Readiness = 2,
            Relapse = 3,
            Home = 1,
        };
        _complete = Assessment.Parse(_case.ToYaml(), _rules);

        // As in 1.0: 4 answers given, the other 17 of 21 unknown (required ones among them).
        _incomplete = _rules.NewAssessment()
            .Set("withdrawal_substances", Alcohol).Set("ciwa_ar", 12)
            .Set("psychiatric_risk", "low").Set("home_stability", "stable")
            .Build();
        Check();
    }

    [Benchmark(Baseline = true, Description = "HandWritten2")]
    public int HandWritten() => HandWrittenPlacement2.Recommend(_case).LevelOfCare;

    [Benchmark(Description = "Placement 2.0")]
    public int Placement() => _rules.Recommend(_complete).Floor(_levelOfCare).Ordinal;

    [Benchmark(Description = "Placement 2.0, incomplete assessment")]
    public int PlacementIncomplete() => _rules.Recommend(_incomplete).Floor(_levelOfCare).Ordinal;

    private void Check()
    {
        if (HandWritten() != Placement() || Placement() != 5)
        {
            throw new InvalidOperationException("the implementations disagree on the benchmark case");
        }
    }
}
