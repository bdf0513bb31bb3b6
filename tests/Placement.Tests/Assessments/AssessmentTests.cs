using Placement.Diagnostics;

namespace Placement.Tests.Assessments;

/// <summary>Assessment input is validated against the criteria; nothing is guessed.</summary>
public sealed class AssessmentTests
{
    private static RuleSet Rules => TestSupport.Rules;

    public static TheoryData<string, string, int, int, string> Invalid => new()
    {
        // assessment, code, line, column, exact message
        { "ciwa: 12", "PL5001", 1, 1, "unknown criterion 'ciwa'; did you mean 'ciwa_ar' or 'cows'?" },
        { "ciwa_ar: 12\nrelapse_rsk: low", "PL5001", 2, 1, "unknown criterion 'relapse_rsk'; did you mean 'relapse_risk'?" },
        { "withdrawal_severity: mild", "PL5001", 1, 1, "'withdrawal_severity' is a fact that the rules derive, not a criterion an assessment gives" },
        { "ciwa_ar: 68", "PL5003", 1, 10, "ciwa_ar: out of range; allowed 0 to 67" },
        { "cows: -1", "PL5003", 1, 7, "cows: out of range; allowed 0 to 48" },
        { "ciwa_ar: twelve", "PL5002", 1, 10, "ciwa_ar: expected a whole number from 0 to 67 (or null when unknown)" },
        { "ciwa_ar: 12.5", "PL5002", 1, 10, "ciwa_ar: expected a whole number from 0 to 67 (or null when unknown)" },
        { "ciwa_ar: \"12\"", "PL5002", 1, 10, "ciwa_ar: expected a whole number from 0 to 67 (or null when unknown)" },
        { "pregnant: yes", "PL5002", 1, 11, "pregnant: expected true or false (or null when unknown)" },
        { "home_stability: unsfe", "PL5004", 1, 17, "home_stability: not an allowed value; allowed: stable, unstable, unsafe" },
        { "relapse_risk: extreme", "PL5004", 1, 15, "relapse_risk: not an allowed value; allowed: none, low, moderate, high, severe" },
        { "relapse_risk: [low]", "PL5002", 1, 15, "relapse_risk: expected one of none, low, moderate, high, severe, not a list" },
        { "- ciwa_ar: 12", "PL5005", 1, 1, "an assessment must be a mapping of criterion ids to values, not a list" },
        { "{ \"ciwa_ar\": 12, \"cows\": 99 }", "PL5003", 1, 26, "cows: out of range; allowed 0 to 48" },
        { "ciwa_ar: 12\n\tcows: 3", "PL1001", 2, 1, "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces" },
        { "ciwa_ar: 12\npregnant: false\n\n\tcows: 3", "PL1001", 4, 1, "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces" },
        { "ciwa_ar: 12\n  cows: 3", "PL1001", 2, 3, "invalid YAML: a key is indented deeper than the key above it, so it reads as more of that key's value; indent a key like the keys beside it" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidValue_NamesTheCriterionAndWhatIsAllowed(string text, string code, int line, int column, string message)
    {
        var result = Assessment.TryParse(text, Rules, "a.yaml");

        result.Success.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Line, d.Column, d.Message, d.File).Should().Be((code, line, column, message, "a.yaml"));
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsAllAtOnce()
    {
        var result = Assessment.TryParse("ciwa_ar: 99\npregnant: maybe\nhome: stable\n", Rules);

        result.Diagnostics.Select(d => d.Code).Should().Equal("PL5003", "PL5002", "PL5001");
    }

    [Fact]
    public void TryParse_ErrorMessages_NeverContainTheValueGiven()
    {
        var result = Assessment.TryParse("ciwa_ar: 4242\nharm_risk: secretword\npregnant: secretword2\n", Rules);

        result.Diagnostics.Should().HaveCount(3);
        result.Diagnostics.Select(d => d.ToString()).Should().NotContain(s => s.Contains("4242") || s.Contains("secretword"));
    }

    [Theory]
    [InlineData("ciwa_ar: 4242\nharm_risk: secretword: x\n")]
    [InlineData("ciwa_ar: 4242\n\tharm_risk: secretword\n")]
    [InlineData("ciwa_ar: 4242\n  harm_risk: secretword\n")]
    [InlineData("harm_risk: secretword\n  and: 4242\n")]
    public void TryParse_YamlMistakes_NeverEchoTheValuesGiven(string text)
    {
        var result = Assessment.TryParse(text, Rules);

        var d = result.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("PL1001");
        d.ToString().Should().NotContain("4242").And.NotContain("secretword");
        d.Suggestion.Should().BeNull();
    }

    [Fact]
    public void Parse_NullAndAbsentValues_AreUnknown()
    {
        var a = Assessment.Parse("ciwa_ar: null\ncows: ~\npawss:\nwithdrawal_substance: alcohol\n", Rules);

        a.IsKnown("ciwa_ar").Should().BeFalse();
        a.IsKnown("cows").Should().BeFalse();
        a.IsKnown("pawss").Should().BeFalse();
        a.IsKnown("pregnant").Should().BeFalse();
        a.Get("withdrawal_substance").Should().Be("alcohol");
    }

    [Fact]
    public void Parse_Json_IsAccepted()
    {
        var a = Assessment.Parse("{\n\t\"withdrawal_substance\": \"opioid\",\n\t\"cows\": 14,\n\t\"pregnant\": false,\n\t\"night_support\": null\n}", Rules);

        a.Known().Should().Equal(
            new KeyValuePair<string, string>("withdrawal_substance", "opioid"),
            new KeyValuePair<string, string>("cows", "14"),
            new KeyValuePair<string, string>("pregnant", "false"));
    }

    [Theory]
    [InlineData("{ \"$schema\": \"../../schemas/assessment.schema.json\", \"cows\": 14 }")]
    [InlineData("$schema: ../../schemas/assessment.schema.json\ncows: 14\n")]
    public void Parse_TopLevelSchemaKey_IsIgnored(string text)
    {
        var a = Assessment.Parse(text, Rules);

        a.Known().Should().Equal([new KeyValuePair<string, string>("cows", "14")]);
    }

    [Fact]
    public void TryParse_SchemaKeyMisspelt_IsStillAnUnknownCriterion()
    {
        var result = Assessment.TryParse("{ \"$schemas\": \"x\", \"cows\": 14 }", Rules);

        result.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.UnknownCriterion);
    }

    [Fact]
    public void Parse_Invalid_ThrowsAssessmentExceptionWithDiagnostics()
    {
        var act = () => Assessment.Parse("ciwa_ar: 99", Rules, "p.yaml");

        act.Should().Throw<AssessmentException>().Which.Diagnostics.Should().ContainSingle()
            .Which.ToString().Should().Be("p.yaml:1:10: error PL5003: ciwa_ar: out of range; allowed 0 to 67");
    }

    [Fact]
    public void TryParse_NotYaml_ReportsPositionInsteadOfThrowing()
    {
        var result = Assessment.TryParse("ciwa_ar: [1, 2\npregnant: true", Rules);

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.YamlSyntax);
    }

