using Placement.Testing;

namespace Placement.Tests.Testing;

/// <summary>Rule tests as data: the shipped tests pass with full coverage, failures say what differed.</summary>
public sealed class RuleTestsTests
{
    private static RuleSet Mini => TestSupport.Load(TestSupport.MiniHeader + """

        rules:
          - { id: hi, when: score >= 5, require: { care: high }, because: 'Score {score}', source: s }
          - { id: mid, when: flag, require: { care: middle }, because: Flag, source: s }
        """).RuleSet!;

    [Fact]
    public void DefaultRuleTests_AllPassWithFullCoverage()
    {
        var folder = Path.Combine(TestSupport.RepoRoot, "rules");

        var run = RuleTests.Run(RuleSet.Load(folder), RuleTests.FindTestFiles(folder));

        run.Diagnostics.Should().BeEmpty();
        run.Results.Where(r => !r.Passed).Select(r => $"{r.Location} {r.Name}: {string.Join("; ", r.Failures)}").Should().BeEmpty();
        run.Results.Should().HaveCountGreaterThan(38, "at least one case per rule of the specification");
        run.Coverage.Percent.Should().Be(100);
    }

    [Fact]
    public void Run_FailingCase_SaysWhatDifferedAndWhere()
    {
        var run = RuleTests.Run(Mini, [new RuleSource("t.tests.yaml", """
            base: { score: 0, flag: false }
            tests:
              - name: passes
                expect: { levels: { care: low }, not_fired: [hi, mid] }
              - name: fails
                assessment: { score: 6 }
                expect:
                  status: provisional
                  levels: { care: middle }
                  fired: [mid]
                  not_fired: hi
                  explanation_contains: [Score 7]
            """)]);

        run.Passed.Should().Be(1);
        run.Failed.Should().Be(1);
        var failed = run.Results.Single(r => !r.Passed);
        failed.Location.ToString().Should().Be("t.tests.yaml:5:5");
        failed.Failures.Should().Equal(
            "status: expected provisional, got recommended",
            "care: expected middle, got high",
            "mid: expected fired, it did not fire",
            "hi: expected did not fire, it fired",
            "explanation: expected to contain \"Score 7\"");
    }

    [Fact]
    public void Run_UnknownNullInCase_OverridesTheBaseWithUnknown()
    {
        var run = RuleTests.Run(Mini, [new RuleSource("t.tests.yaml", """
            base: { score: 9, flag: false }
            tests:
              - name: unknown score
                assessment: { score: null }
                expect: { status: provisional, floors: { care: low }, ceilings: { care: high }, may_fire: [hi], missing: [score] }
            """)]);

        run.Results.Should().ContainSingle().Which.Failures.Should().BeEmpty();
    }

    [Fact]
    public void Run_LevelsExpectation_FailsWhileTheLevelIsNotDetermined()
    {
        var run = RuleTests.Run(Mini, [new RuleSource("t.tests.yaml", """
            base: { score: 9, flag: false }
            tests:
              - name: unknown score
                assessment: { score: null }
                expect: { levels: { care: low } }
            """)]);

        run.Results.Should().ContainSingle().Which.Failures.Should().Equal("care: expected low, got not determined (at least low, up to high)");
    }

    [Fact]
    public void Run_ExpectationNamingUnknownIds_IsADiagnosticWithPositionAndSuggestion()
    {
        var run = RuleTests.Run(Mini, [new RuleSource("t.tests.yaml", """
            tests:
              - name: typos
                assessment: { scor: 1 }
                expect: { levels: { care: hihg }, fired: [hi, mdi] }
            """)]);

        run.Results.Should().BeEmpty("a case with an invalid expectation or assessment is not run");
        run.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "t.tests.yaml:3:19: error PL5001: unknown criterion 'scor'; did you mean 'score'?",
            "t.tests.yaml:4:31: error PL7001: 'hihg' is not a level of care; did you mean 'high'?",
            "t.tests.yaml:4:51: error PL7001: 'mdi' is not a rule; did you mean 'mid'?");
    }

    [Fact]
    public void Run_YamlMistakesInATestFile_AreReportedWhereTheyAreWithWhatToDo()
    {
        var run = RuleTests.Run(Mini, [
            new RuleSource("tab.tests.yaml", "tests:\n  - name: a tab\n\texpect: { levels: { care: low } }\n"),
            new RuleSource("colon.tests.yaml", "tests:\n  - name: P5: withdrawal\n    expect: { levels: { care: low } }\n"),
        ]);

        run.Diagnostics.Select(d => (d.ToString(), d.Suggestion)).Should().Equal(
            ("colon.tests.yaml:2:11: error PL1001: invalid YAML: the ': ' after 'P5' starts a new key, because the text is not in quotes; put the whole text in quotes: name: \"P5: withdrawal\"", "\"P5: withdrawal\""),
            ("tab.tests.yaml:3:1: error PL1001: invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces", "    "));
    }

    [Fact]
    public void Run_SetCriteria_AreListsInCasesAndBaseAndNamedInMissing()
    {
        var rules = TestSupport.Load(TestSupport.SetsHeader + """

            rules:
              - { id: hi, when: 'subs has any [alcohol, sedative]', require: { care: high }, because: 'Substances {subs}', source: s }
            """).RuleSet!;

        var run = RuleTests.Run(rules, [new RuleSource("t.tests.yaml", """
            base: { subs: [], score: 0, flag: false, risk: none, home: stable }
            tests:
              - name: none of them
                expect: { status: recommended, levels: { care: low }, not_fired: hi, missing: [] }
              - name: sedative
                assessment: { subs: [opioid, sedative] }
                expect: { levels: { care: high }, fired: hi, explanation_contains: "Substances [opioid, sedative]" }
              - name: unknown
                assessment: { subs: null }
                expect: { status: provisional, ceilings: { care: high }, may_fire: hi, missing: [subs] }
              - name: listed twice
                assessment: { subs: [opioid, opioid] }
                expect: {}
            """)]);

        run.Results.Select(r => (r.Name, string.Join("; ", r.Failures))).Should().Equal(
            ("none of them", ""), ("sedative", ""), ("unknown", ""));
        run.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "t.tests.yaml:12:34: error PL5006: subs: a value is listed twice; list each value once");
    }

    [Fact]
    public void Coverage_CountsFiredNotFiredAndLevels()
    {
        var run = RuleTests.Run(Mini, [new RuleSource("t.tests.yaml", """
            tests:
              - { name: a, assessment: { score: 6, flag: false }, expect: {} }
            """)]);

        run.Coverage.Rules.Should().Equal(
            new RuleCoverage.RuleEntry("hi", true, false),
            new RuleCoverage.RuleEntry("mid", false, true));
        run.Coverage.Levels.Where(l => l.Reached).Select(l => l.Level).Should().Equal("high");
        run.Coverage.Covered.Should().Be(3);
        run.Coverage.Total.Should().Be(7);
    }
}
