using System.Text;
using Placement.Diagnostics;

namespace Placement.Tests.Hostile;

/// <summary>
/// The hostile corpus for rule files, each read from disk as a rule author's tool would: attacks on
/// the YAML reader (alias bombs, deep nesting, huge scalars and files, tabs, BOMs, bytes that are
/// not UTF-8, duplicate keys) and on the format and the condition language (control characters in
/// ids, 10,000 rules, 5,000 nested brackets, 1 MB conditions, huge and fractional numbers, nulls
/// and mappings where a value belongs, unclosed placeholders, min above max, repeated values, a
/// decision with no levels). Each is refused with positioned diagnostics, never an exception, and
/// the cases that would cost time or memory are stopped by a limit of
/// <see cref="PlacementLimits"/>, whose error the test expects: the bound is enforced, not timed.
/// </summary>
public sealed class HostileRuleFileTests : IDisposable
{
    private const string Header = """
        ruleset: { id: hostile, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
          score: { type: integer, min: 0, max: 10, risk: increasing }
          flag: { type: boolean, risk: increasing }
          home: { type: enum, values: [stable, unsafe], risk: increasing }

        """;

    private static string Rule(string when, string because = "x", string id = "r1") =>
        $"  - {{ id: {id}, when: {Quote(when)}, require: {{ care: high }}, because: {Quote(because)}, source: s }}\n";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string WithRules(params string[] rules) => Header + "rules:\n" + string.Concat(rules);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>The names of the cases (the bytes are made in the test: xUnit would otherwise copy 60 MB into its test list).</summary>
    public static TheoryData<string> Names => new(Cases.Value.Keys);