    [Fact]
    public void TryParse_HugelyNestedInput_IsAnErrorNotACrash()
    {
        var result = Assessment.TryParse("ciwa_ar: " + new string('[', 100_000), Rules);

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("nesting deeper than 64 levels");
    }

    [Fact]
    public void Builder_InvalidValues_ThrowNamingTheCriterionNotTheValue()
    {
        var builder = Rules.NewAssessment();

        builder.Invoking(b => b.Set("ciwa_ar", 900)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("ciwa_ar: out of range; allowed 0 to 67").And.NotContain("900");
        builder.Invoking(b => b.Set("ciwa", 9)).Should().Throw<ArgumentException>()
            .WithMessage("'ciwa' is not a criterion of rule set adult-sud-placement; did you mean 'ciwa_ar' or 'cows'?*");
        builder.Invoking(b => b.Set("pregnant", "yes")).Should().Throw<ArgumentException>()
            .WithMessage("pregnant: wrong type; expected true or false");
        builder.Invoking(b => b.Set("home_stability", "homeless")).Should().Throw<ArgumentException>()
            .WithMessage("home_stability: not an allowed value; allowed: stable, unstable, unsafe*");
    }

    [Fact]
    public void Recommend_AssessmentOfAnotherRuleSet_Throws()
    {
        var other = TestSupport.Load(TestSupport.MiniHeader).RuleSet!;

        var act = () => Rules.Recommend(other.NewAssessment().Build());

        act.Should().Throw<ArgumentException>().WithMessage("the assessment was read for a different rule set*");
    }
}
