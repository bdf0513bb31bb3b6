using Placement.Explanations;

namespace Placement.Tests.Explanations;

/// <summary>What-if: the nearest single change of each answer that would change a decision.</summary>
public sealed class WhatIfTests
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    private static AssessmentBuilder ModerateAlcohol() => Rules.NewAssessment()
        .Set("withdrawal_substances", ["alcohol"]).Set("ciwa_ar", 14).Set("harm_risk", "none").Set("withdrawal_complicated", false)
        .Set("history_withdrawal_seizure_or_dt", false).Set("pregnant", false).Set("biomedical_risk", "low").Set("psychiatric_risk", "low")
        .Set("home_stability", "stable").Set("night_support", true).Set("able_to_attend", true);

    [Fact]
    public void EachChange_IsTheNearestAnswerThatChangesADecision_AndReallyChangesIt()
    {
        var rec = Rules.Recommend(ModerateAlcohol().Build());

        var changes = WhatIf.For(rec);

        var ciwa = changes.Single(c => c.Criterion.Id == "ciwa_ar");
        ciwa.To.Should().Be("19", "18 is still moderate withdrawal; 19 is severe");
        foreach (var score in Enumerable.Range(15, 4))
        {
            var nearer = Rules.Recommend(ModerateAlcohol().Set("ciwa_ar", score).Build());
            Rules.Decisions.Should().OnlyContain(d => nearer.Floor(d) == rec.Floor(d) && nearer.Ceiling(d) == rec.Ceiling(d), $"a CIWA-Ar of {score} changes nothing");
        }

        var night = changes.Single(c => c.Criterion.Id == "night_support");
        night.ToString().Should().StartWith("If Overnight support were no (now yes), Level of care would be Residential, clinically managed low intensity");
        var without = Rules.Recommend(ModerateAlcohol().Set("night_support", false).Build());
        without.Floor(night.Decision).Name.Should().Be("Residential, clinically managed low intensity");
        changes.Should().NotContain(c => c.Criterion.Id == "cows", "unanswered criteria are not varied");
    }

    [Fact]
    public void AsJson_TheChangesAreAddedAndTheResultStillMatchesTheSchema()
    {
        var rec = Rules.Recommend(ModerateAlcohol().Build());
        var json = WhatIf.AddToJson(rec.Explain().ToJson(), WhatIf.For(rec));

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        doc.RootElement.GetProperty("whatIf").EnumerateArray().Select(c => c.GetProperty("criterion").GetString()).Should().Contain(["ciwa_ar", "night_support"]);
        doc.RootElement.GetProperty("status").GetString().Should().Be("provisional");
    }
}
