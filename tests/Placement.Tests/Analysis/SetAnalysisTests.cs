using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>
/// A set criterion takes more slots than one (its hidden members), so <see cref="RuleSet.Criteria"/>
/// is shorter than the assessment's values. verify's counterexample search must still build
/// whole assessments. (How check and verify reason about sets themselves is issue 8's analysis item.)
/// </summary>
public sealed class SetAnalysisTests
{
    [Fact]
    public void Verify_RuleSetWithASet_FindsTheCounterexampleOnAnotherCriterionInsteadOfCrashing()
    {
        var rules = TestSupport.Load(TestSupport.SetsHeader.Replace("score: { type: integer, min: 0, max: 10 }", "score: { type: integer, min: 0, max: 10, risk: increasing }", StringComparison.Ordinal) + """

            rules:
              - { id: a, when: subs has alcohol, require: { care: middle }, because: x, source: s }
              - { id: b, when: score == 3, require: { care: high }, because: x, source: s }
            """).RuleSet!;

        var result = SafetyVerifier.Verify(rules);

        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To, c.Rule).Should().Be(("score", "3", "4", "b"));
        c.Assessment.Should().Contain(new KeyValuePair<string, string>("subs", "[]"));
    }
}
