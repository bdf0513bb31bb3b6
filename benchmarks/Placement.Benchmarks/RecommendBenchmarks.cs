using BenchmarkDotNet.Attributes;
using Placement.Comparisons;

namespace Placement.Benchmarks;

/// <summary>
/// Rule set 1.0 (the test fixture in tests/fixtures/rules-1.0; the default, 2.0, is in
/// <see cref="RecommendBenchmarks2"/>). Getting the levels for one complete assessment: the hand-written if/else version (baseline,
/// the practical limit), Placement, and the same rules as a Microsoft RulesEngine workflow. Plus
/// Placement on an incomplete assessment. No explanation is rendered: callers who want only the
/// level do not pay for text (see <see cref="ExplanationBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class RecommendBenchmarks
{
    private RuleSet _rules = null!;
    private CaseInput _case = null!;
    private Assessment _complete = null!;
    private Assessment _incomplete = null!;
    private RulesEnginePlacement _rulesEngine = null!;
    private Model.Decision _levelOfCare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = BenchmarkRules.Rules10();
        _levelOfCare = _rules.FindDecision("level_of_care")!;
        _case = new CaseInput
        {
            Substance = 1,
            Ciwa = 21,
            Pawss = 3,
            Biomedical = 1,
            Psychiatric = 2,
            Readiness = 2,
            Relapse = 3,
            Home = 1,
            NightSupport = true,
        };
        _complete = Assessment.Parse(_case.ToYaml(), _rules);
        _incomplete = _rules.NewAssessment()
            .Set("withdrawal_substance", "alcohol").Set("ciwa_ar", 12)
            .Set("psychiatric_risk", "low").Set("home_stability", "stable")
            .Build();
        _rulesEngine = new RulesEnginePlacement();
        Check();
    }

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public int HandWritten() => HandWrittenPlacement.Recommend(_case).LevelOfCare;

    [Benchmark(Description = "Placement")]
    public int Placement() => _rules.Recommend(_complete).Floor(_levelOfCare).Ordinal;

    [Benchmark(Description = "RulesEngine")]
    public int RulesEngine() => _rulesEngine.Recommend(_case).LevelOfCare;

    [Benchmark(Description = "Placement, incomplete assessment")]
    public int PlacementIncomplete() => _rules.Recommend(_incomplete).Floor(_levelOfCare).Ordinal;

    private void Check()
    {
        if (HandWritten() != Placement() || RulesEngine() != Placement())
        {
            throw new InvalidOperationException("the implementations disagree on the benchmark case");
        }
    }
}
