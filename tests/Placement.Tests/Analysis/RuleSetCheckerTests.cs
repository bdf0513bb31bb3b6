using Placement.Analysis;

namespace Placement.Tests.Analysis;

/// <summary>placement check's warnings: exact code, position and message.</summary>
public sealed class RuleSetCheckerTests
{
    private static IReadOnlyList<Placement.Diagnostics.Diagnostic> Check(string rules)
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n" + rules);
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
    public void Check_DefaultRuleSet_HasNoWarnings()
    {
        RuleSetChecker.Check(RuleSet.LoadDefault()).Should().BeEmpty();
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
