using System.Diagnostics;
using Placement.Comparisons;
using Xunit.Abstractions;

namespace Placement.Tests.DefaultRules2;

/// <summary>
/// Placement on rule set 2.0 (rules/, the embedded default) and a hand-written C# version of the same rules
/// (<see cref="HandWrittenPlacement2"/>, written independently from the YAML) agree on every
/// decision level and every output fact for 100,000 seeded random complete assessments. A
/// disagreement prints the assessment as YAML and both results.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;
    private const int Seed = 2020;

    [Fact]
    public void Placement_AndHandWritten_AgreeOnEveryDecisionAndFact()
    {
        var rules = V2.Rules;
        var levelOfCare = rules.FindDecision("level_of_care")!;
        var levelAfter = rules.FindDecision("level_after_withdrawal")!;
        var wm = rules.FindDecision("withdrawal_management")!;
        var random = new Random(Seed);
        var reached = new HashSet<(int, int, int)>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var c = CaseInput2.Random(random);
            var rec = rules.Recommend(ToAssessment(c, rules));
            rec.Status.Should().Be(RecommendationStatus.Recommended, "a complete assessment is decided:\n{0}", c.ToYaml());
            var placement = new Placement2Result(
                LevelOfCare: rec.Floor(levelOfCare).Ordinal,
                LevelAfterWithdrawal: rec.Floor(levelAfter).Ordinal,
                WithdrawalManagement: rec.Floor(wm).Ordinal,
                WithdrawalSeverity: Array.IndexOf(Severities, rec.Facts["withdrawal_severity"].Floor),
                ComplicationRisk: rec.Facts["complication_risk"].Floor == "true",
                CoOccurringEnhanced: rec.Facts["co_occurring_enhanced"].Floor == "true",
                EmergencyEvaluation: rec.Facts["emergency_evaluation"].Floor == "true");
            var handWritten = HandWrittenPlacement2.Recommend(c);

            if (placement != handWritten)
            {
                Assert.Fail($"case {i} (seed {Seed}) disagrees.\nPlacement:    {placement}\nhand-written: {handWritten}\n" +
                            $"(levels as ordinals, see Placement2Result) for:\n{c.ToYaml()}\nfired: {string.Join(", ", rec.FiredRules)}");
            }

            reached.Add((handWritten.LevelOfCare, handWritten.LevelAfterWithdrawal, handWritten.WithdrawalManagement));
        }

        output.WriteLine($"{Cases} assessments agreed in {watch.Elapsed.TotalSeconds:F1} s; {reached.Count} distinct (level_of_care, level_after_withdrawal, withdrawal_management) combinations");

        // The generator reaches every level of each decision (otherwise agreement would say little).
        reached.Select(r => r.Item1).Distinct().Should().HaveCount(7);
        reached.Select(r => r.Item2).Distinct().Should().HaveCount(7);
        reached.Select(r => r.Item3).Distinct().Should().HaveCount(6);
    }

    [Fact]
    public void ToYaml_IsTheSameAssessment()
    {
        // The YAML printed on a disagreement (and parsed by the benchmarks) is the assessment compared.
        var rules = V2.Rules;
        var random = new Random(Seed + 1);
        for (var i = 0; i < 500; i++)
        {
            var c = CaseInput2.Random(random);
            var parsed = Assessment.Parse(c.ToYaml(), rules);
            parsed.Known().Should().Equal(ToAssessment(c, rules).Known(), $"case {i}:\n{c.ToYaml()}");
        }
    }

    [Fact]
    public void HandWritten_AgreesWithTheRuleTestsOnDocumentedCases()
    {
        // A check of the comparison code itself, on cases of rules/default.tests.yaml.
        HandWrittenPlacement2.Recommend(new CaseInput2 { Biomedical = 1, Psychiatric = 1, Readiness = 1, Relapse = 1 })
            .Should().Be(new Placement2Result(0, 0, 0, 0, false, false, false));

        // MH1: alcohol with CIWA-Ar 19 is severe, 3.7-WM, outpatient after withdrawal.
        HandWrittenPlacement2.Recommend(new CaseInput2 { Substances = Substances2.Alcohol, Ciwa = 19, Biomedical = 1, Psychiatric = 1 })
            .Should().Be(new Placement2Result(5, 0, 4, 3, false, false, false));

        // MH8: COWS 13 with a moderate physical health risk: 3.7-WM, IOP after withdrawal.
        HandWrittenPlacement2.Recommend(new CaseInput2 { Substances = Substances2.Opioid, Cows = 13, Biomedical = 2, Psychiatric = 1 })
            .Should().Be(new Placement2Result(5, 1, 4, 2, false, false, false));

        // MH2: complicated withdrawal with stimulants only: no withdrawal management, but an emergency evaluation.
        HandWrittenPlacement2.Recommend(new CaseInput2 { Substances = Substances2.Stimulant, WithdrawalComplicated = true, Biomedical = 1, Psychiatric = 1 })
            .Should().Be(new Placement2Result(0, 0, 0, 0, false, false, true));
    }

    private static readonly string[] Severities = ["none", "mild", "moderate", "severe", "complicated"];

    private static Assessment ToAssessment(CaseInput2 c, RuleSet rules) => rules.NewAssessment()
        .Set("harm_risk", Harm[c.Harm])
        .Set("withdrawal_complicated", c.WithdrawalComplicated)
        .Set("withdrawal_substances", c.SubstanceIds())
        .Set("ciwa_ar", c.Ciwa)
        .Set("cows", c.Cows)
        .Set("history_withdrawal_seizure_or_dt", c.HistorySeizureOrDt)
        .Set("pawss", c.Pawss)
        .Set("intoxicated", c.Intoxicated)
        .Set("pregnant", c.Pregnant)
        .Set("biomedical_risk", V2.Ratings[c.Biomedical])
        .Set("psychiatric_risk", V2.Ratings[c.Psychiatric])
        .Set("age", c.Age)
        .Set("moud", Moud[c.Moud])
        .Set("sedative_high_risk", c.SedativeHighRisk)
        .Set("home_stability", Home[c.Home])
        .Set("night_support", c.NightSupport)
        .Set("able_to_attend", c.AbleToAttend)
        .Set("relapse_risk", V2.Ratings[c.Relapse])
        .Set("failed_level", Failed[c.FailedLevel])
        .Set("readiness_risk", V2.Ratings[c.Readiness])
        .Set("step_down_from", StepDown[c.StepDown])
        .Build();

    private static readonly string[] Harm = ["none", "ideation", "plan_or_intent"];
    private static readonly string[] Moud = ["none", "methadone", "buprenorphine", "naltrexone"];
    private static readonly string[] Home = ["stable", "unstable", "unsafe"];
    private static readonly string[] Failed = ["none", "outpatient", "iop", "php"];
    private static readonly string[] StepDown = ["none", "iop", "php", "residential", "inpatient"];
}
