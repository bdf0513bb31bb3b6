using BenchmarkDotNet.Attributes;

namespace Placement.Benchmarks;

/// <summary>
/// Recommend on a complete and an incomplete assessment, against a baseline that only copies
/// the assessment's values into a fresh state (the floor any evaluator pays). Explanations are
/// not rendered here: callers who want only the level do not pay for text.
/// </summary>
[MemoryDiagnoser]
public class RecommendBenchmarks
{
    private RuleSet _rules = null!;
    private Assessment _complete = null!;
    private Assessment _incomplete = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault();
        _complete = _rules.NewAssessment()
            .Set("withdrawal_substance", "alcohol").Set("ciwa_ar", 21).Set("cows", 0).Set("pawss", 3)
            .Set("withdrawal_complicated", false).Set("history_withdrawal_seizure_or_dt", false)
            .Set("biomedical_risk", "low").Set("pregnant", false).Set("psychiatric_risk", "moderate")
            .Set("harm_risk", "none").Set("readiness_risk", "moderate").Set("relapse_risk", "high")
            .Set("failed_lower_level", false).Set("home_stability", "unstable").Set("night_support", true)
            .Set("step_down_from", "none")
            .Build();
        _incomplete = _rules.NewAssessment()
            .Set("withdrawal_substance", "alcohol").Set("ciwa_ar", 12)
            .Set("psychiatric_risk", "low").Set("home_stability", "stable")
            .Build();
    }

    [Benchmark(Baseline = true, Description = "Copy state only")]
    public int[] CopyStateOnly()
    {
        var state = new int[_rules.InitialState.Length];
        Array.Copy(_rules.InitialState, state, state.Length);
        return state;
    }

    [Benchmark(Description = "Recommend, complete")]
    public RecommendationStatus RecommendComplete() => _rules.Recommend(_complete).Status;

    [Benchmark(Description = "Recommend, incomplete")]
    public RecommendationStatus RecommendIncomplete() => _rules.Recommend(_incomplete).Status;
}
