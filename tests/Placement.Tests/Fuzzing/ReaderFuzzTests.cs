using System.Globalization;
using System.Text;
using CsCheck;
using Placement.Model;

namespace Placement.Tests.Fuzzing;

/// <summary>
/// Fuzzing the readers (see <see cref="Fuzz"/>): random token sequences as conditions, random edits
/// of the default rule files, and random assessments written as YAML, JSON and NDJSON lines, whole
/// and with random edits. Whatever the input, the reader returns diagnostics with positions inside
/// the input and never throws; a valid assessment reads back the same in every form.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const string Header = """
        ruleset: { id: fuzz, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
          b1: { type: boolean }
          i1: { type: integer, min: 0, max: 6 }
          e1: { type: enum, values: [lo, mid, hi] }
          s1: { type: set, values: [a, b, c] }
        facts:
          f1: { type: boolean }

        """;

    private static readonly string[] Tokens =
    [
        "(", ")", "[", "]", ",", "..", "and", "or", "not", "in", "has", "any", "all", "==", "!=", "<", "<=", ">", ">=", "+", "-",
        "=", "&&", "||", "!", "known", "count", "min", "max", "true", "false", "b1", "i1", "e1", "s1", "f1", "care", "lo", "hi", "a",
        "high", "zz", "0", "7", "2147483648", "99999999999999999999", "'x'", "\"x\"", ".", "x.GetType()", "{", "}", "#", ":", "é",
        "\t", "\u0000", "\u202E", "null", "~", "1.5", "-3", "1e9",
    ];

    [Fact]
    public void RandomTokenSequences_AsConditions_GiveOnlyDiagnostics()
    {
        var condition = Gen.Select(Gen.OneOf(Tokens).Array[1, 12], Gen.Bool, (tokens, spaced) => string.Join(spaced ? " " : "", tokens));
        Fuzz.Check(condition.Array[1, 4], conditions =>
        {
            var yaml = Header + "rules:\n" + string.Concat(conditions.Select((c, i) =>
                $"  - {{ id: r{i}, when: {YamlString(c)}, require: {{ care: high }}, because: \"{{i1}} {YamlEscape(c)}\", source: s }}\n"));
            var result = RuleSet.TryLoad([new RuleSource("fuzz.yaml", yaml)]);
            InsideTheFile(result.Diagnostics, "fuzz.yaml", yaml, yaml);
            if (result.Success) _ = result.RuleSet!.Recommend(Assessment.Parse("i1: 3", result.RuleSet));
        }, cases: 2_000);
    }

    [Fact]
    public void RandomEditsOfTheDefaultRuleFiles_GiveOnlyDiagnostics()
    {
        var sources = RuleSet.DefaultSources();
        var edit = Gen.Select(Gen.Int[0, sources.Count - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, 4], Gen.OneOf(Tokens), Gen.Int[1, 40]);
        Fuzz.Check(edit.Array[1, 3], edits =>
        {
            var texts = sources.Select(s => s.Text).ToArray();
            foreach (var (file, at, kind, token, length) in edits) texts[file] = Edit(texts[file], at, kind, token, length);
            var result = RuleSet.TryLoad(sources.Select((s, i) => new RuleSource(s.Name, texts[i])).ToArray());
            foreach (var d in result.Diagnostics)
            {
                var index = sources.Select(s => s.Name).ToList().IndexOf(d.File);
                index.Should().BeGreaterThanOrEqualTo(0, d.ToString());
                InsideTheFile([d], d.File, texts[index], string.Join("; ", edits));
            }
        }, cases: 150);
    }

    [Fact]
    public void RandomAssessments_ReadTheSame_AsYamlJsonAndNdjson()
    {
        var rules = RuleSet.LoadDefault();
        Fuzz.Check(Answers(rules), answers =>
        {
            var yaml = string.Concat(answers.Select(a => $"{a.Key}: {a.Value ?? "null"}\n"));
            var json = "{" + string.Join(", ", answers.Select(a => $"\"{a.Key}\": {Json(a.Value)}")) + "}";

            var fromYaml = Assessment.TryParse(yaml, rules);
            var fromJson = Assessment.TryParse(json, rules);
            var fromLine = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), rules);

            fromYaml.Diagnostics.Should().BeEmpty(yaml);
            fromJson.Diagnostics.Should().BeEmpty(json);
            fromLine.Diagnostics.Should().BeEmpty(json);
            fromJson.Assessment.Should().Be(fromYaml.Assessment, json);
            fromLine.Assessment.Should().Be(fromYaml.Assessment, json);
            fromYaml.Assessment!.Known().Select(k => k.Key).Should().BeEquivalentTo(answers.Where(a => a.Value is not null).Select(a => a.Key));
        }, cases: 500);
    }

    [Fact]
    public void RandomEditsOfAssessments_GiveOnlyDiagnostics_ThatNeverRepeatAValue()
    {
        var rules = RuleSet.LoadDefault();
        var edit = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 4], Gen.OneOf([.. Tokens, "SECRET", "\"SECRET\"", "[SECRET]", "{", "]"]), Gen.Int[1, 20]);
        Fuzz.Check(Gen.Select(Answers(rules), edit.Array[1, 4], Gen.Bool), t =>
        {
            var (answers, edits, asJson) = t;
            var text = asJson
                ? "{" + string.Join(", ", answers.Select(a => $"\"{a.Key}\": {Json(a.Value)}")) + "}"
                : string.Concat(answers.Select(a => $"{a.Key}: {a.Value ?? "null"}\n"));
            foreach (var (at, kind, token, length) in edits) text = Edit(text, at, kind, token, length);

            var parsed = Assessment.TryParse(text, rules, "a.yaml");
            InsideTheFile(parsed.Diagnostics, "a.yaml", text, text);
            parsed.Diagnostics.Should().NotContain(d => d.Message.Contains("SECRET"), text);
            if (asJson)
            {
                var line = Assessment.TryParseJson(Encoding.UTF8.GetBytes(text.Replace('\n', ' ')), rules, "a.ndjson", line: 3);
                line.Diagnostics.Should().NotContain(d => d.Line != 3 || d.Column < 1 || d.Message.Contains("SECRET"), text);
            }
        }, cases: 1_000);
    }

    [Fact]
    public void RandomEditsOfAuditRecords_AreVerifiedOrRefused_NeverThrow()
    {
        var rules = RuleSet.LoadDefault();
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "1", "[1]", "\"x\"", "{}", "\"ruleSet\":1", "\"result\":[]", "\"assessment\":\"x\""];
        var edit = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 4], Gen.OneOf(tokens), Gen.Int[1, 30]);
        Fuzz.Check(Gen.Select(Answers(rules), edit.Array[0, 4]), t =>
        {
            var (answers, edits) = t;
            var recommendation = rules.Recommend(Assessment.Parse(string.Concat(answers.Select(a => $"{a.Key}: {a.Value ?? "null"}\n")), rules));
            var record = Placement.Audit.AuditRecord.Create(recommendation, DateTimeOffset.UnixEpoch);
            foreach (var (at, kind, token, length) in edits) record = Edit(record, at, kind, token, length);

            var verification = Placement.Audit.AuditRecord.Verify(record);

            if (edits.Length == 0) verification.Reproduces.Should().BeTrue(verification.Problem);
        }, cases: 500);
    }

    /// <summary>Random answers for every criterion of a rule set (about a quarter unknown), in criterion order.</summary>
    internal static Gen<KeyValuePair<string, string?>[]> Answers(RuleSet rules)
    {
        var criteria = rules.Criteria;
        return Gen.Select(Gen.Int[0, 1_000_000].Array[criteria.Count], Gen.Int[0, 3].Array[criteria.Count], (draws, unknown) =>
            criteria.Select((c, i) => new KeyValuePair<string, string?>(c.Id, unknown[i] == 0 ? null : Value(c.Domain, draws[i]))).ToArray());
    }

    private static string? Value(ValueDomain domain, int draw) => domain.Kind switch
    {
        ValueKind.Integer => (domain.Min + (draw % (domain.Max - domain.Min + 1))).ToString(CultureInfo.InvariantCulture),
        ValueKind.Set => "[" + string.Join(", ", domain.Values.Where((_, i) => ((draw >> i) & 1) == 1)) + "]",
        _ => domain.Values[draw % domain.Values.Count],
    };

    private static string Json(string? value) => value switch
    {
        null => "null",
        "true" or "false" => value,
        ['[', ..] => "[" + string.Join(", ", value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => $"\"{w}\"")) + "]",
        _ when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => value,
        _ => $"\"{value}\"",
    };

    /// <summary>One random edit: delete, insert a token, duplicate a span, swap two halves of a span, or cut the text short.</summary>
    private static string Edit(string text, int at, int kind, string token, int length)
    {
        if (text.Length == 0) return token;
        var i = at % text.Length;
        var n = Math.Min(length, text.Length - i);
        return kind switch
        {
            0 => text.Remove(i, n),
            1 => text.Insert(i, token),
            2 => text.Insert(i, text.Substring(i, n)),
            3 => string.Concat(text.AsSpan(0, i), text.AsSpan(i + n / 2, n - n / 2), text.AsSpan(i, n / 2), text.AsSpan(i + n)),
            _ => text[..i],
        };
    }

    private static void InsideTheFile(IEnumerable<Placement.Diagnostics.Diagnostic> diagnostics, string file, string text, string context)
    {
        var lines = text.Split('\n');
        foreach (var d in diagnostics)
        {
            d.File.Should().Be(file, context);
            d.Line.Should().BeInRange(1, lines.Length + 1, $"{d}\n{context}");
            d.Column.Should().BeGreaterThan(0, $"{d}\n{context}");
            if (d.Line <= lines.Length) d.Column.Should().BeLessThanOrEqualTo(lines[d.Line - 1].Length + 2, $"{d}\n{context}");
        }
    }

    private static string YamlString(string s) => "\"" + YamlEscape(s) + "\"";

    private static string YamlEscape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (char.IsControl(c) || c is >= '\u2028' and <= '\u202E') sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else sb.Append(c);
        }

        return sb.ToString();
    }
}
