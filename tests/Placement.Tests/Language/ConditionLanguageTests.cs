namespace Placement.Tests.Language;

/// <summary>The condition language: precedence, operators, functions and three-valued logic.</summary>
public sealed class ConditionLanguageTests
{
    private static RuleOutcome Evaluate(string condition, string assessment, string? header = null)
    {
        var result = TestSupport.Load((header ?? TestSupport.MiniHeader) + $"\nrules:\n  - {{ id: r, when: '{condition}', require: {{ care: high }}, because: x, source: s }}\n");
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

        // Integers in a list of numbers and ranges.
        { "score in [2, 3]", "score: 3", RuleOutcome.Fired },
        { "score in [2, 3]", "score: 4", RuleOutcome.NotFired },
        { "score in 2..5", "score: 2", RuleOutcome.Fired },
        { "score in 2..5", "score: 5", RuleOutcome.Fired },
        { "score in 2..5", "score: 6", RuleOutcome.NotFired },
        { "score in 2..5", "score: 1", RuleOutcome.NotFired },
        { "score not in 2..5", "score: 6", RuleOutcome.Fired },
        { "score not in [2, 3]", "score: 3", RuleOutcome.NotFired },
        { "score in [1, 4..6, 9]", "score: 5", RuleOutcome.Fired },
        { "score in [1, 4..6, 9]", "score: 9", RuleOutcome.Fired },
        { "score in [1, 4..6, 9]", "score: 7", RuleOutcome.NotFired },
        { "score + 1 in [4]", "score: 3", RuleOutcome.Fired },
        { "score in 2..5 and flag", "score: 3; flag: true", RuleOutcome.Fired },
        { "score in 2..5", "flag: true", RuleOutcome.MayFire },
        { "score in [3]", "flag: true", RuleOutcome.MayFire },
        { "score in 0..10", "flag: true", RuleOutcome.Fired },
        { "score not in [0..10]", "flag: true", RuleOutcome.NotFired },
        { "score not in 2..5", "flag: true", RuleOutcome.MayFire },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Condition_Evaluates(string condition, string assessment, RuleOutcome expected)
    {
        Evaluate(condition, assessment).Should().Be(expected);
    }

    // condition on the set criterion subs (TestSupport.SetsHeader), assessment, expected outcome
    public static TheoryData<string, string, RuleOutcome> SetCases => new()
    {
        { "subs has alcohol", "subs: [alcohol, opioid]", RuleOutcome.Fired },
        { "subs has alcohol", "subs: [opioid]", RuleOutcome.NotFired },
        { "subs has alcohol", "subs: []", RuleOutcome.NotFired },
        { "not subs has alcohol", "subs: []", RuleOutcome.Fired },
        { "subs has any [alcohol, sedative]", "subs: [sedative]", RuleOutcome.Fired },
        { "subs has any [alcohol, sedative]", "subs: [opioid, stimulant]", RuleOutcome.NotFired },
        { "subs has any [alcohol, sedative]", "subs: []", RuleOutcome.NotFired },
        { "subs has all [alcohol, sedative]", "subs: [alcohol, opioid, sedative]", RuleOutcome.Fired },
        { "subs has all [alcohol, sedative]", "subs: [alcohol]", RuleOutcome.NotFired },
        { "count(subs) >= 2", "subs: [opioid, stimulant]", RuleOutcome.Fired },
        { "count(subs) >= 2", "subs: [opioid]", RuleOutcome.NotFired },
        { "count(subs) == 0", "subs: []", RuleOutcome.Fired },
        { "count(subs) + count(flag, score > 5) >= 2", "subs: [opioid]; flag: true; score: 0", RuleOutcome.Fired },
        { "count(flag, subs has opioid) >= 2", "subs: [opioid]; flag: true", RuleOutcome.Fired },
        { "known(subs)", "subs: []", RuleOutcome.Fired },
        { "known(subs)", "flag: true", RuleOutcome.NotFired },
        { "subs has opioid and subs has alcohol", "subs: [alcohol, opioid]", RuleOutcome.Fired },
        { "subs has opioid and flag", "subs: [opioid]; flag: false", RuleOutcome.NotFired },

        // An unknown set: every member is unknown, and Kleene logic decides what it can.
        { "subs has alcohol", "flag: true", RuleOutcome.MayFire },
        { "subs has alcohol", "subs: null", RuleOutcome.MayFire },
        { "not subs has alcohol", "flag: true", RuleOutcome.MayFire },
        { "subs has any [alcohol, sedative]", "flag: true", RuleOutcome.MayFire },
        { "subs has all [alcohol, sedative]", "flag: true", RuleOutcome.MayFire },
        { "count(subs) >= 2", "flag: true", RuleOutcome.MayFire },
        { "count(subs) >= 0", "flag: true", RuleOutcome.Fired },
        { "count(subs) > 4", "flag: true", RuleOutcome.NotFired },
        { "subs has alcohol or flag", "flag: true", RuleOutcome.Fired },
        { "subs has alcohol and flag", "flag: false", RuleOutcome.NotFired },
        { "subs has alcohol or flag", "flag: false", RuleOutcome.MayFire },
    };

    [Theory]
    [MemberData(nameof(SetCases))]
    public void SetCondition_Evaluates(string condition, string assessment, RuleOutcome expected)
    {
        Evaluate(condition, assessment, TestSupport.SetsHeader).Should().Be(expected);
    }

    [Theory]
    [InlineData("s has any", "s: [any]", RuleOutcome.Fired)]
    [InlineData("s has any", "s: [all]", RuleOutcome.NotFired)]
    [InlineData("s has all [any, all]", "s: [any, all]", RuleOutcome.Fired)]
    [InlineData("s has any [all]", "s: [any]", RuleOutcome.NotFired)]
    public void SetCondition_ValuesNamedAnyOrAll_AreValuesUnlessAListFollows(string condition, string assessment, RuleOutcome expected)
    {
        var header = TestSupport.MiniHeader.Replace("criteria:\n", "criteria:\n  s: { type: set, values: [any, all, some] }\n", StringComparison.Ordinal);

        Evaluate(condition, assessment, header).Should().Be(expected);
    }

    [Fact]
    public void Condition_KeywordInsideAnIdentifier_IsPartOfTheName()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader.Replace("flag: { type: boolean }", "android: { type: boolean }\n  index: { type: boolean }", StringComparison.Ordinal)
            + "\nrules:\n  - { id: r, when: android and index, require: { care: high }, because: x, source: s }\n");

        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
    }
}
