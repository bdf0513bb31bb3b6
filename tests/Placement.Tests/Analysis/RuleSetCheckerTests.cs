using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>placement check's warnings: exact code, position and message.</summary>
public sealed class RuleSetCheckerTests
{
    // The mini header with a risk order on every criterion, so that PL6006 (no risk order) stays out of these rows.
    private static readonly string Header = TestSupport.MiniHeader
        .Replace("max: 10 }", "max: 10, risk: increasing }", StringComparison.Ordinal)
        .Replace("flag: { type: boolean }", "flag: { type: boolean, risk: increasing }", StringComparison.Ordinal)
        .Replace("risk: { type: rating }", "risk: { type: rating, risk: increasing }", StringComparison.Ordinal)
        .Replace("unsafe] }", "unsafe], risk: increasing }", StringComparison.Ordinal);

    private static IReadOnlyList<Placement.Diagnostics.Diagnostic> Check(string rules)
    {
        var result = TestSupport.Load(Header + "\nrules:\n" + rules);
        result.Errors.Should().BeEmpty();
        return RuleSetChecker.Check(result.RuleSet!);
    }

    // A rule set reading every declaration, so only the row's own problem is reported.
    private const string ReadsAll = """
          - { id: base, when: score >= 5 and flag and risk >= high and home == unsafe and severity >= mild and alarm, require: { care: middle }, because: x, source: s }
          - { id: sev, when: score >= 8, set: { severity: severe }, because: x, source: s }
          - { id: alarm, when: flag, set: { alarm: true }, because: x, source: s }
          - { id: top, when: risk >= severe, require: { care: high }, because: x, source: s }

        """;

    [Fact]
    public void Check_CleanRuleSet_HasNoWarnings()
    {
        Check(ReadsAll).Should().BeEmpty();
    }

    [Fact]
    public void Check_DefaultRuleSet_WarnsOnlyAboutItsCriteriaWithoutRiskOrder()
    {
        // Both are true: verify cannot vary the substance or the level stepped down from.
        RuleSetChecker.Check(TestSupport.Rules).Select(d => (d.Code, d.Message[..d.Message.IndexOf(" has", StringComparison.Ordinal)])).Should().Equal(
            ("PL6006", "criterion 'withdrawal_substance'"),
            ("PL6006", "criterion 'step_down_from'"));
    }

    public static TheoryData<string, string, string> Warnings => new()
    {
        // extra rules, expected warning (as printed), explanation
        {
            "  - { id: never, when: score > 10, require: { care: high }, because: x, source: s }\n",
            "test.yaml:24:11: warning PL6002: rule 'never' can never fire: no assessment within the declared values and ranges makes its condition true",
            "score is at most 10"
        },
        {
            "  - { id: never2, when: risk >= high and risk <= low, require: { care: high }, because: x, source: s }\n",
            "test.yaml:24:11: warning PL6002: rule 'never2' can never fire: no assessment within the declared values and ranges makes its condition true",
            "contradiction"
        },
        {
            "  - { id: shadow, when: risk >= severe and flag, require: { care: middle }, because: x, source: s }\n",
            "test.yaml:24:11: warning PL6003: rule 'shadow' never changes the result: whenever it fires, rule 'top' fires too and requires as much or more",
            "top has a weaker condition and requires more"
        },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Check_ReportsTheWarning(string extra, string expected, string because)
    {
        var warnings = Check(ReadsAll + extra);

        warnings.Select(w => w.ToString()).Should().Equal([expected], because);
    }

    [Fact]
    public void Check_UnreadCriterionAndFact_AreReportedAtTheirDeclaration()
    {
        var warnings = Check("  - { id: only, when: score >= 5, require: { care: high }, because: x, source: s }\n");

        warnings.Select(w => w.ToString()).Should().Equal(
            "test.yaml:9:15: warning PL6004: level 'middle' of 'care' can never be reached: no rule that can fire requires it",
            "test.yaml:13:3: warning PL6001: criterion 'flag' is not read by any rule",
            "test.yaml:14:3: warning PL6001: criterion 'risk' is not read by any rule",
            "test.yaml:15:3: warning PL6001: criterion 'home' is not read by any rule",
            "test.yaml:17:3: warning PL6001: fact 'severity' is not read by any rule; mark it 'output: true' if it is reported with the recommendation",
            "test.yaml:18:3: warning PL6001: fact 'alarm' is not read by any rule; mark it 'output: true' if it is reported with the recommendation");
    }

    [Fact]
    public void Check_ReachableFactCombination_IsNotReportedAsNeverFiring()
    {
        // severity >= mild is reachable (rule sev) while alarm and flag are both false.
        Check(ReadsAll + "  - { id: possible, when: severity >= mild and not alarm and not flag, require: { care: high }, because: x, source: s }\n")
            .Should().BeEmpty();
    }

    [Fact]
    public void Check_FactValueNoRuleCanSet_MakesItsReadersNeverFire()
    {
        var warnings = Check(ReadsAll + "  - { id: needs_mild_only, when: severity == mild, require: { care: high }, because: x, source: s }\n");

        warnings.Should().ContainSingle().Which.Message.Should().StartWith("rule 'needs_mild_only' can never fire");
    }
}

/// <summary>placement check is sound: no false "can never fire", and dead rules behind facts are found.</summary>
public sealed class RuleSetCheckerSoundnessTests
{
    private static IReadOnlyList<string> Check(string criteria, string rules, string care = "default: low")
    {
        var result = TestSupport.Load($"""
            ruleset: {"{"} id: t, version: 1.0.0 {"}"}
            decisions:
              care:
                {care}
                levels: [ {"{"} id: low {"}"}, {"{"} id: middle {"}"}, {"{"} id: high {"}"} ]
            criteria:
            {criteria}
            facts:
              alarm: {"{"} type: boolean {"}"}
              severity: {"{"} type: enum, values: [none, mild, severe] {"}"}
            rules:
            {rules}
            """);
        result.Errors.Should().BeEmpty();
        return RuleSetChecker.Check(result.RuleSet!).Select(d => d.ToString()).ToArray();
    }

