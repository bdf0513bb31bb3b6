using System.Text;
using Placement.Diagnostics;

namespace Placement.Tests.Hostile;

/// <summary>
/// The hostile corpus for assessments, read through every entry point an app or the service uses:
/// the text reader (YAML or JSON), the stream reader and the fast JSON reader for NDJSON lines. Each
/// is refused with positioned diagnostics and never an exception; none of them repeats the value
/// that was given (a marker in every hostile value is looked for in every message), and the cases
/// that would cost time or memory stop at a limit of <see cref="PlacementLimits"/>.
/// </summary>
public sealed class HostileAssessmentTests
{
    /// <summary>In every hostile value, so a message that quotes one is caught.</summary>
    private const string Marker = "SECRETVALUE";

    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    /// <summary>The names of the cases.</summary>
    public static TheoryData<string> Names => new(Cases.Value.Keys);

    /// <summary>name → the assessment's text and the code it must get.</summary>
    private static readonly Lazy<Dictionary<string, (Func<string> Text, string Code)>> Cases = new(() =>
    {
        var data = new Dictionary<string, (Func<string>, string)>(StringComparer.Ordinal);
        void Add(string name, Func<string> text, string code) => data.Add(name, (text, code));

        Add("billion laughs", () => string.Concat(Enumerable.Range(1, 9).Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(i == 1 ? Marker : $"*a{i - 1}", 10))}]\n")), DiagnosticCodes.UnknownCriterion);
        Add("an alias as an answer", () => $"home_stability: &h {Marker}\nciwa_ar: *h\n", DiagnosticCodes.NotAnAllowedValue);
        Add("YAML lists nested 100,000 deep", () => "ciwa_ar: " + new string('[', 100_000) + new string(']', 100_000) + "\n", DiagnosticCodes.YamlSyntax);
        Add("JSON nested 100,000 deep", () => "{\"ciwa_ar\": " + new string('[', 100_000) + new string(']', 100_000) + "}", DiagnosticCodes.JsonSyntax);
        Add("a 60 MB string", () => "home_stability: \"" + Marker + new string('x', 60_000_000) + "\"\n", DiagnosticCodes.AssessmentTooLarge);
        Add("a tab in the indentation", () => "ciwa_ar: 3\n\tcows: 2\n", DiagnosticCodes.YamlSyntax);
        Add("empty", () => "", DiagnosticCodes.AssessmentShape);
        Add("only comments", () => "# " + Marker + "\n", DiagnosticCodes.AssessmentShape);
        Add("a list", () => $"- {Marker}\n", DiagnosticCodes.AssessmentShape);
        Add("a scalar", () => Marker, DiagnosticCodes.AssessmentShape);
        Add("a JSON array", () => $"[\"{Marker}\"]", DiagnosticCodes.AssessmentShape);
        Add("a duplicate key in YAML", () => "ciwa_ar: 3\nciwa_ar: 4\n", DiagnosticCodes.DuplicateKey);
        Add("a duplicate key in JSON", () => "{\"ciwa_ar\": 3, \"ciwa_ar\": 4}", DiagnosticCodes.DuplicateKey);
        Add("a 400-digit number", () => "ciwa_ar: " + new string('9', 400) + "\n", DiagnosticCodes.WrongValueType);
        Add("a 400-digit number in JSON", () => "{\"ciwa_ar\": " + new string('9', 400) + "}", DiagnosticCodes.WrongValueType);
        Add("NaN", () => "ciwa_ar: .nan\n", DiagnosticCodes.WrongValueType);
        Add("NaN in JSON", () => "{\"ciwa_ar\": NaN}", DiagnosticCodes.JsonSyntax);
        Add("an exponent", () => "ciwa_ar: 1e1\n", DiagnosticCodes.WrongValueType);
        Add("an exponent in JSON", () => "{\"ciwa_ar\": 1e1}", DiagnosticCodes.WrongValueType);
        Add("a fraction", () => "ciwa_ar: 10.5\n", DiagnosticCodes.WrongValueType);
        Add("a negative number", () => "ciwa_ar: -1\n", DiagnosticCodes.OutOfRange);
        Add("a mapping where a number belongs", () => $"ciwa_ar: {{ a: {Marker} }}\n", DiagnosticCodes.WrongValueType);
        Add("a list where a word belongs", () => $"home_stability: [{Marker}]\n", DiagnosticCodes.WrongValueType);
        Add("a mapping in a set", () => $"withdrawal_substances: [{{ a: {Marker} }}]\n", DiagnosticCodes.WrongValueType);
        Add("a number where true or false belongs", () => "pregnant: 1\n", DiagnosticCodes.WrongValueType);
        Add("a word where a number belongs", () => $"ciwa_ar: {Marker}\n", DiagnosticCodes.WrongValueType);
        Add("a word no criterion allows", () => $"home_stability: {Marker}\n", DiagnosticCodes.NotAnAllowedValue);
        Add("a set word repeated", () => "withdrawal_substances: [alcohol, alcohol]\n", DiagnosticCodes.DuplicateValue);
        Add("10,000 set words", () => "withdrawal_substances: [" + string.Join(", ", Enumerable.Repeat(Marker, 10_000)) + "]\n", DiagnosticCodes.NotAnAllowedValue);
        Add("control characters in a key", () => "\"ciwa\\u001b[31m\\u0001\": 3\n", DiagnosticCodes.UnknownCriterion);
        Add("a plain key of 500,000 letters", () => new string('k', 500_000) + ": 3\n", DiagnosticCodes.YamlSyntax);
        Add("a JSON key of 500,000 letters", () => "{\"" + new string('k', 500_000) + "\": 3}", DiagnosticCodes.UnknownCriterion);
        Add("10,000 unknown keys", () => string.Concat(Enumerable.Range(0, 10_000).Select(i => $"k{i}: {Marker}\n")), DiagnosticCodes.UnknownCriterion);
        Add("a key that is a mapping", () => $"? {{ a: {Marker} }}\n: 3\n", DiagnosticCodes.WrongNodeKind);
        Add("two documents", () => "ciwa_ar: 3\n---\ncows: 2\n", DiagnosticCodes.YamlSyntax);
        Add("an unterminated quote", () => $"home_stability: \"{Marker}\n", DiagnosticCodes.YamlSyntax);
        Add("unterminated JSON", () => $"{{\"home_stability\": \"{Marker}", DiagnosticCodes.JsonSyntax);
        return data;
    });

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileAssessment_IsRefused_WithoutRepeatingTheValue(string name)
    {
        var (make, code) = Cases.Value[name];
        var text = make();

        var result = Assessment.TryParse(text, Rules, "a.yaml");

        Check(result, code, name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HostileAssessment_FromAStream_IsRefusedTheSameWay(string name)
    {
        var (make, code) = Cases.Value[name];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(make()));

        var result = await Assessment.TryParseAsync(stream, Rules, "a.yaml");

        Check(result, code, name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HostileAssessment_AsAnNdjsonLine_GivesDiagnosticsNeverAnException(string name)
    {
        // The fast reader takes only JSON: whatever the text, it reports and never throws or repeats a value.
        var (make, _) = Cases.Value[name];
        var bytes = Encoding.UTF8.GetBytes(make().Replace("\n", " ", StringComparison.Ordinal));
        if (bytes.Length > PlacementLimits.MaxAssessmentBytes) return; // batch and serve refuse the line before this reader (tested there)

        var result = Assessment.TryParseJson(bytes, Rules, "batch.ndjson", line: 7);

        result.Success.Should().BeFalse(name);
        result.Diagnostics.Should().OnlyContain(d => d.Line == 7 && d.Column > 0 && !d.Message.Contains(Marker), name);
    }

    [Fact]
    public async Task BytesThatAreNotUtf8_InAStream_AreAnErrorAtTheFirstBadByte()
    {
        using var stream = new MemoryStream([.. "ciwa_ar: 3\nhome_stability: \"st"u8.ToArray(), 0xC3, 0x28, .. "\"\n"u8.ToArray()]);

        var result = await Assessment.TryParseAsync(stream, Rules, "a.yaml");

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Line, error.Column).Should().Be((DiagnosticCodes.YamlSyntax, 2, 20));
    }

    [Fact]
    public async Task AByteOrderMark_InAStream_IsSkipped()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. "ciwa_ar: 3\n"u8.ToArray()]);

        var result = await Assessment.TryParseAsync(stream, Rules, "a.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Assessment!.Known().Should().ContainSingle().Which.Key.Should().Be("ciwa_ar");
    }

    [Fact]
    public void PastAThousandProblems_EveryReaderCountsTheRest_InOneMore()
    {
        var yaml = string.Concat(Enumerable.Range(0, 3_000).Select(i => $"k{i}: 1\n"));
        var json = "{" + string.Join(",", Enumerable.Range(0, 3_000).Select(i => $"\"k{i}\":1")) + "}";

        var fromYaml = Assessment.TryParse(yaml, Rules).Diagnostics;
        var fromLine = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules).Diagnostics;

        fromYaml.Should().HaveCount(PlacementLimits.MaxDiagnostics + 1);
        fromYaml[^1].Code.Should().Be(DiagnosticCodes.LimitExceeded);
        fromYaml[^1].Message.Should().StartWith("2000 more problem(s) found and not shown");
        fromLine.Should().HaveCount(PlacementLimits.MaxDiagnostics + 1);
        fromLine[^1].Code.Should().Be(DiagnosticCodes.LimitExceeded);
    }

    private static void Check(AssessmentParseResult result, string code, string name)
    {
        result.Success.Should().BeFalse(name);
        result.Diagnostics.Select(d => d.Code).Should().Contain(code, name);
        result.Diagnostics.Count.Should().BeLessThanOrEqualTo(PlacementLimits.MaxDiagnostics + 1, name);
        foreach (var d in result.Diagnostics)
        {
            d.File.Should().Be("a.yaml", name);
            (d.Line, d.Column).Should().Match<(int Line, int Column)>(p => p.Line > 0 && p.Column > 0, name);
            d.Message.Should().NotContain(Marker, "no message repeats a value that was given ({0})", name);
            d.Message.Should().NotContainAny(["\u001b", "\u0001"], name);
            d.Message.Length.Should().BeLessThanOrEqualTo(PlacementLimits.MaxMessageLength + 40, name);
        }
    }
}
