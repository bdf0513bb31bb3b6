using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>placement verify: worse answers never lower a level, or a concrete counterexample.</summary>
public sealed class SafetyVerifierTests
{
    [Fact]
    public void Verify_DefaultRuleSet_IsProven()
    {
        var result = SafetyVerifier.Verify(RuleSet.LoadDefault());

        result.Proven.Should().BeTrue(string.Join("\n", result.Unresolved.Concat(result.Counterexamples.Select(c => c.ToText()))));
        result.Skipped.Should().Equal("withdrawal_substance", "step_down_from");
        result.Verified.Should().Contain(["ciwa_ar", "harm_risk", "night_support", "home_stability"]);
    }

    [Fact]
    public void Verify_RuleThatStopsFiringAsRiskRises_IsRefutedWithAnAssessment()
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader.Replace("risk: { type: rating }", "risk: { type: rating, risk: increasing }", StringComparison.Ordinal) + """

            rules:
              - { id: band, when: risk >= moderate and risk <= high, require: { care: middle }, because: x, source: s }
            """).RuleSet!;

        var result = SafetyVerifier.Verify(rules);

        result.Proven.Should().BeFalse();
        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To, c.Decision, c.LevelBefore, c.LevelAfter, c.Rule).Should().Be(("risk", "high", "severe", "care", "middle", "low", "band"));

        // The counterexample is real: the engine itself lowers the level.
        var before = rules.Recommend(Assessment.Parse(string.Join("\n", c.Assessment.Select(kv => $"{kv.Key}: {kv.Value}")), rules));
        var after = rules.Recommend(Assessment.Parse(string.Join("\n", c.Assessment.Select(kv => kv.Key == "risk" ? "risk: severe" : $"{kv.Key}: {kv.Value}")), rules));
        after.Floor("care").Ordinal.Should().BeLessThan(before.Floor("care").Ordinal);
    }

    [Fact]
    public void Verify_ProtectiveFactorTreatedAsRisk_IsRefuted()
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader.Replace("flag: { type: boolean }", "flag: { type: boolean, risk: decreasing }", StringComparison.Ordinal) + """

            rules:
              - { id: supported, when: flag, require: { care: high }, because: x, source: s }
            """).RuleSet!;

        var result = SafetyVerifier.Verify(rules);

        result.Counterexamples.Should().ContainSingle().Which.Should().Match<Counterexample>(c => c.Criterion == "flag" && c.From == "true" && c.To == "false");
    }

    [Fact]
    public void Verify_RuleReplacedByAHigherRule_IsProven()
    {
        // "ideation" -> iop stops firing at "plan", but the plan rule then requires more.
        var rules = TestSupport.Load(TestSupport.MiniHeader.Replace("risk: { type: rating }", "risk: { type: rating, risk: increasing }", StringComparison.Ordinal) + """

            rules:
              - { id: some, when: risk == moderate, require: { care: middle }, because: x, source: s }
              - { id: more, when: risk >= high, require: { care: high }, because: x, source: s }
            """).RuleSet!;

        SafetyVerifier.Verify(rules).Proven.Should().BeTrue();
    }
}
