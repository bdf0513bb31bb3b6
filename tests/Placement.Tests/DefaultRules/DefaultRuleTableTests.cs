using Placement.Explanations;

namespace Placement.Tests.DefaultRules;

/// <summary>
/// Each rule of rule set 1.0 (the test fixture tests/fixtures/rules-1.0, the default until 2.0;
/// its clinical page is in the git history) fires where the
/// specification says and not in the nearest case where it should not, starting from a
/// complete no-risk assessment and changing only what the rule reads.
/// </summary>
public sealed class DefaultRuleTableTests
{
    // rule, changes to the baseline, should it fire?
    public static TheoryData<string, string, bool> Withdrawal => new()
    {
        { "W1", "withdrawal_complicated=true", true },
        { "W1", "withdrawal_complicated=false, withdrawal_substance=alcohol, ciwa_ar=30", false },
        { "W2", "withdrawal_substance=alcohol, ciwa_ar=19", true },
        { "W2", "withdrawal_substance=sedative, ciwa_ar=40", true },
        { "W2", "withdrawal_substance=alcohol, ciwa_ar=18", false },
        { "W2", "withdrawal_substance=opioid, ciwa_ar=30", false },
        { "W3", "withdrawal_substance=alcohol, ciwa_ar=10", true },
        { "W3", "withdrawal_substance=alcohol, ciwa_ar=9", false },
        { "W3", "withdrawal_substance=stimulant, ciwa_ar=15", false },
        { "W4", "withdrawal_substance=opioid", true },
        { "W4", "withdrawal_substance=sedative", true },
        { "W4", "withdrawal_substance=stimulant", false },
        { "W4", "withdrawal_substance=cannabis", false },
        { "W5", "withdrawal_substance=opioid, cows=25", true },
        { "W5", "withdrawal_substance=opioid, cows=24", false },
        { "W5", "withdrawal_substance=alcohol, cows=30", false },
        { "W6", "withdrawal_substance=opioid, cows=13", true },
        { "W6", "withdrawal_substance=opioid, cows=12", false },
        { "C1", "history_withdrawal_seizure_or_dt=true, withdrawal_substance=alcohol", true },
        { "C1", "history_withdrawal_seizure_or_dt=true, withdrawal_substance=opioid", false },
        { "C1", "history_withdrawal_seizure_or_dt=false, withdrawal_substance=alcohol", false },
        { "C2", "withdrawal_substance=alcohol, pawss=4", true },
        { "C2", "withdrawal_substance=alcohol, pawss=3", false },
        { "C2", "withdrawal_substance=sedative, pawss=8", false },
        { "M1", "withdrawal_complicated=true", true },
        { "M1", "withdrawal_substance=alcohol, ciwa_ar=30", false },
        { "M2", "withdrawal_substance=alcohol, ciwa_ar=20", true },
        { "M2", "withdrawal_substance=alcohol, ciwa_ar=15", false },
        { "M3", "withdrawal_substance=alcohol, pawss=5", true },
        { "M3", "withdrawal_substance=stimulant, history_withdrawal_seizure_or_dt=true", false },
        { "M4", "withdrawal_substance=alcohol, ciwa_ar=12, biomedical_risk=moderate", true },
        { "M4", "withdrawal_substance=alcohol, ciwa_ar=12, pregnant=true", true },
        { "M4", "withdrawal_substance=opioid, cows=15, psychiatric_risk=moderate", true },
        { "M4", "withdrawal_substance=alcohol, ciwa_ar=12", false },
        { "M4", "withdrawal_substance=alcohol, ciwa_ar=5, pregnant=true", false },
        { "M5", "withdrawal_substance=alcohol, ciwa_ar=12, night_support=false", true },
        { "M5", "withdrawal_substance=opioid, cows=14, home_stability=unsafe", true },
        { "M5", "withdrawal_substance=alcohol, ciwa_ar=5, night_support=false", false },
        { "M6", "withdrawal_substance=opioid, cows=13", true },
        { "M6", "withdrawal_substance=opioid, cows=5", false },
        { "M7", "withdrawal_substance=opioid", true },
        { "M7", "withdrawal_substance=stimulant", false },
    };