    private const string X = "  x: { type: integer, min: 0, max: 30, risk: increasing }\n  flag: { type: boolean, risk: increasing }";

    // Facts are declared in every row; rules that read them keep PL6001 away.
    private const string ReadFacts = "  - { id: facts, when: alarm or severity >= mild or x >= 25 or not flag, require: { care: middle }, because: b, source: s }\n";

    [Theory]
    [InlineData("min(x, 20) >= 15 and max(x, 20) <= 20")]
    [InlineData("x + x >= 30 and x + x <= 40")]
    [InlineData("max(x, 15) - min(x, 20) <= 0")]
    [InlineData("40 - x >= 20 and 0 - x <= 0 - 15")]
    public void Check_ThresholdsInsideArithmetic_RuleCanFireAndItsLevelIsReachable(string condition)
    {
        Check(X, ReadFacts + $"  - {{ id: band, when: \"{condition}\", require: {{ care: high }}, because: b, source: s }}")
            .Should().BeEmpty();
    }

    [Fact]
    public void Check_RuleBehindAFactThatIsNeverSetWithWhatItNeeds_CanNeverFire()
    {
        // alarm is true only when x >= 20, so 'weak' (alarm with x <= 5) can never fire, so severity never
        // becomes severe, so 'dead' can never fire and high is never reached.
        var warnings = Check(X,
            "  - { id: raise, when: x >= 20, set: { alarm: true }, because: b, source: s }\n" +
            "  - { id: weak, when: alarm and x <= 5, set: { severity: severe }, because: b, source: s }\n" +
            "  - { id: dead, when: severity >= severe or (alarm and not flag and x < 10), require: { care: high }, because: b, source: s }\n" +
            "  - { id: live, when: alarm and flag, require: { care: middle }, because: b, source: s }");

        warnings.Should().Equal(
            "test.yaml:5:50: warning PL6004: level 'high' of 'care' can never be reached: no rule that can fire requires it",
            "test.yaml:14:11: warning PL6002: rule 'weak' can never fire: the rules that set alarm never give it a value that makes this condition true on the same assessment",
            "test.yaml:15:11: warning PL6002: rule 'dead' can never fire: the rules that set severity and alarm never give them values that make this condition true on the same assessment");
    }

    [Fact]
    public void Check_NotKnown_CanFireOnAPartialAssessment()
    {
        Check(X, ReadFacts + "  - { id: ask, when: not known(x), require: { care: high }, because: b, source: s }")
            .Should().BeEmpty();
    }

    [Fact]
    public void Check_NotKnownThatAnotherRuleCovers_IsShadowedNotDead()
    {
        var warnings = Check(X, ReadFacts +
            "  - { id: both, when: flag and not known(x), require: { care: middle }, because: b, source: s }\n" +
            "  - { id: top, when: flag, require: { care: high }, because: b, source: s }");

        warnings.Should().Equal("test.yaml:14:11: warning PL6003: rule 'both' never changes the result: whenever it fires, rule 'top' fires too and requires as much or more");
    }

    [Fact]
    public void Check_RequireBelowTheDefault_IsReported()
    {
        var warnings = Check(X, ReadFacts + "  - { id: low, when: x >= 10, require: { care: low }, because: b, source: s }", care: "default: middle");

        warnings.Should().Equal(
            "test.yaml:5:21: warning PL6004: level 'low' of 'care' can never be reached: no rule that can fire requires it",
            "test.yaml:5:50: warning PL6004: level 'high' of 'care' can never be reached: no rule that can fire requires it",
            "test.yaml:14:11: warning PL6005: rule 'low' requires care: low, below its default middle; a decision never goes below its default, so this can never change anything");
    }

    [Fact]
    public void Check_CriterionWithoutRisk_IsReported()
    {
        var warnings = Check(X + "\n  substance: { type: enum, values: [none, alcohol, opioid] }",
            ReadFacts + "  - { id: r, when: substance == opioid and x >= 10, require: { care: high }, because: b, source: s }");

        warnings.Should().Equal(
            "test.yaml:9:3: warning PL6006: criterion 'substance' has no risk order, so verify cannot vary it: it proves nothing about changing it; declare 'risk: increasing' or 'risk: decreasing' if its values are ordered by risk");
    }
}
