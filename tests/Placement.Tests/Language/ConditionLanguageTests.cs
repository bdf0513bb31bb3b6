namespace Placement.Tests.Language;

/// <summary>The condition language: precedence, operators, functions and three-valued logic.</summary>
public sealed class ConditionLanguageTests
{
    private static RuleOutcome Evaluate(string condition, string assessment)
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + $"\nrules:\n  - {{ id: r, when: '{condition}', require: {{ care: high }}, because: x, source: s }}\n");
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        var rules = result.RuleSet!;
        return rules.Recommend(Assessment.Parse(assessment.Replace("; ", "\n"), rules)).OutcomeOf("r");
    }

    // condition, assessment ("k: v; k: v"), expected outcome
    public static TheoryData<string, string, RuleOutcome> Cases => new()
    {
        { "score >= 3", "score: 3", RuleOutcome.Fired },
        { "score > 3", "score: 3", RuleOutcome.NotFired },
        { "score < 3", "score: 2", RuleOutcome.Fired },
        { "score <= 3", "score: 4", RuleOutcome.NotFired },
        { "score == 3", "score: 3", RuleOutcome.Fired },
        { "score != 3", "score: 3", RuleOutcome.NotFired },
        { "3 <= score", "score: 5", RuleOutcome.Fired },
        { "score + 2 >= 7", "score: 5", RuleOutcome.Fired },
        { "score - 2 >= 4", "score: 5", RuleOutcome.NotFired },
        { "risk >= moderate", "risk: high", RuleOutcome.Fired },
        { "risk < moderate", "risk: high", RuleOutcome.NotFired },
        { "moderate <= risk", "risk: moderate", RuleOutcome.Fired },
        { "home in [unstable, unsafe]", "home: unsafe", RuleOutcome.Fired },
        { "home not in [unstable, unsafe]", "home: unsafe", RuleOutcome.NotFired },
        { "not flag", "flag: false", RuleOutcome.Fired },
        { "flag == true", "flag: true", RuleOutcome.Fired },
        { "flag or score > 5 and risk >= high", "flag: true; score: 0; risk: none", RuleOutcome.Fired },
        { "(flag or score > 5) and risk >= high", "flag: true; score: 0; risk: none", RuleOutcome.NotFired },
        { "not flag and score > 1", "flag: false; score: 2", RuleOutcome.Fired },
        { "count(flag, score > 5, risk >= high) >= 2", "flag: true; score: 6; risk: none", RuleOutcome.Fired },
        { "count(flag, score > 5, risk >= high) >= 2", "flag: true; score: 1; risk: none", RuleOutcome.NotFired },
        { "min(score, 4) >= 4", "score: 9", RuleOutcome.Fired },
        { "max(score, 4) >= 5", "score: 2", RuleOutcome.NotFired },
        { "known(score)", "score: 0", RuleOutcome.Fired },
        { "known(score)", "flag: true", RuleOutcome.NotFired },
        { "not known(score)", "flag: true", RuleOutcome.Fired },

        // Unknown values: Kleene logic; a comparison that every possible value satisfies is decided.
        { "score >= 3", "flag: true", RuleOutcome.MayFire },
        { "score >= 0", "flag: true", RuleOutcome.Fired },
        { "score > 10", "flag: true", RuleOutcome.NotFired },
        { "not flag", "score: 1", RuleOutcome.MayFire },
        { "flag and score > 5", "score: 1", RuleOutcome.NotFired },
        { "flag and score > 5", "score: 9", RuleOutcome.MayFire },
        { "flag or score > 5", "score: 9", RuleOutcome.Fired },
        { "flag or score > 5", "score: 1", RuleOutcome.MayFire },
        { "home in [stable, unstable, unsafe]", "flag: true", RuleOutcome.Fired },
        { "home in [unsafe]", "flag: true", RuleOutcome.MayFire },
        { "count(flag, score > 5) >= 1", "score: 9", RuleOutcome.Fired },
        { "count(flag, score > 5) >= 2", "score: 1", RuleOutcome.NotFired },
        { "count(flag, score > 5) >= 2", "score: 9", RuleOutcome.MayFire },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Condition_Evaluates(string condition, string assessment, RuleOutcome expected)
    {
        Evaluate(condition, assessment).Should().Be(expected);
    }

    [Fact]
    public void Condition_KeywordInsideAnIdentifier_IsPartOfTheName()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader.Replace("flag: { type: boolean }", "android: { type: boolean }\n  index: { type: boolean }", StringComparison.Ordinal)
            + "\nrules:\n  - { id: r, when: android and index, require: { care: high }, because: x, source: s }\n");

        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
    }
}
