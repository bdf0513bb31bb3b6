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
            "a value of an enum compared with an integer",
            "  - { id: r1, when: score >= low, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 30,
            "score is an integer and 'low' is not a number; 'low' is a value of rating and a level of care"
        },
        {
            "a word compared with an integer",
            "  - { id: r1, when: score >= medium, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 30,
            "score is an integer and 'medium' is not a number, nor a declared criterion, fact or decision"
        },
        {
            "a word compared with an integer, on the left",
            "  - { id: r1, when: moderate < score, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 21,
            "score is an integer and 'moderate' is not a number; 'moderate' is a value of rating"
        },
        {
            "a word compared with a sum",
            "  - { id: r1, when: score + 1 >= high, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 34,
            "the other side is an integer and 'high' is not a number; 'high' is a value of rating and a level of care"
        },
        {
            "a word compared with a boolean",
            "  - { id: r1, when: flag == yes, require: { care: high }, because: x, source: s }",
            "PL3003", FirstRuleLine, 29,
            "flag is true or false and 'yes' is neither, nor a declared criterion, fact or decision; compare it with true or false"
        },
        {
            "a misspelt integer criterion compared with an integer",
            "  - { id: r1, when: score >= scroe, require: { care: high }, because: x, source: s }",
            "PL3002", FirstRuleLine, 30,
            "'scroe' is not a declared criterion, fact or decision; did you mean 'score'?"
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

    private const int FirstSetRuleLine = 21; // TestSupport.SetsHeader is one line longer

    public static TheoryData<string, string, string, int, int, string> SetAndInRules => new()
    {
        // name, condition (in a rule line under rules:), code, line, column, exact message
        {
            "value of a set misspelt",
            "subs has alcohl",
            "PL3004", FirstSetRuleLine, 30,
            "'alcohl' is not a value of subs; did you mean 'alcohol'?; allowed: alcohol, opioid, sedative, stimulant"
        },
        {
            "value in has any misspelt",
            "'subs has any [alcohol, opiod]'",
            "PL3004", FirstSetRuleLine, 45,
            "'opiod' is not a value of subs; did you mean 'opioid'?; allowed: alcohol, opioid, sedative, stimulant"
        },
        {
            "has on an enum",
            "home has unsafe",
            "PL3003", FirstSetRuleLine, 21,
            "'has' needs a set criterion on its left, but this is a value of home (stable, unstable, unsafe)"
        },
        {
            "has on a boolean",
            "'flag has alcohol'",
            "PL3003", FirstSetRuleLine, 22,
            "'has' needs a set criterion on its left, but this is true/false"
        },
        {
            "a set compared with ==",
            "subs == alcohol",
            "PL3003", FirstSetRuleLine, 21,
            "'subs' is a set: test it with 'has', 'has any [...]' or 'has all [...]', or count it with count(subs)"
        },
        {
            "a set among the conditions count counts",
            "'count(subs, flag) >= 1'",
            "PL3003", FirstSetRuleLine, 28,
            "'subs' is a set: test it with 'has', 'has any [...]' or 'has all [...]', or count it with count(subs)"
        },
        {
            "a set with in",
            "'subs in [alcohol]'",
            "PL3003", FirstSetRuleLine, 22,
            "'subs' is a set: test it with 'has', 'has any [...]' or 'has all [...]', or count it with count(subs)"
        },
        {
            "a word in a number list",
            "'score in [low]'",
            "PL3003", FirstSetRuleLine, 32,
            "'low' is not a number; 'in' on a number takes whole numbers and ranges, such as [2, 3] or 2..5"
        },
        {
            "a range in an enum list",
            "'home in [1..2]'",
            "PL3004", FirstSetRuleLine, 31,
            "'1..2' is not a value of home; allowed: stable, unstable, unsafe"
        },
        {
            "an empty range",
            "'score in 5..2'",
            "PL3001", FirstSetRuleLine, 31,
            "invalid condition: the range 5..2 is empty; write the lower bound first"
        },
        {
            "= for ==",
            "score = 3",
            "PL3001", FirstSetRuleLine, 27,
            "invalid condition: '=' is not an operator; did you mean '=='?"
        },
        {
            "&& for and",
            "'flag && score > 1'",
            "PL3001", FirstSetRuleLine, 27,
            "invalid condition: '&&' is not an operator; did you mean 'and'?"
        },
        {
            "|| for or",
            "'flag || score > 1'",
            "PL3001", FirstSetRuleLine, 27,
            "invalid condition: '||' is not an operator; did you mean 'or'?"
        },
        {
            "! for not",
            "'!flag'",
            "PL3001", FirstSetRuleLine, 22,
            "invalid condition: '!' is not an operator; did you mean 'not'?"
        },
        {
            "=> for >=",
            "score => 3",
            "PL3001", FirstSetRuleLine, 27,
            "invalid condition: '=>' is not an operator; did you mean '>='?"
        },
        {
            "=< for <=",
            "score =< 3",
            "PL3001", FirstSetRuleLine, 27,
            "invalid condition: '=<' is not an operator; did you mean '<='?"
        },
    };

    [Theory]
    [MemberData(nameof(SetAndInRules))]
    public void Load_BrokenSetOrInCondition_ReportsExactDiagnostic(string name, string condition, string code, int line, int column, string message)
    {
        var result = TestSupport.Load(TestSupport.SetsHeader + "\nrules:\n  - { id: r1, when: " + condition + ", require: { care: high }, because: x, source: s }\n");

        result.Success.Should().BeFalse(name);
        result.Errors.Should().ContainSingle(name).Which.Should().Be(
            new Diagnostic(code, DiagnosticSeverity.Error, message, "test.yaml", line, column, SuggestionIn(message)), name);
    }

    [Fact]
    public void Load_HasAnyWithoutAList_PointsAtTheWordAfterIt()
    {
        var result = TestSupport.Load(TestSupport.SetsHeader + "\nrules:\n  - { id: r1, when: 'subs has any alcohol', require: { care: high }, because: x, source: s }\n");

        var error = result.Errors.Should().ContainSingle().Subject;
        (error.Code, error.Line, error.Column).Should().Be(("PL3001", FirstSetRuleLine, 35));
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
            "PL2003", 3, 14, "unknown type 'boolen'; did you mean 'boolean'?; allowed: boolean, integer, enum, set"
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
            "set with too many values",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: set, values: [" + string.Join(", ", Enumerable.Range(1, 21).Select(i => $"v{i}")) + "] }\n",
            "PL2005", 3, 27, "'a' has more than 20 values; a set holds at most 20"
        },
        {
            "set of an undeclared type",
            "ruleset: { id: x, version: 1 }\ntypes:\n  rating: { values: [lo, hi] }\ncriteria:\n  a: { type: set, of: ratng }\n",
            "PL2003", 5, 23, "unknown type 'ratng'; did you mean 'rating'?; allowed: rating"
        },
        {
            "set with both values and of",
            "ruleset: { id: x, version: 1 }\ntypes:\n  rating: { values: [lo, hi] }\ncriteria:\n  a: { type: set, values: [p, q], of: rating }\n",
            "PL2005", 5, 39, "set criterion 'a' takes 'values' or 'of', not both"
        },
        {
            "set with neither values nor of",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: set }\n",
            "PL1004", 3, 14, "set criterion 'a' needs 'values' or 'of' (a type declared under types)"
        },
        {
            "of on an enum",
            "ruleset: { id: x, version: 1 }\ntypes:\n  rating: { values: [lo, hi] }\ncriteria:\n  a: { type: enum, values: [p, q], of: rating }\n",
            "PL2003", 5, 40, "'of' applies only to type set; 'a' is enum"
        },
        {
            "fact of type set",
            "ruleset: { id: x, version: 1 }\nfacts:\n  f: { type: set, values: [p, q] }\n",
            "PL2003", 3, 14, "facts are boolean or enum; 'f' cannot be a set"
        },
        {
            "has is reserved",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  has: { type: boolean }\n",
            "PL2002", 3, 3, "'has' is a word of the condition language and cannot be a criterion id"
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

    public static TheoryData<string, string, int, int, string, string?> YamlMistakes => new()
    {
        // name, whole file, line, column, exact message, suggestion (all PL1001)
        {
            "a tab indenting a key, at the tab",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a:\n\ttype: boolean\n",
            4, 1, "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces", "    "
        },
        {
            "a tab indenting a rule's property, at the tab and not the line before",
            TestSupport.MiniHeader + "\nrules:\n  - id: r1\n    when: flag\n\trequire: { care: high }\n    because: x\n    source: s\n",
            22, 1, "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces", "    "
        },
        {
            "a tab after spaces, at its own column",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: boolean }\n  \tb: { type: boolean }\n",
            4, 3, "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces", null
        },
        {
            "a colon inside a because, at the start of the text",
            TestSupport.MiniHeader + "\nrules:\n  - id: r1\n    when: score >= 3\n    require: { care: high }\n    because: CIWA-Ar: 19 or more is severe\n    source: s\n",
            23, 14,
            "invalid YAML: the ': ' after 'CIWA-Ar' starts a new key, because the text is not in quotes; put the whole text in quotes: because: \"CIWA-Ar: 19 or more is severe\"",
            "\"CIWA-Ar: 19 or more is severe\""
        },
        {
            "a colon inside a note in a flow mapping",
            TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, note: Ask again: within a week, source: s }\n",
            20, 33,
            "invalid YAML: the ': ' after 'again' starts a new key, because the text is not in quotes; put the whole text in quotes: note: \"Ask again: within a week\"",
            "\"Ask again: within a week\""
        },
        {
            "a colon on the second line of a source",
            TestSupport.MiniHeader + "\nrules:\n  - id: r1\n    when: flag\n    note: n\n    source: ASAM Criteria\n      3rd ed. (2013), table 2: dimension 1\n",
            23, 13,
            "invalid YAML: the ': ' after '2' starts a new key, because the text is not in quotes; put the whole text in quotes: source: \"ASAM Criteria 3rd ed. (2013), table 2: dimension 1\"",
            "\"ASAM Criteria 3rd ed. (2013), table 2: dimension 1\""
        },
        {
            "a missing comma in a flow mapping is not only a text to quote",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: integer min: 0, max: 3 }\n",
            3, 14,
            "invalid YAML: the ': ' after 'min' starts a new key; if 'min' is a key, put a ',' before it; if it is part of the text, put the whole text in quotes: type: \"integer min: 0\"",
            null
        },
        {
            "a key indented too deep reads as more of the text above",
            "ruleset: { id: x, version: 1 }\ncriteria:\n  a:\n    type: integer\n     min: 0\n     max: 3\n",
            5, 6,
            "invalid YAML: 'min:' is indented deeper than 'type:' above it, so it reads as more of the text of 'type'; indent a key like the keys beside it, or put a text holding ': ' in quotes",
            null
        },
    };

    [Theory]
    [MemberData(nameof(YamlMistakes))]
    public void Load_CommonYamlMistake_SaysWhatToDoAtTheRightPlace(string name, string yaml, int line, int column, string message, string? suggestion)
    {
        var result = TestSupport.Load(yaml);

        result.Diagnostics.Should().ContainSingle(name).Which.Should().Be(
            new Diagnostic("PL1001", DiagnosticSeverity.Error, message, "test.yaml", line, column, suggestion), name);
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
    public void Load_TypoInADeclaration_IsOneErrorAndNotOneMorePerRuleThatReadsIt()
    {
        var result = TestSupport.Load("""
            ruleset: { id: x, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              ciwa: { type: integr, min: 0, max: 67 }
              flag: { type: boolean }
            rules:
              - { id: r1, when: ciwa >= 10, require: { care: high }, because: 'CIWA-Ar {ciwa}', source: s }
              - { id: r2, when: ciwa >= 19 and flag, require: { care: high }, because: x, source: s }
              - { id: r3, when: known(ciwa), note: 'Score {ciwa}', source: s }
              - { id: r4, when: 'max(ciwa, 3) > 5', require: { care: high }, because: x, source: s }
              - { id: r5, when: ciwa + 1 >= 1 and flg, require: { care: high }, because: x, source: s }
            """);

        result.Errors.Select(d => (d.Code, d.Line, d.Column, d.Message)).Should().Equal(
            ("PL2003", 5, 17, "unknown type 'integr'; did you mean 'integer'?; allowed: boolean, integer, enum, set"),
            ("PL3002", 12, 39, "'flg' is not a declared criterion, fact or decision; did you mean 'flag'?"));
    }

    [Fact]
    public void Load_FailedTypeFactAndDecision_AreEachOneErrorWhereverTheyAreUsed()
    {
        var result = TestSupport.Load("""
            ruleset: { id: x, version: 1 }
            types:
              rating: { values: [low] }
            decisions:
              care: { default: hgh, levels: [ { id: low }, { id: high } ] }
            criteria:
              risk: { type: rating }
              other: { type: rating, risk: increasing }
            facts:
              sev: { type: enum, values: [a, b], default: c }
            rules:
              - { id: r1, when: risk >= low, require: { care: high }, because: x, source: s }
              - { id: r2, when: low <= other, set: { sev: b }, because: '{sev} {care}', source: s }
              - { id: r3, when: sev == b and care >= high, note: n, source: s }
            """);

        result.Errors.Select(d => (d.Code, d.Line)).Should().Equal(("PL2005", 3), ("PL2006", 5), ("PL2006", 10));
    }

    private const string TestFileText = "# a rule test file\nbase: { flag: false }\ntests:\n  - name: flag\n    assessment: { flag: true }\n    expect: { levels: { care: high } }\n";

    [Theory]
    [InlineData("tests.yaml", "rules.tests.yaml")]
    [InlineData("test.yaml", "rules.tests.yaml")]
    [InlineData("withdrawal_tests.yaml", "withdrawal.tests.yaml")]
    [InlineData("withdrawal.test.yaml", "withdrawal.tests.yaml")]
    [InlineData("level-of-care-tests.yml", "level-of-care.tests.yml")]
    public void Load_TestFileNamedLikeARuleFile_IsOneErrorSayingHowToNameIt(string file, string suggested)
    {
        var result = RuleSet.TryLoad([new RuleSource("rules.yaml", TestSupport.MiniHeader), new RuleSource(file, TestFileText)]);

        result.Errors.Should().ContainSingle().Which.Should().Be(new Diagnostic(
            "PL1009", DiagnosticSeverity.Error,
            $"this looks like a rule test file (it has 'base:' and 'tests:'), not a rule file; name it '{suggested}': test files end in '.tests.yaml' and are run by 'placement test', never loaded as rules",
            file, 2, 1, suggested));
    }

    [Fact]
    public void Load_FolderWithTestsYaml_SaysToRenameItAndLoadsOnceRenamed()
    {
        var dir = Directory.CreateTempSubdirectory("placement-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "rules.yaml"), TestSupport.MiniHeader);
            File.WriteAllText(Path.Combine(dir.FullName, "tests.yaml"), "cases:\n  - name: x\n");

            var result = RuleSet.TryLoad(dir.FullName);

            result.Errors.Select(d => (Path.GetFileName(d.File), d.Code, d.Line, d.Column, d.Suggestion)).Should().Equal(
                ("tests.yaml", "PL1009", 1, 1, "rules.tests.yaml"));
            File.Move(Path.Combine(dir.FullName, "tests.yaml"), Path.Combine(dir.FullName, "rules.tests.yaml"));
            RuleSet.TryLoad(dir.FullName).Errors.Should().BeEmpty();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_RuleFileWithAStrayTestsKey_IsAnUnknownSectionAsBefore()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + "\ntests: []\n");

        result.Errors.Should().ContainSingle().Which.Code.Should().Be("PL1003");
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
