using System.Text.Json;
using Placement.Analysis;
using Placement.Diagnostics;
using Placement.Documentation;
using Placement.Explanations;
using Placement.Testing;

namespace Placement.Tests;

/// <summary>
/// Review flags (<c>flag:</c>): what a fired rule asks a clinician to review, and what a rule that
/// may fire could ask, in the library, every rendering, the sign-off document and rule tests.
/// </summary>
public sealed class ReviewFlagTests
{
    // F0 reads a decision, so it is evaluated after H1 although it is declared first.
    internal const string Rules = """
        ruleset: { id: flags-demo, version: 1.0.0 }
        decisions:
          care:
            label: Care
            default: low
            levels:
              - { id: low, name: Low, category: outpatient }
              - { id: high, name: High, category: inpatient }
        criteria:
          score: { type: integer, min: 0, max: 10, risk: increasing, label: Score }
          pregnant: { type: boolean, risk: increasing, label: Pregnant }
          home: { type: enum, values: [stable, unsafe], risk: increasing, label: Home }
        rules:
          - id: F0
            title: High care
            when: care >= high
            flag: "Care is {care}: confirm a bed before discharge planning."
            source: Demo guideline, section 1
          - id: H1
            title: High score
            when: score >= 8
            require: { care: high }
            because: A score of {score} is high.
            source: Demo guideline, section 2
          - id: F1
            title: Pregnancy with a raised score
            when: pregnant and score >= 5
            flag: Pregnant with a score of {score}; involve obstetrics.
            source: Demo guideline, section 3
          - id: F2
            title: Unsafe home
            when: home == unsafe
            require: { care: high }
            because: The home is {home}.
            flag: The home is {home}; check safety planning.
            source: Demo guideline, section 4
        """;

    private static readonly Lazy<RuleSet> Demo = new(() => RuleSet.Load([new RuleSource("flags.yaml", Rules)]));

    private static Recommendation Recommend(string assessment) =>
        Demo.Value.Recommend(Assessment.Parse(assessment, Demo.Value));

