namespace Placement.Tests.Engine;

/// <summary>Three-valued handling of missing answers: an unknown never silently lowers a level.</summary>
public sealed class MissingDataTests
{
    [Fact]
    public void Recommend_IrrelevantScoresMissing_IsRecommendedNotProvisional()
    {
        // No physical dependence: CIWA-Ar, COWS and PAWSS cannot matter.
        var rec = TestSupport.Recommend("withdrawal_substance=stimulant, ciwa_ar=?, cows=?, pawss=?");

        rec.Status.Should().Be(RecommendationStatus.Recommended);
        rec.Missing.Should().BeEmpty();
        rec.MayFireRules.Should().BeEmpty();
    }

    [Fact]
    public void Recommend_UnknownCiwa_IsProvisionalWithCeilingAndFloor()
    {
        var rec = TestSupport.Recommend("withdrawal_substance=alcohol, ciwa_ar=?");

        rec.Status.Should().Be(RecommendationStatus.Provisional);
        var wm = rec.Decisions["withdrawal_management"];
        wm.Floor.Id.Should().Be("ambulatory", "physical dependence alone is certain (W4, M7)");
        wm.Ceiling.Id.Should().Be("medically_monitored", "a CIWA-Ar of 19 or more would mean severe withdrawal");
        rec.Decisions["level_of_care"].Ceiling.Id.Should().Be("medically_monitored_inpatient");
        rec.MayFireRules.Should().Contain(["W2", "W3", "M2", "M6", "P5"]);
        var ciwa = rec.Missing.Should().ContainSingle().Subject;
        ciwa.Criterion.Id.Should().Be("ciwa_ar");
        ciwa.CouldRaise["level_of_care"].Id.Should().Be("medically_monitored_inpatient");
        ciwa.CouldRaise["withdrawal_management"].Id.Should().Be("medically_monitored");
    }

    [Fact]
    public void LevelAndCeilingByDecision_ReadTheResultAndRejectAnotherRuleSetsDecision()
    {
        var rules = TestSupport.Rules;
        var wm = rules.FindDecision("withdrawal_management")!;
        var rec = TestSupport.Recommend("withdrawal_substance=alcohol, ciwa_ar=?");

        rec.Floor(wm).Id.Should().Be("ambulatory");
        rec.Ceiling(wm).Id.Should().Be("medically_monitored");
        var foreign = TestSupport.Load(TestSupport.MiniHeader).RuleSet!.FindDecision("care")!;
        rec.Invoking(r => r.Ceiling(foreign)).Should().Throw<ArgumentException>().WithMessage("'care' is not a decision of rule set adult-sud-placement*");
    }

