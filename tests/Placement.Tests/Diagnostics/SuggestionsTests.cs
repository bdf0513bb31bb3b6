using Placement.Diagnostics;

namespace Placement.Tests.Diagnostics;

/// <summary>One "did you mean" everywhere: prefixes first, then misspellings, at most three.</summary>
public sealed class SuggestionsTests
{
    [Fact]
    public void Find_Prefix_ComesBeforeACloserMisspelling()
    {
        var suggested = Suggestions.Find("ciwa", ["cows", "ciwa_ar", "pawss"]);

        suggested.Best.Should().Be("ciwa_ar");
        suggested.DidYouMean.Should().Be("; did you mean 'ciwa_ar' or 'cows'?");
    }

    [Fact]
    public void Find_ManyCandidates_OffersAtMostThreeNearestFirst()
    {
        var suggested = Suggestions.Find("risk", ["risk_a", "risk_bb", "risk_ccc", "risk_dddd", "unrelated"]);

        suggested.Candidates.Should().Equal("risk_a", "risk_bb", "risk_ccc");
        suggested.DidYouMean.Should().Be("; did you mean 'risk_a', 'risk_bb' or 'risk_ccc'?");
    }

    [Fact]
    public void Find_NothingClose_SuggestsNothing()
    {
        var suggested = Suggestions.Find("zzz", ["ciwa_ar", "cows"]);

        suggested.Best.Should().BeNull();
        suggested.DidYouMean.Should().BeEmpty();
    }

    [Fact]
    public void Find_Misspelling_IsSuggested()
    {
        Suggestions.Find("pregant", ["pregnant", "prior_episodes"]).Best.Should().Be("pregnant");
    }

    [Fact]
    public void AssessmentKey_Ciwa_SuggestsCiwaArFirst()
    {
        var rules = TestSupport.Rules;

        var result = Assessment.TryParse("ciwa: 12\n", rules, "a.yaml");

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.UnknownCriterion);
        error.Suggestion.Should().Be("ciwa_ar");
        error.Message.Should().StartWith("unknown criterion 'ciwa'; did you mean 'ciwa_ar'");
    }

    [Fact]
    public void InvalidJsonAssessment_HasTheJsonCodeAndPosition()
    {
        var rules = TestSupport.Rules;

        var result = Assessment.TryParse("{\n  \"ciwa_ar\": 12,\n  \"cows\": }\n", rules, "a.json");

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.JsonSyntax);
        error.Line.Should().Be(3);
        error.Message.Should().StartWith("invalid JSON").And.NotContain("12");
    }

    [Fact]
    public void InvalidJsonLine_HasTheJsonCode()
    {
        var rules = TestSupport.Rules;

        var result = Assessment.TryParseJson("{\"ciwa_ar\": 12,"u8, rules, "batch.ndjson", line: 7);

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.JsonSyntax);
    }
}
