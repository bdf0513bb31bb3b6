using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>
/// A set criterion takes more slots than one (its hidden members), so <see cref="RuleSet.Criteria"/>
/// is shorter than the assessment's values. verify's counterexample search must still build
/// whole assessments, and both check and verify reason about a set through its members: rules that
/// read a set can fire, and removing a word that a rule needs absent is a real counterexample.
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

    private const string Sets = """
        ruleset: { id: s, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
          subs: { type: set, values: [alcohol, opioid, sedative], risk: increasing }
          score: { type: integer, min: 0, max: 10, risk: increasing }
        """;

    [Fact]
    public void Check_RulesThatReadASet_CanFireAndItsLevelIsReachable()
    {
        var rules = TestSupport.Load(Sets + "\n" + """
            rules:
              - { id: r1, when: 'subs has any [alcohol, sedative] and score >= 5', require: { care: high }, because: x, source: s }
              - { id: r2, when: 'count(subs) >= 2', require: { care: high }, because: x, source: s }
            """).RuleSet!;

        RuleSetChecker.Check(rules).Should().BeEmpty("both rules can fire and reach 'high'; the set is read");
    }

    [Fact]
    public void Verify_AWordThatMustBeAbsent_IsACounterexampleOnTheSet()
    {
        var rules = TestSupport.Load(Sets + "\n" + """
            rules:
              - { id: r1, when: not (subs has opioid), require: { care: high }, because: x, source: s }
              - { id: r2, when: score >= 3, require: { care: high }, because: x, source: s }
            """).RuleSet!;

        var result = SafetyVerifier.Verify(rules);

        result.Proven.Should().BeFalse("adding opioid to the set lowers care when score is low");
        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To).Should().Be(("subs", "[]", "[opioid]"));
        c.Assessment.Select(kv => kv.Key).Should().Equal("subs", "score");
    }
}