    public static TheoryData<string, string, bool> LevelOfCare => new()
    {
        { "P1", "harm_risk=plan_or_intent", true },
        { "P1", "harm_risk=ideation", false },
        { "P2", "psychiatric_risk=severe", true },
        { "P2", "psychiatric_risk=high", false },
        { "P3", "biomedical_risk=severe", true },
        { "P3", "biomedical_risk=high", false },
        { "P4", "withdrawal_complicated=true", true },
        { "P4", "withdrawal_substance=alcohol, ciwa_ar=25", false },
        { "P5", "withdrawal_substance=alcohol, ciwa_ar=25", true },
        { "P5", "withdrawal_substance=alcohol, ciwa_ar=12, night_support=false", false },
        { "P6", "biomedical_risk=high", true },
        { "P6", "biomedical_risk=moderate", false },
        { "P7", "psychiatric_risk=high, relapse_risk=high", true },
        { "P7", "biomedical_risk=high, home_stability=unsafe", true },
        { "P7", "readiness_risk=high, relapse_risk=high, home_stability=unsafe", false },
        { "P7", "psychiatric_risk=high", false },
        { "P8", "psychiatric_risk=high", true },
        { "P8", "psychiatric_risk=moderate", false },
        { "P9", "withdrawal_substance=alcohol, ciwa_ar=12, night_support=false", true },
        { "P9", "withdrawal_substance=alcohol, ciwa_ar=12", false },
        { "P10", "relapse_risk=high, failed_lower_level=true", true },
        { "P10", "relapse_risk=moderate, failed_lower_level=true", false },
        { "P10", "relapse_risk=severe, failed_lower_level=false", false },
        { "P11", "home_stability=unsafe, relapse_risk=moderate", true },
        { "P11", "home_stability=unsafe, relapse_risk=low", false },
        { "P11", "home_stability=unstable, relapse_risk=high", false },
        { "P12", "psychiatric_risk=moderate", true },
        { "P12", "psychiatric_risk=low", false },
        { "P13", "relapse_risk=severe", true },
        { "P13", "relapse_risk=high", false },
        { "P14", "readiness_risk=moderate, relapse_risk=moderate, psychiatric_risk=moderate", true },
        { "P14", "readiness_risk=moderate, home_stability=unstable, biomedical_risk=moderate", true },
        { "P14", "readiness_risk=moderate, relapse_risk=moderate", false },
        { "P14", "relapse_risk=moderate, psychiatric_risk=moderate", false },
        { "P15", "relapse_risk=moderate", true },
        { "P15", "relapse_risk=low", false },
        { "P16", "home_stability=unstable", true },
        { "P16", "home_stability=stable", false },
        { "P17", "biomedical_risk=moderate", true },
        { "P17", "biomedical_risk=low", false },
        { "P18", "step_down_from=php", true },
        { "P18", "step_down_from=inpatient", true },
        { "P18", "step_down_from=none", false },
        { "P19", "harm_risk=ideation", true },
        { "P19", "harm_risk=none", false },
        { "S1", "psychiatric_risk=moderate", true },
        { "S1", "harm_risk=ideation", true },
        { "S1", "psychiatric_risk=low", false },
        { "N1", "readiness_risk=high", true },
        { "N1", "readiness_risk=high, relapse_risk=moderate", false },
        { "N1", "readiness_risk=high, home_stability=unstable", false },
        { "N2", "withdrawal_substance=alcohol, ciwa_ar=12, night_support=false", true },
        { "N2", "withdrawal_substance=alcohol, ciwa_ar=12", false },
        { "N3", "withdrawal_substance=opioid", true },
        { "N3", "withdrawal_substance=alcohol", false },
    };

    [Theory]
    [MemberData(nameof(Withdrawal))]
    [MemberData(nameof(LevelOfCare))]
    public void Rule_FiresExactlyWhereSpecified(string rule, string changes, bool fires)
    {
        var rec = TestSupport.Recommend(changes);

        rec.Status.Should().Be(RecommendationStatus.Recommended, "the assessment is complete");
        rec.OutcomeOf(rule).Should().Be(fires ? RuleOutcome.Fired : RuleOutcome.NotFired, $"{rule} with {changes}");
    }

    // changes, level_of_care, withdrawal_management
    public static TheoryData<string, string, string> Levels => new()
    {
        { "", "outpatient", "none" },
        { "readiness_risk=severe", "outpatient", "none" },
        { "relapse_risk=moderate", "iop", "none" },
        { "withdrawal_substance=opioid", "outpatient", "ambulatory" },
        { "withdrawal_substance=opioid, cows=13", "outpatient", "ambulatory_extended" },
        { "relapse_risk=severe", "php", "none" },
        { "home_stability=unsafe, relapse_risk=moderate", "residential", "none" },
        { "withdrawal_substance=alcohol, ciwa_ar=12, night_support=false", "residential", "residential" },
        { "withdrawal_substance=alcohol, ciwa_ar=19", "medically_monitored_inpatient", "medically_monitored" },
        { "withdrawal_substance=alcohol, ciwa_ar=5, history_withdrawal_seizure_or_dt=true", "medically_monitored_inpatient", "medically_monitored" },
        { "withdrawal_substance=opioid, cows=30", "medically_monitored_inpatient", "medically_monitored" },
        { "withdrawal_complicated=true", "medically_managed_inpatient", "medically_managed" },
        { "harm_risk=plan_or_intent", "medically_managed_inpatient", "none" },
        { "withdrawal_substance=stimulant, ciwa_ar=40, cows=40", "outpatient", "none" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Recommend_CompleteAssessment_GivesTheSpecifiedLevels(string changes, string levelOfCare, string withdrawal)
    {
        var rec = TestSupport.Recommend(changes);

        rec.Floor("level_of_care").Id.Should().Be(levelOfCare);
        rec.Floor("withdrawal_management").Id.Should().Be(withdrawal);
    }

    [Fact]
    public void Recommend_ReadinessAlone_NeverRaisesTheLevel()
    {
        foreach (var readiness in new[] { "none", "low", "moderate", "high", "severe" })
        {
            TestSupport.Recommend($"readiness_risk={readiness}").Floor("level_of_care").Id.Should().Be("outpatient", readiness);
        }
    }

    [Fact]
    public void Recommend_ModerateMentalHealthRisk_MarksCoOccurringEnhanced()
    {
        var rec = TestSupport.Recommend("psychiatric_risk=moderate");

        rec.Facts["co_occurring_enhanced"].Floor.Should().Be("true");
        rec.Facts["co_occurring_enhanced"].DerivedBy.Should().Equal("S1");
    }

    [Fact]
    public void Recommend_SevereAlcoholWithdrawal_FillsValuesIntoTheReason()
    {
        var rec = TestSupport.Recommend("withdrawal_substance=alcohol, ciwa_ar=23");

        rec.Facts["withdrawal_severity"].Floor.Should().Be("severe");
        rec.Facts["withdrawal_severity"].DerivedBy.Should().Equal("W2");
        rec.Explain().ToText().Should().Contain("A CIWA-Ar of 23 (19 or more) in alcohol withdrawal is severe withdrawal.");
    }
}
