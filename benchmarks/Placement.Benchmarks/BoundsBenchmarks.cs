using BenchmarkDotNet.Attributes;
using Placement.Comparisons;

namespace Placement.Benchmarks;

/// <summary>
/// On rule set 1.0 (the test fixture in tests/fixtures/rules-1.0, whose substance and step-down
/// criteria have no risk order). What exact floors and ceilings cost as answers go missing: the same assessment with 0 to 4
/// criteria unknown, taking first the ones the engine cannot settle at their extremes (no risk
/// order or not provably monotone: substance, harm risk, step-down) and then a score. The
/// complete assessment (0 unknown) is the baseline, so the ratios are the price of exactness.
/// </summary>
[MemoryDiagnoser]
public class BoundsBenchmarks
{
    private static readonly string[] Removed = ["withdrawal_substance", "harm_risk", "step_down_from", "ciwa_ar"];

    private RuleSet _rules = null!;
    private Assessment[] _assessments = null!;
    private Model.Decision _levelOfCare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = BenchmarkRules.Rules10();
        _levelOfCare = _rules.FindDecision("level_of_care")!;
        var complete = new CaseInput
        {
            Substance = 1,
            Ciwa = 12,
            Pawss = 3,
            Biomedical = 1,
            Psychiatric = 2,
            Readiness = 2,
            Relapse = 3,
            Home = 1,
            NightSupport = true,
        }.ToYaml();
        var parsed = Assessment.Parse(complete, _rules);
        _assessments = new Assessment[Removed.Length + 1];
        for (var unknown = 0; unknown <= Removed.Length; unknown++)
        {
            var builder = _rules.NewAssessment();
            foreach (var (id, value) in parsed.Known())
            {
                if (Array.IndexOf(Removed, id) is var i && i >= 0 && i < unknown) continue;
                var criterion = _rules.Criteria.Single(c => c.Id == id);
                builder = criterion.Domain.Kind switch
                {
                    Model.ValueKind.Integer => builder.Set(id, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
                    Model.ValueKind.Boolean => builder.Set(id, value == "true"),
                    _ => builder.Set(id, value),
                };
            }

            _assessments[unknown] = builder.Build();
            if (!_rules.Recommend(_assessments[unknown]).BoundsAreExact) throw new InvalidOperationException("the benchmark must measure exact bounds");
        }
    }

    [Benchmark(Baseline = true, Description = "complete")]
    public int Complete() => Bounds(0);

    [Benchmark(Description = "1 unknown")]
    public int OneUnknown() => Bounds(1);

    [Benchmark(Description = "2 unknown")]
    public int TwoUnknown() => Bounds(2);

    [Benchmark(Description = "3 unknown")]
    public int ThreeUnknown() => Bounds(3);

    [Benchmark(Description = "4 unknown")]
    public int FourUnknown() => Bounds(4);

    private int Bounds(int unknown)
    {
        var rec = _rules.Recommend(_assessments[unknown]);
        return rec.Floor(_levelOfCare).Ordinal + rec.Ceiling(_levelOfCare).Ordinal;
    }
}
