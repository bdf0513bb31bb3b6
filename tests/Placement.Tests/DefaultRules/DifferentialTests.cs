using System.Diagnostics;
using Placement.Comparisons;
using Xunit.Abstractions;

namespace Placement.Tests.DefaultRules;

/// <summary>
/// Placement, a hand-written C# version and a Microsoft RulesEngine version of rule set 1.0 (the
/// test fixture tests/fixtures/rules-1.0, the default until 2.0), all written independently from
/// its clinical page (default-rules.md before the switch, in the git history), agree on every decision for 100,000
/// seeded random complete assessments. A disagreement prints the assessment.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;
    private const int Seed = 4242;

    private static readonly string[] Substances = ["none", "alcohol", "sedative", "opioid", "stimulant", "cannabis", "other"];
    private static readonly string[] Ratings = ["none", "low", "moderate", "high", "severe"];

    [Fact]
    public void Placement_HandWritten_AndRulesEngine_AgreeOnEveryDecision()
    {
        var rules = TestSupport.Rules;
        var rulesEngine = new RulesEnginePlacement();
        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var c = CaseInput.Random(random);
            var rec = rules.Recommend(ToAssessment(c, rules));
            var placement = (rec.Floor("level_of_care").Ordinal, rec.Floor("withdrawal_management").Ordinal);
            var handWritten = HandWrittenPlacement.Recommend(c);
            var engine = rulesEngine.Recommend(c);

            if (placement != handWritten || placement != engine)
            {
                Assert.Fail($"case {i} (seed {Seed}): Placement {placement}, hand-written {handWritten}, RulesEngine {engine} " +
                            $"as (level_of_care, withdrawal_management) ordinals for:\n{c.ToYaml()}");
            }
        }

        output.WriteLine($"{Cases} assessments agreed in {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void HandWritten_AgreesWithPlacementOnEveryExample()
    {
        // A second check of the comparison code itself, on the cases whose levels the examples document.
        var c = new CaseInput { Substance = 1, Ciwa = 21, Pawss = 3, Biomedical = 1, Psychiatric = 1, Readiness = 1, Relapse = 2, NightSupport = true };

        HandWrittenPlacement.Recommend(c).Should().Be((4, 4));
        new RulesEnginePlacement().Recommend(c).Should().Be((4, 4));
    }

    internal static Assessment ToAssessment(CaseInput c, RuleSet rules) => rules.NewAssessment()
        .Set("withdrawal_substance", Substances[c.Substance])
        .Set("ciwa_ar", c.Ciwa).Set("cows", c.Cows).Set("pawss", c.Pawss)
        .Set("withdrawal_complicated", c.WithdrawalComplicated)
        .Set("history_withdrawal_seizure_or_dt", c.HistorySeizureOrDt)
        .Set("biomedical_risk", Ratings[c.Biomedical])
        .Set("pregnant", c.Pregnant)
        .Set("psychiatric_risk", Ratings[c.Psychiatric])
        .Set("harm_risk", new[] { "none", "ideation", "plan_or_intent" }[c.Harm])
        .Set("readiness_risk", Ratings[c.Readiness])
        .Set("relapse_risk", Ratings[c.Relapse])
        .Set("failed_lower_level", c.FailedLowerLevel)
        .Set("home_stability", new[] { "stable", "unstable", "unsafe" }[c.Home])
        .Set("night_support", c.NightSupport)
        .Set("step_down_from", new[] { "none", "php", "inpatient" }[c.StepDown])
        .Build();
}