    [Fact]
    public void Load_RuleWithOnlyAFlag_NeedsNoBecause()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, flag: Review the flag., source: s }\n");

        result.Diagnostics.Should().BeEmpty();
        result.RuleSet!.FindRule("r1")!.Flag.Should().Be("Review the flag.");
    }

    [Fact]
    public void Load_RuleWithAFlagAndARequire_StillNeedsBecause()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, require: { care: high }, flag: Review., source: s }\n");

        result.Errors.Select(d => d.Code).Should().Equal(DiagnosticCodes.MissingBecause);
    }

    [Fact]
    public void Load_UnknownPlaceholderInAFlag_IsAnErrorAtItsPosition()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, flag: 'Score {scroe} is high', source: s }\n");

        result.Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            DiagnosticCodes.UnknownIdentifier, DiagnosticSeverity.Error,
            "'{scroe}' in the text is not a declared criterion, fact or decision; did you mean 'score'?; write '{{' for a literal brace",
            "test.yaml", 20, 41, "score"));
    }

    [Fact]
    public void Flags_OfFiredRules_AreInDeclarationOrderWithValues()
    {
        var rec = Recommend("score: 9\npregnant: true\nhome: unsafe\n");

        rec.Flags.Should().Equal(
            new ReviewFlag("F0", "Care is high: confirm a bed before discharge planning."),
            new ReviewFlag("F1", "Pregnant with a score of 9; involve obstetrics."),
            new ReviewFlag("F2", "The home is unsafe; check safety planning."));
        rec.PossibleFlags.Should().BeEmpty();
    }

    [Fact]
    public void Flags_OfRulesThatDidNotFire_AreAbsent()
    {
        var rec = Recommend("score: 3\npregnant: true\nhome: stable\n");

        rec.Flags.Should().BeEmpty();
        rec.PossibleFlags.Should().BeEmpty();
    }

    [Fact]
    public void PossibleFlags_OfRulesThatMayFire_AreReportedNotDropped()
    {
        // pregnant and home unknown: F1 and F2 may fire, and F0 through F2's require.
        var rec = Recommend("score: 6\n");

        rec.Flags.Should().BeEmpty();
        rec.PossibleFlags.Should().Equal(
            new ReviewFlag("F0", "Care is low to high: confirm a bed before discharge planning."),
            new ReviewFlag("F1", "Pregnant with a score of 6; involve obstetrics."),
            new ReviewFlag("F2", "The home is unknown; check safety planning."));
        rec.Missing.Select(m => m.Criterion.Id).Should().Contain("pregnant", "the answer that would confirm the flag is asked for");
    }

    [Fact]
    public void PossibleFlag_ItsMissingAnswerIsListedAsOneThatCouldRaiseAFlag()
    {
        // Only F1 depends on the missing answer, and it changes no level.
        var rec = Recommend("score: 6\nhome: stable\n");

        rec.PossibleFlags.Select(f => f.Rule).Should().Equal("F1");
        rec.Explain().ToText().Should().Contain("  - Pregnant: could raise a review flag\n");
        rec.Explain().ToText(ExplanationDetail.Full).Should().Contain("  - Pregnant: could raise a review flag  [rules F1]");
        rec.Explain().ToMarkdown().Should().Contain("| Pregnant | no | a review flag |\n");
        rec.Explain().ToMarkdown(ExplanationDetail.Full).Should().Contain("| Pregnant | no | a review flag | F1 |");
    }

    [Fact]
    public void ToText_StartsWithTheReviewBlock()
    {
        var text = Recommend("score: 6\npregnant: true\n").Explain().ToText();

        text.Should().Contain("  - Home: alone could raise Care to at least High, and a review flag\n");
        text.Should().StartWith("""
            Needs clinical review:
              - [F1] Pregnant with a score of 6; involve obstetrics.
              - [F0] possibly, once missing answers are known: Care is low to high: confirm a bed before discharge planning.
              - [F2] possibly, once missing answers are known: The home is unknown; check safety planning.

            Status: PROVISIONAL
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToText_WithoutFlags_HasNoReviewBlock()
    {
        var text = Recommend("score: 1\npregnant: false\nhome: stable\n").Explain().ToText();

        text.Should().StartWith("Status: RECOMMENDED").And.NotContain("Needs clinical review");
    }

    [Fact]
    public void ToMarkdown_PutsTheReviewBlockFirst()
    {
        var md = Recommend("score: 6\npregnant: true\n").Explain().ToMarkdown();

        md.Should().StartWith("""
            # Placement recommendation (provisional)

            > **Needs clinical review**
            >
            > - **F1** Pregnant with a score of 6; involve obstetrics.
            > - **F0** *possibly, once missing answers are known:* Care is low to high: confirm a bed before discharge planning.
            > - **F2** *possibly, once missing answers are known:* The home is unknown; check safety planning.

            > **Provisional:**
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToMarkdown_WithoutFlags_HasNoReviewBlock()
    {
        Recommend("score: 1\npregnant: false\nhome: stable\n").Explain().ToMarkdown().Should().NotContain("Needs clinical review");
    }

    [Fact]
    public void ToJson_HasFlagsAndPossibleFlags()
    {
        using var doc = JsonDocument.Parse(Recommend("score: 6\npregnant: true\n").Explain().ToJson());
        var root = doc.RootElement;

        root.GetProperty("flags").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("text").GetString()))
            .Should().Equal(("F1", "Pregnant with a score of 6; involve obstetrics."));
        root.GetProperty("possibleFlags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Should().Equal("F0", "F2");
    }

    [Fact]
    public void ToJson_WithoutFlags_HasEmptyLists()
    {
        using var doc = JsonDocument.Parse(TestSupport.Rules.Recommend(Assessment.Parse("{}", TestSupport.Rules)).Explain().ToJson());

        doc.RootElement.GetProperty("flags").GetArrayLength().Should().Be(0);
        doc.RootElement.GetProperty("possibleFlags").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void BatchSummary_CarriesFlagsAndPossibleFlags()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            BatchResultJson.Write(writer, Recommend("score: 6\npregnant: true\n"), 3, explain: false);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        doc.RootElement.GetProperty("flags")[0].GetProperty("text").GetString().Should().Be("Pregnant with a score of 6; involve obstetrics.");
        doc.RootElement.GetProperty("possibleFlags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Should().Equal("F0", "F2");
    }

    [Fact]
    public void Check_FlagOnlyRule_IsNotWarnedAbout()
    {
        RuleSetChecker.Check(Demo.Value).Should().BeEmpty();
    }

    [Fact]
    public void SignOffDocument_ListsEveryFlagWithItsCondition()
    {
        var md = RuleSetDocument.ToMarkdown(Demo.Value);

        md.Should().Contain("## Flags for clinical review");
        md.Should().Contain("| F0 High care | Care (`care`) is at least high | Care is {care}: confirm a bed before discharge planning. | Demo guideline, section 1 |");
        md.Should().Contain("| F1 Pregnancy with a raised score | Pregnant (`pregnant`) and Score (`score`) is at least 5 | Pregnant with a score of {score}; involve obstetrics. | Demo guideline, section 3 |");
        md.Should().Contain("| F2 Unsafe home |");
    }

    [Fact]
    public void RuleTests_FlagsExpectation_PassesAndFailsOnExactlyTheRaisedFlags()
    {
        var run = RuleTests.Run(Demo.Value, [new RuleSource("t.tests.yaml", """
            base: { score: 9, pregnant: false, home: stable }
            tests:
              - { name: passes, expect: { flags: [F0] } }
              - { name: none, assessment: { score: 1 }, expect: { flags: [] } }
              - { name: fails, assessment: { home: unsafe }, expect: { flags: [F1, F0] } }
            """)]);

        run.Diagnostics.Should().BeEmpty();
        run.Results.Select(r => r.Passed).Should().Equal(true, true, false);
        run.Results[2].Failures.Should().Equal("flags: expected [F1, F0], got [F0, F2]");
    }

    [Fact]
    public void RuleTests_FlagsExpectation_NamingARuleWithoutAFlag_IsAnError()
    {
        var run = RuleTests.Run(Demo.Value, [new RuleSource("t.tests.yaml", """
            tests:
              - { name: a, expect: { flags: [H1, F9] } }
            """)]);

        run.Results.Should().BeEmpty();
        run.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "t.tests.yaml:2:34: error PL7001: rule 'H1' has no flag; rules with a flag: F0, F1, F2",
            "t.tests.yaml:2:38: error PL7001: 'F9' is not a rule with a flag; did you mean 'F0', 'F1' or 'F2'?");
    }
}