    [Fact]
    public void Recommend_ProvisionalExample_ListsEachMissingAnswerWithWhatItAloneCouldRaise()
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.Rules10Examples, "provisional.yaml"));
        var rec = TestSupport.Rules.Recommend(Assessment.Parse(text, TestSupport.Rules));

        rec.Status.Should().Be(RecommendationStatus.Provisional);
        rec.Floor("level_of_care").Id.Should().Be("outpatient");
        rec.Decisions["level_of_care"].Ceiling.Id.Should().Be("medically_monitored_inpatient");
        rec.Missing.Select(m => m.Criterion.Id).Should().Equal("pawss", "history_withdrawal_seizure_or_dt", "night_support");
        var night = rec.Missing.Single(m => m.Criterion.Id == "night_support");
        night.CouldRaise["withdrawal_management"].Id.Should().Be("residential", "no overnight support means residential withdrawal management (M5)");
        night.CouldRaise["level_of_care"].Id.Should().Be("residential", "that alone cannot require medically monitored care");
        var pawss = rec.Missing.Single(m => m.Criterion.Id == "pawss");
        pawss.CouldRaise["level_of_care"].Id.Should().Be("medically_monitored_inpatient", "a high PAWSS means complication risk (C2, M3, P5)");
    }

    [Fact]
    public void Recommend_UnknownNegatedCriterion_MayFireInsteadOfFiringOrNot()
    {
        // M5: "not night_support" is unknown when night_support is unknown.
        var rec = TestSupport.Recommend("withdrawal_substance=opioid, cows=15, night_support=?");

        rec.OutcomeOf("M5").Should().Be(RuleOutcome.MayFire);
        rec.Floor("withdrawal_management").Id.Should().Be("ambulatory_extended");
        rec.Decisions["withdrawal_management"].Ceiling.Id.Should().Be("residential");
    }

    [Fact]
    public void Recommend_KleeneOr_TrueWhenOneSideIsTrueEvenIfTheOtherIsUnknown()
    {
        // S1: psychiatric_risk >= moderate or harm_risk != none
        var rec = TestSupport.Recommend("psychiatric_risk=?, harm_risk=ideation");

        rec.OutcomeOf("S1").Should().Be(RuleOutcome.Fired);
        rec.Facts["co_occurring_enhanced"].Floor.Should().Be("true");
    }

    [Fact]
    public void Recommend_KleeneAnd_FalseWhenOneSideIsFalseEvenIfTheOtherIsUnknown()
    {
        // P10: relapse_risk >= high and failed_lower_level
        var rec = TestSupport.Recommend("relapse_risk=low, failed_lower_level=?");

        rec.OutcomeOf("P10").Should().Be(RuleOutcome.NotFired);
        rec.Missing.Select(m => m.Criterion.Id).Should().NotContain("failed_lower_level");
    }

    [Fact]
    public void Recommend_EmptyAssessment_IsProvisionalUpToTheMostIntensiveLevel()
    {
        var rules = TestSupport.Rules;
        var rec = rules.Recommend(rules.NewAssessment().Build());

        rec.Status.Should().Be(RecommendationStatus.Provisional);
        rec.Floor("level_of_care").Id.Should().Be("outpatient");
        rec.Decisions["level_of_care"].Ceiling.Id.Should().Be("medically_managed_inpatient");
        rec.Missing.Select(m => m.Criterion.Id).Should().Contain(["withdrawal_complicated", "harm_risk", "psychiatric_risk", "biomedical_risk"]);
    }

    /// <summary>
    /// The safety property, on seeded random assessments: removing answers never puts the
    /// complete result outside [floor, ceiling], and whenever the floor is below the complete
    /// result the recommendation is provisional and says what is missing.
    /// </summary>
    [Fact]
    public void Recommend_RemovingAnswers_NeverHidesAHigherLevel()
    {
        var rules = TestSupport.Rules;
        var random = new Random(20261122);
        for (var n = 0; n < 3000; n++)
        {
            var builder = RandomAssessment(rules, random);
            var complete = builder.Build();
            var full = rules.Recommend(complete);
            var partialBuilder = builder;
            var removed = new List<string>();
            foreach (var c in rules.Criteria)
            {
                if (random.Next(4) == 0)
                {
                    partialBuilder = partialBuilder.Unknown(c.Id);
                    removed.Add(c.Id);
                }
            }

            var partial = rules.Recommend(partialBuilder.Build());
            foreach (var decision in rules.Decisions)
            {
                var truth = full.Decisions[decision.Id].Level!.Ordinal;
                var p = partial.Decisions[decision.Id];
                var context = $"{decision.Id} with {string.Join(", ", removed)} removed from {string.Join(", ", complete.Known())}";
                p.Floor.Ordinal.Should().BeLessOrEqualTo(truth, context);
                p.Ceiling.Ordinal.Should().BeGreaterOrEqualTo(truth, context);
                if (p.Floor.Ordinal < truth)
                {
                    partial.Status.Should().Be(RecommendationStatus.Provisional, context);
                    partial.Missing.Should().NotBeEmpty(context);
                    partial.Missing.Select(m => m.Criterion.Id).Should().BeSubsetOf(removed, context);
                }
            }

            foreach (var fact in rules.Facts)
            {
                var truth = fact.Domain.IndexOf(full.Facts[fact.Id].Floor);
                fact.Domain.IndexOf(partial.Facts[fact.Id].Floor).Should().BeLessOrEqualTo(truth);
                fact.Domain.IndexOf(partial.Facts[fact.Id].Ceiling).Should().BeGreaterOrEqualTo(truth);
            }
        }
    }

    internal static AssessmentBuilder RandomAssessment(RuleSet rules, Random random)
    {
        var builder = rules.NewAssessment();
        foreach (var c in rules.Criteria)
        {
            switch (c.Domain.Kind)
            {
                case Model.ValueKind.Boolean:
                    builder.Set(c.Id, random.Next(2) == 1);
                    break;
                case Model.ValueKind.Integer:
                    builder.Set(c.Id, random.Next(c.Domain.Min, c.Domain.Max + 1));
                    break;
                default:
                    builder.Set(c.Id, c.Domain.Values[random.Next(c.Domain.Values.Count)]);
                    break;
            }
        }

        return builder;
    }
}
