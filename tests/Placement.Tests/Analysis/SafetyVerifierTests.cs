using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>placement verify: worse answers never lower a level, or a concrete counterexample.</summary>
public sealed class SafetyVerifierTests
{
    [Fact]
    public void Verify_DefaultRuleSet_IsProven()
    {
        var result = SafetyVerifier.Verify(TestSupport.Rules);

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

/// <summary>verify is sound: every constant a condition compares against splits the values, and each counterexample is the smallest change.</summary>
public sealed class SafetyVerifierSoundnessTests
{
    /// <summary>A rule set with one decision (care: low, middle, high) and the given criteria and rules.</summary>
    internal static RuleSet Rules(string criteria, string rules)
    {
        var result = TestSupport.Load($"""
            ruleset: {"{"} id: t, version: 1.0.0 {"}"}
            decisions:
              care:
                default: low
                levels: [ {"{"} id: low {"}"}, {"{"} id: middle {"}"}, {"{"} id: high {"}"} ]
            criteria:
            {criteria}
            rules:
            {rules}
            """);
        result.Errors.Should().BeEmpty();
        return result.RuleSet!;
    }

    private static string Level(RuleSet rules, string assessment) =>
        rules.Recommend(Assessment.Parse(assessment, rules)).Level("care")!.Id;

    // Each condition holds for x = 15..20 only, through min, max, sums, differences or count:
    // x = 15 gives high and x = 21 gives low. The old value space ignored constants inside these and said PROVEN.
    [Theory]
    [InlineData("min(x, 20) >= 15 and max(x, 20) <= 20")]
    [InlineData("x + x >= 30 and x + x <= 40")]
    [InlineData("max(x, 15) - min(x, 20) <= 0")]
    [InlineData("count(min(x, 20) >= 15, max(x, 20) <= 20) >= 2")]
    [InlineData("40 - x >= 20 and 0 - x <= 0 - 15")]
    public void Verify_ThresholdsInsideArithmetic_AreFoundAndTheBandIsRefuted(string condition)
    {
        var rules = Rules(
            "  x: { type: integer, min: 0, max: 30, risk: increasing }",
            $"  - {{ id: band, when: \"{condition}\", require: {{ care: high }}, because: b, source: s }}");
        Level(rules, "x: 15").Should().Be("high");
        Level(rules, "x: 21").Should().Be("low");

        var result = SafetyVerifier.Verify(rules);

        result.Proven.Should().BeFalse();
        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To, c.Decision, c.LevelBefore, c.LevelAfter, c.Rule).Should().Be(("x", "20", "21", "care", "high", "low", "band"));
    }

    [Fact]
    public void Verify_RuleNotMonotoneInTwoCriteria_PrintsEachCounterexampleOnce()
    {
        var rules = Rules(
            "  r: { type: enum, values: [none, low, moderate, high, severe], risk: increasing }\n  score: { type: integer, min: 0, max: 10, risk: increasing }",
            "  - { id: band, when: r >= moderate and r <= high and score <= 5, require: { care: middle }, because: b, source: s }");

        var result = SafetyVerifier.Verify(rules);

        result.Counterexamples.Select(c => c.ToText()).Should().OnlyHaveUniqueItems();
        result.Counterexamples.Select(c => (c.Criterion, c.From, c.To)).Should().BeEquivalentTo([("r", "high", "severe"), ("score", "5", "6")]);
    }

    [Fact]
    public void Verify_Counterexample_IsTheSmallestChange()
    {
        // Fires for x = 15..20 (x + 5 <= 25); the old value space tried 16 -> 30. The flag does not matter, so it stays false.
        var rules = Rules(
            "  x: { type: integer, min: 0, max: 30, risk: increasing }\n  flag: { type: boolean, risk: increasing }",
            "  - { id: band, when: x >= 15 and x + 5 <= 25, require: { care: high }, because: b, source: s }\n" +
            "  - { id: other, when: flag and x >= 0, require: { care: middle }, because: b, source: s }");

        var result = SafetyVerifier.Verify(rules);

        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To, c.LevelBefore, c.LevelAfter).Should().Be(("x", "20", "21", "high", "low"));
        c.Assessment.Should().Equal(new KeyValuePair<string, string>("x", "20"), new KeyValuePair<string, string>("flag", "false"));
    }

    [Fact]
    public void Verify_ArithmeticBetweenCriteriaOverHugeRanges_IsNotProven()
    {
        // Always true, but no split of the ranges decides max(x, y) - min(x, y) >= 0 cell by cell: verify must not say PROVEN.
        var rules = Rules(
            "  x: { type: integer, min: 0, max: 1000000, risk: increasing }\n  y: { type: integer, min: 0, max: 1000000, risk: increasing }",
            "  - { id: spread, when: \"max(x, y) - min(x, y) >= 0\", require: { care: high }, because: b, source: s }");

        var result = SafetyVerifier.Verify(rules);

        result.Proven.Should().BeFalse();
        result.Counterexamples.Should().BeEmpty();
        result.Unresolved.Should().ContainSingle().Which.Should().Contain("spread").And.Contain("x").And.Contain("y");
    }

