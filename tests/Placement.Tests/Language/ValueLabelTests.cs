using Placement.Explanations;

namespace Placement.Tests.Language;

/// <summary>
/// <c>labels</c> beside <c>values</c>: how clinicians see an answer word in explanations
/// ("intensive outpatient (IOP)" rather than "iop"), checked at load like every other field.
/// </summary>
public sealed class ValueLabelTests
{
    private const string Header = """
        ruleset: { id: labelled, version: 1.0.0 }
        types:
          rating: { values: [none, low, high], labels: { high: high risk } }
        decisions:
          care:
            default: low
            levels:
              - { id: low, name: Low }
              - { id: high, name: High }
        criteria:
          failed: { type: enum, values: [none, outpatient, iop, php], labels: { outpatient: standard outpatient, iop: intensive outpatient (IOP), php: partial hospitalization (PHP) }, label: Level completed without control }
          subs: { type: set, values: [alcohol, ghb], labels: { ghb: GHB or GBL }, label: Substances }
          risk: { type: rating, label: Relapse risk }
        rules:
          - { id: R1, title: After IOP, when: failed >= iop and risk >= high, require: { care: high }, because: b, source: s }
          - { id: R2, title: GHB, when: subs has ghb, require: { care: high }, because: b, source: s }
          - { id: R3, title: Never tried, when: failed == none, require: { care: high }, because: b, source: s }
        """;

    [Fact]
    public void Explanations_ShowLabelsInConditionsAndReadings()
    {
        var rules = TestSupport.Load(Header).RuleSet!;
        var rec = rules.Recommend(rules.NewAssessment().Set("failed", "php").Set("subs", new[] { "alcohol" }).Set("risk", "low").Build());
        var text = rec.Explain().ToText();

        text.Should().Contain("Level completed without control is none: not met (Level completed without control: partial hospitalization (PHP))")
            .And.Contain("Relapse risk is at least high risk: not met (Relapse risk: low)")
            .And.Contain("Substances includes GHB or GBL: not met (Substances: alcohol)")
            .And.NotContain("php");
        rules.Recommend(rules.NewAssessment().Set("failed", "outpatient").Set("subs", Array.Empty<string>()).Set("risk", "high").Build())
            .Explain().ToText().Should().Contain("Level completed without control is at least intensive outpatient (IOP): not met (Level completed without control: standard outpatient)");

        // Ids stay in machine output and the sign-off document's conditions.
        rec.Explain().ToJson().Should().Contain("\"failed = php\"");
        rules.Criteria.Single(c => c.Id == "failed").Domain.Labels.Should().Equal("none", "standard outpatient", "intensive outpatient (IOP)", "partial hospitalization (PHP)");
    }

    [Theory]
    [InlineData("labels: { iopp: x }", "'iopp' is not a value of 'failed'; did you mean 'iop'?")]
    [InlineData("labels: { iop: '' }", "the label of 'iop' in 'failed' is empty")]
    [InlineData("labels: [iop]", "'labels' must be a mapping")]
    public void BadLabels_AreLoadErrorsNamingTheValue(string labels, string message)
    {
        var yaml = Header.Replace("labels: { outpatient: standard outpatient, iop: intensive outpatient (IOP), php: partial hospitalization (PHP) }", labels, StringComparison.Ordinal);
        var result = TestSupport.Load(yaml);

        result.RuleSet.Should().BeNull("a bad rule file never half-loads");
        result.Errors.Should().Contain(d => d.Message.Contains(message, StringComparison.Ordinal) && d.Line == 11);
    }

    [Theory]
    [InlineData("risk: { type: rating, label: Relapse risk }", "risk: { type: rating, labels: { low: x }, label: Relapse risk }", "give them under types")]
    [InlineData("risk: { type: rating, label: Relapse risk }", "risk: { type: rating, label: Relapse risk }\n  on: { type: boolean, labels: { true: yes } }", "'labels' apply only to enum and set values; 'on' is boolean")]
    public void LabelsAwayFromTheirValues_AreLoadErrors(string from, string to, string message)
    {
        var result = TestSupport.Load(Header.Replace(from, to, StringComparison.Ordinal));

        result.RuleSet.Should().BeNull();
        result.Errors.Should().Contain(d => d.Message.Contains(message, StringComparison.Ordinal));
    }
}

/// <summary><c>dimension:</c> on a criterion: the assessment dimension a form groups it under.</summary>
public sealed class CriterionDimensionTests
{
    [Fact]
    public void Dimension_IsReadAndChecked()
    {
        RuleSet.LoadDefault().Criteria.Single(c => c.Id == "night_support").Dimension.Should().Be(6);
        RuleSet.LoadDefault().Criteria.Should().OnlyContain(c => c.Dimension != null, "every default criterion names its dimension");

        var bad = TestSupport.Load(TestSupport.MiniHeader.Replace("flag: { type: boolean }", "flag: { type: boolean, dimension: 7 }", StringComparison.Ordinal));
        bad.RuleSet.Should().BeNull();
        bad.Errors.Should().ContainSingle(d => d.Code == "PL1007" && d.Message == "'dimension' of criterion 'flag' is 1 to 6 (the assessment's six dimensions)");
    }
}