    /// <summary>name → the file's bytes and the code every such file must get (the limit or the error that stops it).</summary>
    private static readonly Lazy<Dictionary<string, (Func<byte[]> Bytes, string Code)>> Cases = new(() =>
        {
            var data = new Dictionary<string, (Func<byte[]>, string)>(StringComparer.Ordinal);
            void Add(string name, Func<string> text, string code) => data.Add(name, (() => Utf8(text()), code));

            // The YAML reader.
            Add("billion laughs: ten levels of ten aliases", () => AliasBomb(), DiagnosticCodes.WrongNodeKind);
            Add("100,000 nested flow lists", () => Header + "rules: " + new string('[', 100_000) + new string(']', 100_000) + "\n", DiagnosticCodes.YamlSyntax);
            Add("200 nested block mappings", () => Header + "rules:\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * (i + 1)) + "k:\n")), DiagnosticCodes.YamlSyntax);
            Add("a 60 MB title", () => Header.Replace("version: 1", "version: 1, title: \"" + new string('x', 60_000_000) + "\"", StringComparison.Ordinal), DiagnosticCodes.LimitExceeded);
            Add("a 2 MB comment", () => Header + "# " + new string('x', 2_000_000) + "\n", DiagnosticCodes.LimitExceeded);
            Add("a tab in the indentation", () => Header + "rules:\n\t- { id: r1 }\n", DiagnosticCodes.YamlSyntax);
            Add("an empty file", () => "", DiagnosticCodes.WrongNodeKind);
            Add("only comments", () => "# nothing\n# here\n", DiagnosticCodes.WrongNodeKind);
            Add("only whitespace and newlines", () => "\n\n   \n", DiagnosticCodes.WrongNodeKind);
            Add("a duplicate top-level key", () => Header + "criteria:\n  other: { type: boolean }\n", DiagnosticCodes.DuplicateKey);
            Add("a duplicate key in a rule", () => WithRules("  - { id: r1, id: r2, when: flag, require: { care: high }, because: x, source: s }\n"), DiagnosticCodes.DuplicateKey);
            Add("two documents", () => Header + "---\n" + Header, DiagnosticCodes.YamlSyntax);
            Add("an unterminated quote", () => Header + "rules:\n  - { id: \"r1, when: flag }\n", DiagnosticCodes.YamlSyntax);
            Add("a list where the file's mapping belongs", () => "- a\n- b\n", DiagnosticCodes.WrongNodeKind);
            Add("a scalar where the file's mapping belongs", () => "just text\n", DiagnosticCodes.WrongNodeKind);
            Add("a key that is a mapping", () => Header + "{ a: 1 }: x\n", DiagnosticCodes.WrongNodeKind);

            // Wrong types in every field.
            Add("a mapping as the rule set id", () => Header.Replace("id: hostile,", "id: { a: 1 },", StringComparison.Ordinal), DiagnosticCodes.WrongNodeKind);
            Add("null as the version", () => Header.Replace("version: 1", "version: ~", StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("a list as a criterion", () => Header + "  extra: [1, 2]\n", DiagnosticCodes.WrongNodeKind);
            Add("a number as a type", () => Header + "  extra: { type: 7 }\n", DiagnosticCodes.UnknownType);
            Add("a mapping as a condition", () => WithRules("  - { id: r1, when: { a: 1 }, require: { care: high }, because: x, source: s }\n"), DiagnosticCodes.WrongNodeKind);
            Add("a list as a because", () => WithRules("  - { id: r1, when: flag, require: { care: high }, because: [a, b], source: s }\n"), DiagnosticCodes.WrongNodeKind);
            Add("a scalar as require", () => WithRules("  - { id: r1, when: flag, require: high, because: x, source: s }\n"), DiagnosticCodes.WrongNodeKind);
            Add("a scalar as the rules", () => Header + "rules: lots\n", DiagnosticCodes.WrongNodeKind);
            Add("null as a rule", () => Header + "rules:\n  - ~\n", DiagnosticCodes.WrongNodeKind);
            Add("a mapping as a level", () => Header.Replace("{ id: low }", "{ id: { x: 1 } }", StringComparison.Ordinal), DiagnosticCodes.WrongNodeKind);

            // Numbers.
            Add("a 400-digit maximum", () => Header.Replace("max: 10", "max: " + new string('9', 400), StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("a fractional maximum", () => Header.Replace("max: 10", "max: 10.5", StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("an exponent as a maximum", () => Header.Replace("max: 10", "max: 1e1", StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("NaN as a minimum", () => Header.Replace("min: 0", "min: .nan", StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("min above max", () => Header.Replace("min: 0, max: 10", "min: 10, max: 0", StringComparison.Ordinal), DiagnosticCodes.InvalidRange);
            Add("a 400-digit number in a condition", () => WithRules(Rule("score >= " + new string('9', 400))), DiagnosticCodes.ConditionSyntax);
            Add("arithmetic past the range of whole numbers",
                () => Header.Replace("min: 0, max: 10", "min: -2147483648, max: 2147483647", StringComparison.Ordinal) + "rules:\n" + Rule("score + score + score > 5"),
                DiagnosticCodes.ArithmeticOverflow);

            // Declarations.
            Add("a repeated enum value", () => Header.Replace("[stable, unsafe]", "[stable, stable]", StringComparison.Ordinal), DiagnosticCodes.InvalidValues);
            Add("a decision with no levels", () => Header.Replace("[ { id: low }, { id: high } ]", "[]", StringComparison.Ordinal), DiagnosticCodes.InvalidValues);
            Add("150,000 enum values, past the file limit", () => Header.Replace("[stable, unsafe]", "[" + string.Join(",", Enumerable.Range(0, 150_000).Select(i => "v" + i)) + "]", StringComparison.Ordinal), DiagnosticCodes.LimitExceeded);
            Add("100,000 values within the file limit", () => Header.Replace("[stable, unsafe]", "[" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => "v")) + "]", StringComparison.Ordinal), DiagnosticCodes.InvalidValues);
            Add("10,000 levels", () => Header.Replace("[ { id: low }, { id: high } ]", "[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"{{id: l{i}}}")) + "]", StringComparison.Ordinal), DiagnosticCodes.InvalidValues);
            Add("a set of 1,000 words", () => Header + "  many: { type: set, values: [" + string.Join(",", Enumerable.Range(0, 1000).Select(i => "w" + i)) + "] }\n", DiagnosticCodes.InvalidValues);
            Add("5,000 criteria", () => Header + string.Concat(Enumerable.Range(0, 5000).Select(i => $"  c{i}: {{ type: boolean }}\n")), DiagnosticCodes.LimitExceeded);
            Add("a rule set id with a terminal escape and a newline", () => Header.Replace("id: hostile,", "id: \"h\\e[31mRED\\nFAKE LINE\",", StringComparison.Ordinal), DiagnosticCodes.InvalidId);
            Add("a rule set id of 5,000 letters", () => Header.Replace("id: hostile,", "id: " + new string('h', 5_000) + ",", StringComparison.Ordinal), DiagnosticCodes.InvalidId);
            Add("a rule set version with a right-to-left override", () => Header.Replace("version: 1", "version: \"1\\u202Eevil\"", StringComparison.Ordinal), DiagnosticCodes.InvalidValue);
            Add("control characters in an id", () => WithRules(Rule("flag", id: "\"r\\u0001\\u001b[31m\"")), DiagnosticCodes.InvalidId);
            Add("a right-to-left override in an id", () => WithRules(Rule("flag", id: "\"r\\u202Eevil\"")), DiagnosticCodes.InvalidId);
            Add("an id of 100,000 letters", () => WithRules(Rule("flag", id: new string('r', 100_000))), DiagnosticCodes.InvalidId);

            // Rules and the condition language.
            Add("10,000 rules", () => WithRules(Enumerable.Range(0, 10_000).Select(i => Rule("flag", id: "r" + i)).ToArray()), DiagnosticCodes.LimitExceeded);
            Add("5,000 nested brackets", () => WithRules(Rule(new string('(', 5000) + "flag" + new string(')', 5000))), DiagnosticCodes.ConditionSyntax);
            Add("100 nested brackets", () => WithRules(Rule(new string('(', 100) + "flag" + new string(')', 100))), DiagnosticCodes.ConditionSyntax);
            Add("100 nested nots", () => WithRules(Rule(string.Concat(Enumerable.Repeat("not ", 100)) + "flag")), DiagnosticCodes.ConditionSyntax);
            Add("a 1 MB condition", () => WithRules(Rule(string.Join(" or ", Enumerable.Repeat("flag", 120_000)))), DiagnosticCodes.ConditionSyntax);
            Add("member access", () => WithRules(Rule("score.GetType() == 1")), DiagnosticCodes.ConditionSyntax);
            Add("a method call on a name", () => WithRules(Rule("System.IO.File.Exists(\"x\")")), DiagnosticCodes.ConditionSyntax);
            Add("a string literal", () => WithRules(Rule("home == 'stable'")), DiagnosticCodes.ConditionSyntax);
            Add("an unclosed placeholder", () => WithRules(Rule("flag", because: "score is {score")), DiagnosticCodes.InvalidValue);
            Add("a placeholder naming nothing", () => WithRules(Rule("flag", because: "{GetType}")), DiagnosticCodes.UnknownIdentifier);
            return data;
        });

    private static string AliasBomb()
    {
        var sb = new StringBuilder(Header);
        sb.Append("  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 12; i++) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        sb.Append("rules:\n").Append("  - &r { id: r1, when: flag, require: { care: high }, because: x, source: s }\n");
        sb.Append("  - [").Append(string.Join(", ", Enumerable.Repeat("*a12", 10))).Append("]\n");
        return sb.ToString();
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("placement-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileRuleFile_IsRefusedWithPositionedDiagnostics(string name)
    {
        var (make, code) = Cases.Value[name];
        var bytes = make();
        var path = Path.Combine(_folder, "rules.yaml");
        File.WriteAllBytes(path, bytes);

        var result = RuleSet.TryLoad(path);

        result.Success.Should().BeFalse(name);
        result.Errors.Select(d => d.Code).Should().Contain(code, name);
        result.Diagnostics.Count.Should().BeLessThanOrEqualTo(PlacementLimits.MaxDiagnostics + 1, name);
        foreach (var d in result.Diagnostics)
        {
            d.File.Should().Be(path, name);
            d.Line.Should().BeGreaterThan(0, name);
            d.Column.Should().BeGreaterThan(0, name);
            d.Message.Should().NotContainAny(["\u001b", "\u0001", "\u202E"], "a message never carries a control character ({0})", name);
            d.Message.Length.Should().BeLessThan(5_000, "a message quotes a bounded amount of the file ({0})", name);
        }
    }

    [Fact]
    public void TheSameCorpus_LoadedFromTexts_IsRefusedTheSameWay()
    {
        // The in-memory entry point (RuleSet.TryLoad(RuleSource[])) has the same limits as files on disk.
        foreach (var (name, (make, code)) in Cases.Value)
        {
            var bytes = make();
            if (code == DiagnosticCodes.YamlSyntax && !IsUtf8(bytes)) continue;
            var result = RuleSet.TryLoad([new RuleSource("rules.yaml", Encoding.UTF8.GetString(bytes))]);
            result.Success.Should().BeFalse(name);
            result.Errors.Select(d => d.Code).Should().Contain(code, name);
        }
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreAnErrorAtTheFirstBadByte()
    {
        var path = Path.Combine(_folder, "rules.yaml");
        File.WriteAllBytes(path, [.. Utf8(Header + "rules:\n  - { id: r1, when: flag, require: { care: high }, because: \"caf"), 0xE9, .. Utf8("\", source: s }\n")]);

        var error = RuleSet.TryLoad(path).Errors.Should().ContainSingle().Subject;

        error.Code.Should().Be(DiagnosticCodes.YamlSyntax);
        (error.Line, error.Column).Should().Be((9, 65));
        error.Message.Should().Be("the file is not UTF-8: byte 0xE9 here is not part of a UTF-8 character; save the file as UTF-8");
    }

    [Fact]
    public void AByteOrderMark_IsSkipped()
    {
        var path = Path.Combine(_folder, "rules.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Utf8(WithRules(Rule("flag")))]);

        var result = RuleSet.TryLoad(path);

        result.Errors.Should().BeEmpty();
        result.RuleSet!.Rules.Select(r => r.Id).Should().Equal("r1");
    }

    [Fact]
    public void TooManyFiles_AreRefusedBeforeAnyIsRead()
    {
        for (var i = 0; i <= PlacementLimits.MaxRuleFiles; i++) File.WriteAllText(Path.Combine(_folder, $"f{i:D3}.yaml"), "x: [");

        var error = RuleSet.TryLoad(_folder).Errors.Should().ContainSingle().Subject;

        error.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        error.Message.Should().Contain($"a rule set has at most {PlacementLimits.MaxRuleFiles}");
    }

    [Fact]
    public void FilesTogetherPastTheRuleSetLimit_AreRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), WithRules(Rule("flag")));
        var filler = "# " + new string('x', PlacementLimits.MaxRuleFileBytes - 100) + "\nfacts: {}\n";
        for (var i = 0; i < 5; i++) File.WriteAllText(Path.Combine(_folder, $"b{i}.yaml"), filler);

        var error = RuleSet.TryLoad(_folder).Errors.Should().ContainSingle().Subject;

        error.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        error.File.Should().EndWith("b3.yaml", "the fourth filler file takes the set past 4 MiB");
    }

    [Fact]
    public void RulesUpToTheLimit_Load_AndOneMore_IsRefusedAtThatRule()
    {
        var rules = Enumerable.Range(0, PlacementLimits.MaxRules).Select(i => Rule("flag", id: "r" + i)).ToArray();
        RuleSet.TryLoad([new RuleSource("rules.yaml", WithRules(rules))]).Errors.Should().BeEmpty();

        var result = RuleSet.TryLoad([new RuleSource("rules.yaml", WithRules([.. rules, Rule("flag", id: "last")]))]);

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        error.Line.Should().Be(Header.Split('\n').Length + 1 + PlacementLimits.MaxRules, "the error is at the first rule past the limit");
    }

    [Fact]
    public void ATestFilePastTheLimit_IsRefusedBeforeItsYamlIsRead()
    {
        var rules = RuleSet.TryLoad([new RuleSource("rules.yaml", WithRules(Rule("flag")))]).RuleSet!;
        var huge = "tests:\n" + string.Concat(Enumerable.Repeat("  - { name: n, assessment: { flag: true }, expect: { status: recommended } }\n", 20_000));

        var run = Placement.Testing.RuleTests.Run(rules, [new RuleSource("huge.tests.yaml", huge)]);

        run.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        run.Results.Should().BeEmpty();
    }

    [Fact]
    public void PastAThousandProblems_TheRestAreCountedNotListed()
    {
        var rules = Enumerable.Range(0, 700).Select(i => Rule("nothing_here and nor_this", id: "r" + i)).ToArray();

        var result = RuleSet.TryLoad([new RuleSource("rules.yaml", WithRules(rules))]);

        result.Diagnostics.Should().HaveCount(PlacementLimits.MaxDiagnostics + 1);
        var last = result.Diagnostics[^1];
        last.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        last.Message.Should().Be($"400 more problem(s) found and not shown, from here on; only the first {PlacementLimits.MaxDiagnostics} are reported");
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