    [Fact]
    public void Verify_ArithmeticBetweenCriteriaOverSmallRanges_IsEnumeratedAndProvenOrRefuted()
    {
        var proven = Rules(
            "  x: { type: integer, min: 0, max: 40, risk: increasing }\n  y: { type: integer, min: 0, max: 40, risk: increasing }",
            "  - { id: spread, when: \"max(x, y) - min(x, y) >= 0\", require: { care: high }, because: b, source: s }");
        var refuted = Rules(
            "  x: { type: integer, min: 0, max: 40, risk: increasing }\n  y: { type: integer, min: 0, max: 40, risk: increasing }",
            "  - { id: close, when: \"x - y <= 3 and y - x <= 3 and x + y >= 20\", require: { care: high }, because: b, source: s }");

        SafetyVerifier.Verify(proven).Proven.Should().BeTrue();
        var counterexamples = SafetyVerifier.Verify(refuted).Counterexamples;
        counterexamples.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        var c = counterexamples[0];
        (int.Parse(c.To, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(c.From, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(1);
    }

    [Fact]
    public void Verify_MonotoneSumOverHugeRanges_IsProven()
    {
        var rules = Rules(
            "  x: { type: integer, min: 0, max: 1000000, risk: increasing }\n  y: { type: integer, min: 0, max: 1000000, risk: decreasing }",
            "  - { id: sum, when: \"x - y >= 500000\", require: { care: high }, because: b, source: s }");

        SafetyVerifier.Verify(rules).Proven.Should().BeTrue();
    }

    [Fact]
    public void Verify_RuleThatOnlySetsAFactNoDecisionReads_CannotLowerADecision()
    {
        var result = TestSupport.Load("""
            ruleset: { id: t, version: 1.0.0 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              score: { type: integer, min: 0, max: 10, risk: increasing }
            facts:
              noted: { type: boolean, output: true }
            rules:
              - { id: band, when: score == 5, set: { noted: true }, because: b, source: s }
              - { id: top, when: score >= 8, require: { care: high }, because: b, source: s }
            """);

        var verification = SafetyVerifier.Verify(result.RuleSet!);

        verification.Proven.Should().BeTrue(string.Join("\n", verification.Unresolved));
    }

    [Fact]
    public void Load_SumThatCanLeaveThe32BitRange_IsRejectedSoNothingUnsoundCanBeProven()
    {
        // x + y would wrap around in the engine for large values, so the rule would stop firing as x rises:
        // such a rule set does not load (PL3006), and verify never sees it.
        var result = TestSupport.Load("""
            ruleset: { id: t, version: 1.0.0 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              x: { type: integer, min: 0, max: 2000000000, risk: increasing }
              y: { type: integer, min: 0, max: 2000000000, risk: increasing }
            rules:
              - { id: sum, when: "x + y >= 5", require: { care: high }, because: b, source: s }
            """);

        result.Errors.Select(d => d.Code).Should().Equal("PL3006");
    }

    [Fact]
    public void Verify_CriterionWithoutRisk_IsEnumeratedAsContext()
    {
        // Only with substance = opioid does worsening score lower care; the substance has no risk order.
        var rules = Rules(
            "  substance: { type: enum, values: [none, alcohol, opioid] }\n  score: { type: integer, min: 0, max: 10, risk: increasing }",
            "  - { id: band, when: substance == opioid and score >= 3 and score <= 6, require: { care: middle }, because: b, source: s }");

        var result = SafetyVerifier.Verify(rules);

        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To).Should().Be(("score", "6", "7"));
        c.Assessment.Should().Contain(new KeyValuePair<string, string>("substance", "opioid"));
        result.Skipped.Should().Equal("substance");
    }

    [Fact]
    public void Verify_CriterionWithoutRiskThatHidesTheProblemAtItsFirstValue_IsStillEnumerated()
    {
        // With substance = none, rule 'any' already gives middle, so the band's drop shows only for another substance.
        // The old search kept criteria outside the rule at their first value and found nothing.
        var rules = Rules(
            "  substance: { type: enum, values: [none, alcohol, opioid] }\n  score: { type: integer, min: 0, max: 10, risk: increasing }",
            "  - { id: any, when: substance == none, require: { care: middle }, because: b, source: s }\n" +
            "  - { id: band, when: score <= 5, require: { care: middle }, because: b, source: s }");

        var result = SafetyVerifier.Verify(rules);

        result.Unresolved.Should().BeEmpty();
        var c = result.Counterexamples.Should().ContainSingle().Subject;
        (c.Criterion, c.From, c.To, c.Rule).Should().Be(("score", "5", "6", "band"));
        c.Assessment.Should().Equal(new KeyValuePair<string, string>("substance", "alcohol"), new KeyValuePair<string, string>("score", "5"));
    }
}
