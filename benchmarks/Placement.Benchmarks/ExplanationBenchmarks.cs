using BenchmarkDotNet.Attributes;
using Placement.Explanations;

namespace Placement.Benchmarks;

/// <summary>
/// What the explanation costs on top of the recommendation: text and JSON rendering, on the
/// default rule set (2.0).
/// </summary>
[MemoryDiagnoser]
public class ExplanationBenchmarks
{
    private static readonly string[] Alcohol = ["alcohol"];

    private RuleSet _rules = null!;
    private Assessment _assessment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault();
        _assessment = _rules.NewAssessment()
            .Set("withdrawal_substances", Alcohol).Set("ciwa_ar", 12)
            .Set("psychiatric_risk", "moderate").Set("home_stability", "unstable").Set("relapse_risk", "moderate")
            .Build();
    }

    [Benchmark(Baseline = true, Description = "Recommend only")]
    public RecommendationStatus RecommendOnly() => _rules.Recommend(_assessment).Status;

    [Benchmark(Description = "Recommend + text")]
    public string RecommendAndText() => _rules.Recommend(_assessment).Explain().ToText();

    [Benchmark(Description = "Recommend + JSON")]
    public string RecommendAndJson() => _rules.Recommend(_assessment).Explain().ToJson(indented: false);
}
