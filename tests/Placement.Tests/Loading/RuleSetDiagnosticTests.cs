using Placement.Diagnostics;

namespace Placement.Tests.Loading;

/// <summary>
/// A table of broken rule files: each row gives the exact code, position and message a rule
/// author sees. Rows add to <see cref="TestSupport.MiniHeader"/> (lines 1-18), so rule lines start at 20.
/// </summary>
public sealed class RuleSetDiagnosticTests
{
    private const int FirstRuleLine = 20; // "rules:" is line 19

    public static TheoryData<string, string, string, int, int, string> Rules => new()
    {
        // name, rules YAML (indented under rules:), code, line, column, exact message
        {
            "unknown id with suggestion",
            "  - { id: r1, when: scor >= 3, require: { care: high }, because: x, source: s }",
            "PL3002", FirstRuleLine, 21,
            "'scor' is not a declared criterion, fact or decision; did you mean 'score'?"
        },
        {
            "wrong enum word lists allowed values",
            "  - { id: r1, when: home == unsfe, require: { care: high }, because: x, source: s }",
            "PL3004", FirstRuleLine, 29,
            "'unsfe' is not a value of home; did you mean 'unsafe'?; allowed: stable, unstable, unsafe"
        },
        {
            "wrong value in list",
            "  - { id: r1, when: 'home in [stable, bad]', require: { care: high }, because: x, source: s }",
            "PL3004", FirstRuleLine, 39,
            "'bad' is not a value of home; allowed: stable, unstable, unsafe"
        },
        {
            "type mismatch",
            "  - { id: r1, when: score >= low, require: { care: high }, because: x, source: s }",
            "PL3002", FirstRuleLine, 30,
            "'low' is not a declared criterion, fact or decision"
        },
        {
            "comparing a rating with a number",
            "  - { id: r1, when: risk >= 3, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 26,
            "cannot compare a value of rating (none, low, moderate, high, severe) with a number"
        },
        {
            "non-boolean condition",
            "  - { id: r1, when: score + 1, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 21,
            "a condition must be true or false, but this is a number"
        },
        {
            "syntax error position",
            "  - { id: r1, when: score >= 3 and and flag, require: { care: high }, because: x, source: s }",
            "PL3001", FirstRuleLine, 36,
            "invalid condition: unexpected `and`, expected `not` or value"
        },
        {
            "unknown function",
            "  - { id: r1, when: 'cont(flag) >= 1', require: { care: high }, because: x, source: s }",
            "PL3005", FirstRuleLine, 22,
            "unknown function 'cont'; did you mean 'count'?; the functions are known, count, min and max"
        },
        {
            "known of a fact",
            "  - { id: r1, when: known(alarm), require: { care: high }, because: x, source: s }",
            "PL3005", FirstRuleLine, 27,
            "known(...) takes a criterion; 'alarm' is a fact, which always has a value"
        },
        {
            "require a level that does not exist",
            "  - { id: r1, when: flag, require: { care: hihg }, because: x, source: s }",
            "PL3004", FirstRuleLine, 44,
            "'hihg' is not a level of care; did you mean 'high'?; allowed: low, middle, high"
        },
        {
            "set a decision",
            "  - { id: r1, when: flag, set: { care: high }, because: x, source: s }",
            "PL4002", FirstRuleLine, 34,
            "'care' is a decision; use 'require' to raise a decision"
        },
        {
            "require a criterion",
            "  - { id: r1, when: flag, require: { score: 3 }, because: x, source: s }",
            "PL4002", FirstRuleLine, 38,
            "'score' is a criterion, which comes from the assessment; rules can only require decisions"
        },
        {
            "rule without action",
            "  - { id: r1, when: flag, because: x, source: s }",
            "PL4001", FirstRuleLine, 5,
            "rule 'r1' does nothing; give it 'set', 'require', 'note' or 'flag'"
        },
        {
            "rule without because",
            "  - { id: r1, when: flag, require: { care: high }, source: s }",
            "PL4004", FirstRuleLine, 5,
            "rule 'r1' changes the result but has no 'because'; every recommendation must carry its reason"
        },
        {
            "misspelt property",
            "  - { id: r1, titel: T, when: flag, require: { care: high }, because: x, source: s }",
            "PL1003", FirstRuleLine, 15,
            "rule 'r1' has no property 'titel'; did you mean 'title'?; allowed: id, title, when, set, require, because, note, flag, source"
        },
        {
            "missing when",
            "  - { id: r1, require: { care: high }, because: x, source: s }",
            "PL1004", FirstRuleLine, 5,
            "rule 'r1' is missing 'when'"
        },
        {
            "unknown placeholder in because",
            "  - { id: r1, when: flag, require: { care: high }, because: 'Score {scroe} is high', source: s }",
            "PL3002", FirstRuleLine, 69,
            "'{scroe}' in the text is not a declared criterion, fact or decision; did you mean 'score'?; write '{{' for a literal brace"
        },
        {
            "unclosed placeholder in flag",
            "  - { id: r1, when: flag, flag: 'Score {score is high', source: s }",
            "PL1007", FirstRuleLine, 40,
            "'{' is not closed; write '{{' for a literal brace"
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Load_BrokenRule_ReportsExactDiagnostic(string name, string rules, string code, int line, int column, string message)
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n" + rules + "\n");

        result.Success.Should().BeFalse(name);
        result.Errors.Should().ContainSingle(name).Which.Should().Be(
            new Diagnostic(code, DiagnosticSeverity.Error, message, "test.yaml", line, column, SuggestionIn(message)), name);
    }

    public static TheoryData<string, string, string, int, int, string> Declarations => new()
    {
        {
            "bad YAML",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: boolean\n",
            "PL1001", 4, 1, "invalid YAML: While parsing a flow mapping, did not find expected ',' or '}'."
        },
        {
            "duplicate key",
            "ruleset: { id: x, version: 1 }\nruleset: { id: y, version: 2 }\n",
            "PL1005", 2, 1, "duplicate key 'ruleset' in this mapping"
        },
        {
            "duplicate id across sections",
            TestSupport.MiniHeader + "\n  flag: { type: boolean }\n",
            "PL2001", 19, 3, "'flag' is already declared at test.yaml:13:3; criteria, facts and decisions share one set of ids"
        },
        {
            "unknown type with suggestion",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: boolen }\n",
            "PL2003", 3, 14, "unknown type 'boolen'; did you mean 'boolean'?; allowed: boolean, integer, enum"
        },
        {
            "integer without range",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: integer, min: 0 }\n",
            "PL2004", 3, 14, "integer criterion 'a' needs both 'min' and 'max'"
        },
        {
            "empty range",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: integer, min: 5, max: 5 }\n",
            "PL2004", 3, 36, "'max' (5) must be greater than 'min' (5)"
        },
        {
            "fact default not a value",
            "ruleset: { id: x, version: 1 }\nfacts:\n  f: { type: enum, values: [a, b], default: c }\n",
            "PL2006", 3, 45, "default 'c' is not a value of fact 'f'; allowed: a, b"
        },
        {
            "decision default not a level",
            "ruleset: { id: x, version: 1 }\ndecisions:\n  d:\n    default: mid\n    levels: [ { id: lo }, { id: hi } ]\n",
            "PL2006", 4, 14, "default 'mid' is not a level of 'd'; levels: lo, hi"
        },
        {
            "bad category",
            "ruleset: { id: x, version: 1 }\ndecisions:\n  d:\n    levels: [ { id: lo, category: outpatent }, { id: hi } ]\n",
            "PL1007", 4, 35, "'outpatent' is not a valid category; did you mean 'outpatient'?; allowed: outpatient, iop, php, inpatient"
        },
        {
            "reserved word as id",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  count: { type: boolean }\n",
            "PL2002", 3, 3, "'count' is a word of the condition language and cannot be a criterion id"
        },
        {
            "invalid id",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  Ciwa-Ar: { type: boolean }\n",
            "PL2002", 3, 3, "'Ciwa-Ar' is not a valid criterion id; use lower-case letters, digits and underscores, starting with a letter"
        },
        {
            "no header",
            "criteria:\n  a: { type: boolean }\n",
            "PL2007", 1, 1, "no file declares the rule set; add 'ruleset: { id: ..., version: ... }' to one file"
        },
        {
            "enum value listed twice",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: enum, values: [yes_, no_, yes_] }\n",
            "PL2005", 3, 40, "value 'yes_' is listed twice in 'a'"
        },
        {
            "wrong node kind",
            "ruleset: { id: x, version: 1 }\nrules:\n  id: r1\n",
            "PL1002", 3, 3, "'rules' must be a list, not a mapping"
        },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Load_BrokenDeclaration_ReportsExactDiagnostic(string name, string yaml, string code, int line, int column, string message)
    {
        var result = TestSupport.Load(yaml);

        result.Success.Should().BeFalse(name);
        var error = result.Errors.Should().Contain(d => d.Code == code, name).Which;
        (error.Line, error.Column, error.Message).Should().Be((line, column, message), name);
    }

    [Fact]
    public void Load_SeveralErrors_ReportsAllAtOnceInFileOrder()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: r1, when: scor >= 3, require: { care: high }, because: x, source: s }
              - { id: r2, when: home == unsfe, require: { care: high }, because: x, source: s }
              - { id: r1, when: flag, require: { care: hihg }, because: x, source: s }
            """);

        result.Success.Should().BeFalse();
        result.RuleSet.Should().BeNull("a rule set with an error never loads, not even in part");
        result.Errors.Select(d => (d.Code, d.Line)).Should().Equal(
            ("PL3002", 20), ("PL3004", 21), ("PL2001", 22), ("PL3004", 22));
    }

    [Fact]
    public void Load_ErrorInFoldedMultiLineCondition_PointsAtTheRightLineAndColumn()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - id: r1
                when: >-
                  score >= 3
                  and hme == unsafe
                require: { care: high }
                because: x
                source: s
            """);

        var error = result.Errors.Should().ContainSingle().Subject;
        (error.Code, error.Line, error.Column).Should().Be(("PL3002", 23, 11));
        error.Message.Should().Be("'hme' is not a declared criterion, fact or decision; did you mean 'home'?");
    }

    [Fact]
    public void Load_MissingSource_IsAWarningAndTheRuleSetStillLoads()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, require: { care: high }, because: x }\n");

        result.Success.Should().BeTrue();
        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be("test.yaml:20:11: warning PL4005: rule 'r1' has no 'source'; cite the guideline it comes from");
    }

    [Fact]
    public void Diagnostic_ToString_IsFileLineColumnSeverityCodeMessage()
    {
        var d = new Diagnostic("PL3002", DiagnosticSeverity.Error, "'x' is not declared", "rules/a.yaml", 3, 14);

        d.ToString().Should().Be("rules/a.yaml:3:14: error PL3002: 'x' is not declared");
    }

    [Fact]
    public void Load_ConditionNestedTooDeeply_IsAnErrorNotACrash()
    {
        var condition = new string('(', 1000) + "flag" + new string(')', 1000);

        var result = TestSupport.Load(TestSupport.MiniHeader + $"\nrules:\n  - {{ id: r, when: '{condition}', require: {{ care: high }}, because: x, source: s }}\n");

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("invalid condition: the condition nests deeper than 64 levels");
    }

    [Fact]
    public void Load_EmptyFileBesideABrokenOne_IsReportedToo()
    {
        var result = RuleSet.TryLoad([new RuleSource("a.yaml", "ruleset: { id: x, version: 1 }\ncriteria: [\n"), new RuleSource("b.yaml", "")]);

        result.Errors.Select(d => (d.File, d.Code)).Should().Equal(("a.yaml", "PL1001"), ("b.yaml", "PL1002"));
    }

    [Fact]
    public void Load_MissingFolder_ReportsTheFileNotReadable()
    {
        var result = RuleSet.TryLoad(Path.Combine(Path.GetTempPath(), "no-such-placement-rules"));

        result.Errors.Should().ContainSingle().Which.Code.Should().Be("PL1006");
    }

    [Fact]
    public void Load_WithErrors_ThrowsRuleSetExceptionListingEveryError()
    {
        var dir = Directory.CreateTempSubdirectory("placement-rules-");
        File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "ruleset: { id: x }\ncriteria:\n  a: { type: boolen }\n");

        var act = () => RuleSet.Load(dir.FullName);

        var ex = act.Should().Throw<RuleSetException>().Which;
        ex.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo(["PL1004", "PL2003"]);
        ex.Message.Should().Contain("a.yaml:1:10: error PL1004: ruleset is missing 'version'");
    }

    [Fact]
    public void EveryDiagnosticCode_IsDocumentedInDocsDiagnostics()
    {
        var doc = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "diagnostics.md"));
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

        codes.Should().HaveCountGreaterThan(25);
        codes.Should().OnlyHaveUniqueItems();
        codes.Where(c => !doc.Contains($"| {c} |", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void DiagnosticTable_AndDocsDiagnostics_AgreeRowForRow()
    {
        var doc = File.ReadAllLines(Path.Combine(TestSupport.RepoRoot, "docs", "diagnostics.md"));
        var documented = doc
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length > 3 && c[1].StartsWith("PL", StringComparison.Ordinal))
            .ToDictionary(c => c[1], c => c[2]);
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

        DiagnosticDescriptor.All.Select(d => d.Code).Should().BeEquivalentTo(codes, "the table lists every code constant");
        documented.Keys.Should().BeEquivalentTo(codes, "docs/diagnostics.md lists every code and no other");
        foreach (var d in DiagnosticDescriptor.All)
        {
            documented[d.Code].Should().Be(d.Title, $"{d.Code}'s title in the code table and in docs/diagnostics.md");
            (d.Severity == DiagnosticSeverity.Warning).Should().Be(d.Code.StartsWith("PL6", StringComparison.Ordinal) || d.Code == DiagnosticCodes.MissingSource, d.Code);
        }
    }

    private static string? SuggestionIn(string message)
    {
        const string marker = "did you mean '";
        var i = message.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? null : message[(i + marker.Length)..message.IndexOf('\'', i + marker.Length)];
    }
}
