using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Placement.Analysis;
using Placement.Diagnostics;
using Placement.Explanations;

namespace Placement.Tests.Schemas;

/// <summary>
/// The JSON the project writes (recommendations, diagnostics, batch lines) validates against its
/// schema in schemas/, and each schema rejects the wrong shapes a consumer must not be sent.
/// </summary>
public sealed class OutputSchemaTests
{
    private const string RecommendationSchema = "recommendation.schema.json";
    private const string DiagnosticsSchema = "diagnostics.schema.json";
    private const string BatchLineSchema = "batch-line.schema.json";

    // A boolean and an enum fact shown with the recommendation, a version written as a number, a
    // level with neither name nor category, a rule without a source and one with a note.
    private const string CustomRules = """
        ruleset: { id: schema-demo, version: 3 }
        decisions:
          care:
            default: low
            levels:
              - { id: low, name: Low, category: outpatient }
              - { id: middle }
              - { id: high, name: High, category: inpatient }
        criteria:
          score: { type: integer, min: 0, max: 10 }
          flag: { type: boolean }
        facts:
          alarm: { type: boolean, output: true }
          severity: { type: enum, values: [none, mild, severe], default: none, output: true }
        rules:
          - { id: F1, when: flag, set: { alarm: true }, because: The flag is set., source: Demo table 1 }
          - { id: F2, when: score >= 5, set: { severity: severe }, because: "A score of {score} is severe.", source: Demo table 2, note: Recheck in a week. }
          - { id: R1, when: severity >= mild, require: { care: middle }, because: "Severity is {severity}.", source: Demo table 3 }
          - { id: R2, when: alarm, require: { care: high }, because: The alarm is raised. }
        """;

    private static readonly Lazy<RuleSet> Custom = new(() => RuleSet.Load([new RuleSource("custom.yaml", CustomRules)]));

    public static TheoryData<string> ExampleFiles => new(
        Directory.GetFiles(TestSupport.Rules10Examples).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RecommendationForEachExample_ValidatesAgainstTheSchema(string file)
    {
        var schema = await SchemaFiles.LoadAsync(RecommendationSchema);
        var rules = TestSupport.Rules;
        var text = File.ReadAllText(Path.Combine(TestSupport.Rules10Examples, file));

        var json = rules.Recommend(Assessment.Parse(text, rules, file)).Explain().ToJson();

        schema.Errors(json).Should().BeEmpty();
    }

    // Provisional ones, and a recommended one whose unknown answer cannot change anything (so nothing is missing).
    public static TheoryData<string, RecommendationStatus> PartialAssessments => new()
    {
        { "{}", RecommendationStatus.Provisional },
        { "withdrawal_substance: alcohol\nciwa_ar: 21\n", RecommendationStatus.Provisional },
        { "relapse_risk: moderate\nnight_support: null\n", RecommendationStatus.Provisional },
        { """{ "withdrawal_substance": "opioid", "cows": 14, "home_stability": "unsafe" }""", RecommendationStatus.Provisional },
        { TestSupport.Yaml("relapse_risk=high, home_stability=unstable, step_down_from=?"), RecommendationStatus.Recommended },
    };

    [Theory]
    [MemberData(nameof(PartialAssessments))]
    public async Task RecommendationWithAnswersMissing_ValidatesAgainstTheSchema(string assessment, RecommendationStatus status)
    {
        var schema = await SchemaFiles.LoadAsync(RecommendationSchema);
        var rules = TestSupport.Rules;

        var rec = rules.Recommend(Assessment.Parse(assessment, rules));

        rec.Status.Should().Be(status);
        rec.Missing.Should().HaveCount(status == RecommendationStatus.Recommended ? 0 : rec.Missing.Count).And.Match(m => status == RecommendationStatus.Recommended || m.Any());
        schema.Errors(rec.Explain().ToJson()).Should().BeEmpty();
    }

    public static TheoryData<string> CustomAssessments => new()
    {
        "flag: true\nscore: 7\n",
        "score: 7\n",
        "flag: false\nscore: 1\n",
        "{}",
    };

    [Theory]
    [MemberData(nameof(CustomAssessments))]
    public async Task RecommendationOfACustomRuleSet_ValidatesAgainstTheSchema(string assessment)
    {
        var schema = await SchemaFiles.LoadAsync(RecommendationSchema);

        var json = Custom.Value.Recommend(Assessment.Parse(assessment, Custom.Value)).Explain().ToJson();

        schema.Errors(json).Should().BeEmpty();
    }

    private static readonly Lazy<RuleSet> Flagged = new(() => RuleSet.Load([new RuleSource("flags.yaml", ReviewFlagTests.Rules)]));

    // Flags fired, flags possible, and none.
    [Theory]
    [InlineData("score: 9\npregnant: true\nhome: unsafe\n")]
    [InlineData("score: 6\n")]
    [InlineData("score: 1\npregnant: false\nhome: stable\n")]
    public async Task RecommendationAndBatchLineWithFlags_ValidateAgainstTheSchemas(string assessment)
    {
        var recommendationSchema = await SchemaFiles.LoadAsync(RecommendationSchema);
        var batchSchema = await SchemaFiles.LoadAsync(BatchLineSchema);

        var rec = Flagged.Value.Recommend(Assessment.Parse(assessment, Flagged.Value));

        recommendationSchema.Errors(rec.Explain().ToJson()).Should().BeEmpty();
        batchSchema.Errors(BatchLine(rec, 1, explain: false)).Should().BeEmpty();
        batchSchema.Errors(BatchLine(rec, 1, explain: true)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, "flags.0.text", null)]
    [InlineData(false, "flags.0.rule", "\"1x\"")]
    [InlineData(false, "possibleFlags", null)]
    [InlineData(false, "flags", "[\"F1\"]")]
    [InlineData(true, "recommendation.flags.0.level", "\"high\"")]
    [InlineData(true, "recommendation.possibleFlags", "{}")]
    public async Task BatchLineWithAWrongFlag_IsRejected(bool explain, string path, string? replacement)
    {
        var schema = await SchemaFiles.LoadAsync(BatchLineSchema);
        var line = BatchLine(Flagged.Value.Recommend(Assessment.Parse("score: 9\npregnant: true\nhome: unsafe\n", Flagged.Value)), 1, explain);
        schema.Errors(line).Should().BeEmpty();

        schema.Errors(With(line, path, replacement)).Should().NotBeEmpty();
    }

    [Fact]
    public void RecommendationJson_WritesFactValuesInTheirJsonTypes()
    {
        var json = JsonNode.Parse(CustomJson("score: 7\n"))!;

        json["facts"]!["alarm"]!["floor"]!.GetValueKind().Should().Be(JsonValueKind.False);
        json["facts"]!["alarm"]!["ceiling"]!.GetValueKind().Should().Be(JsonValueKind.True);
        json["facts"]!["severity"]!["floor"]!.GetValue<string>().Should().Be("severe");
        json["ruleSet"]!["version"]!.GetValue<string>().Should().Be("3");
        json["decisions"]!["care"]!["floor"]!["name"]!.GetValue<string>().Should().Be("middle");
        json["decisions"]!["care"]!["floor"]!["category"].Should().BeNull();
    }

    // Each row changes one property of a valid recommendation (null removes it).
    [Theory]
    [InlineData("facts.alarm.floor", "\"true\"")]
    [InlineData("facts.alarm.ceiling", "\"true\"")]
    [InlineData("facts.alarm.floor", "1")]
    [InlineData("facts.severity.floor", "true")]
    [InlineData("facts.severity.ceiling", "\"Severe\"")]
    [InlineData("facts.severity.because", null)]
    [InlineData("decisions.care.floor.category", "\"acute\"")]
    [InlineData("decisions.care.floor", "\"high\"")]
    [InlineData("decisions.care.because.0.source", null)]
    [InlineData("decisions.care.whyNotHigher", "{}")]
    [InlineData("decisions.Care", "{}")]
    [InlineData("decisions.care.determined", "\"yes\"")]
    [InlineData("decisions.care.ceiling", null)]
    [InlineData("boundsExact", null)]
    [InlineData("requiredMissing", "[\"Flag\"]")]
    [InlineData("ruleSet.version", "3")]
    [InlineData("ruleSet.sha256", "\"not a hash\"")]
    [InlineData("status", "\"final\"")]
    [InlineData("missing", "[\"flag\"]")]
    [InlineData("disclaimer", null)]
    [InlineData("title", "\"an unknown property\"")]
    public async Task RecommendationWithAWrongShape_IsRejected(string path, string? replacement)
    {
        var schema = await SchemaFiles.LoadAsync(RecommendationSchema);
        var json = CustomJson("flag: true\nscore: 7\n");
        schema.Errors(json).Should().BeEmpty();

        schema.Errors(With(json, path, replacement)).Should().NotBeEmpty();
    }

    // Several errors in two files, with "did you mean" suggestions, and warnings.
    private static readonly RuleSource[] BrokenRules =
    [
        new("a.yaml", """
            ruleset: { id: broken, version: 1 }
            decisions:
              care:
                levels:
                  - { id: low, category: outpatent }
                  - { id: high }
            criteria:
              flag: { type: boolen }
              score: { type: integer, min: 0, max: 10 }
            """),
        new("b.yaml", """
            rules:
              - { id: R1, when: scor >= 5, require: { care: high }, because: x }
              - { id: R2, when: score >= 8, require: { care: hihg } }
            """),
    ];

    [Fact]
    public async Task DiagnosticsOfABrokenRuleSet_ValidateAgainstTheSchema()
    {
        var schema = await SchemaFiles.LoadAsync(DiagnosticsSchema);

        var diagnostics = RuleSet.TryLoad(BrokenRules).Diagnostics;

        diagnostics.Count(d => d.IsError).Should().BeGreaterThanOrEqualTo(3);
        diagnostics.Should().Contain(d => d.Suggestion != null);
        diagnostics.Select(d => d.File).Should().Contain("a.yaml").And.Contain("b.yaml");
        schema.Errors(DiagnosticJson.ToJson(diagnostics)).Should().BeEmpty();
        schema.Errors(DiagnosticJson.ToJson(diagnostics, indented: false)).Should().BeEmpty();
    }

    [Fact]
    public async Task CheckWarnings_ValidateAgainstTheSchema()
    {
        var schema = await SchemaFiles.LoadAsync(DiagnosticsSchema);
        var rules = TestSupport.Load(TestSupport.MiniHeader).RuleSet!;

        var warnings = RuleSetChecker.Check(rules);

        warnings.Should().NotBeEmpty().And.OnlyContain(d => !d.IsError);
        schema.Errors(DiagnosticJson.ToJson(warnings)).Should().BeEmpty();
    }

    [Fact]
    public async Task DiagnosticsOfInvalidAssessments_ValidateAgainstTheSchema()
    {
        var schema = await SchemaFiles.LoadAsync(DiagnosticsSchema);
        var rules = TestSupport.Rules;

        var yaml = Assessment.TryParse("ciwa_ar: 99\nwithdrawal_substanse: alcohol\nrelapse_risk: moderat\n", rules, "a.yaml").Diagnostics;
        var json = Assessment.TryParseJson("""{"ciwa_ar": "high", "relapse_risk": "moderat"}"""u8, rules, "in.ndjson", line: 7).Diagnostics;

        yaml.Should().HaveCountGreaterThanOrEqualTo(3).And.Contain(d => d.Suggestion != null);
        json.Should().HaveCountGreaterThanOrEqualTo(2);
        schema.Errors(DiagnosticJson.ToJson(yaml)).Should().BeEmpty();
        schema.Errors(DiagnosticJson.ToJson(json)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("0.severity", "\"fatal\"")]
    [InlineData("0.code", "\"E1001\"")]
    [InlineData("0.line", "0")]
    [InlineData("0.column", "\"3\"")]
    [InlineData("0.message", null)]
    [InlineData("0.hint", "\"an unknown property\"")]
    public async Task DiagnosticWithAWrongShape_IsRejected(string path, string? replacement)
    {
        var schema = await SchemaFiles.LoadAsync(DiagnosticsSchema);
        var json = DiagnosticJson.ToJson(RuleSet.TryLoad(BrokenRules).Diagnostics);
        schema.Errors(json).Should().BeEmpty();

        schema.Errors(With(json, path, replacement)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task DiagnosticWithANullSuggestion_IsRejected()
    {
        var schema = await SchemaFiles.LoadAsync(DiagnosticsSchema);
        var json = JsonNode.Parse(DiagnosticJson.ToJson(RuleSet.TryLoad(BrokenRules).Diagnostics))!.AsArray();
        var withSuggestion = json.First(d => d!["suggestion"] is not null)!;

        withSuggestion["suggestion"] = null;

        schema.Errors(json.ToJsonString()).Should().NotBeEmpty();
    }

    public static TheoryData<bool, string, bool> BatchCases => new()
    {
        { false, TestSupport.Yaml(""), false },
        { false, TestSupport.Yaml(""), true },
        { false, "{}", false },
        { false, "{}", true },
        { true, "score: 7\n", false },
        { true, "score: 7\n", true },
    };

    [Theory]
    [MemberData(nameof(BatchCases))]
    public async Task BatchLine_ValidatesAgainstTheSchemaInBothForms(bool custom, string assessment, bool explain)
    {
        var schema = await SchemaFiles.LoadAsync(BatchLineSchema);
        var rules = custom ? Custom.Value : TestSupport.Rules;

        var line = BatchLine(rules.Recommend(Assessment.Parse(assessment, rules)), 42, explain);

        (JsonNode.Parse(line)!["recommendation"] is not null).Should().Be(explain);
        schema.Errors(line).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, "line", "0")]
    [InlineData(false, "status", "\"final\"")]
    [InlineData(false, "missing", "[{ \"criterion\": \"flag\" }]")]
    [InlineData(false, "decisions.care.name", "\"High\"")]
    [InlineData(false, "decisions.care.floor", null)]
    [InlineData(false, "firedRules", null)]
    [InlineData(false, "recommendation", "{}")]
    [InlineData(true, "line", "\"42\"")]
    [InlineData(true, "status", "\"provisional\"")]
    [InlineData(true, "recommendation.facts.alarm.floor", "\"false\"")]
    [InlineData(true, "recommendation.disclaimer", null)]
    public async Task BatchLineWithAWrongShape_IsRejected(bool explain, string path, string? replacement)
    {
        var schema = await SchemaFiles.LoadAsync(BatchLineSchema);
        var line = BatchLine(Custom.Value.Recommend(Assessment.Parse("score: 7\n", Custom.Value)), 42, explain);
        schema.Errors(line).Should().BeEmpty();

        schema.Errors(With(line, path, replacement)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(false, "\"A-17\"")]
    [InlineData(false, "12345")]
    [InlineData(true, "\"A-17\"")]
    public async Task BatchLineWithARecordKey_ValidatesAgainstTheSchema(bool explain, string key)
    {
        var schema = await SchemaFiles.LoadAsync(BatchLineSchema);
        var rec = Custom.Value.Recommend(Assessment.Parse("score: 7\n", Custom.Value));

        var line = BatchLine(rec, 42, explain, key);

        JsonNode.Parse(line)!["key"]!.ToJsonString().Should().Be(key);
        schema.Errors(line).Should().BeEmpty();
        schema.Errors(With(line, "key", "{ \"name\": \"x\" }")).Should().NotBeEmpty();
        schema.Errors(With(line, "key", "true")).Should().NotBeEmpty();
    }

    private static string CustomJson(string assessment) =>
        Custom.Value.Recommend(Assessment.Parse(assessment, Custom.Value)).Explain().ToJson();

    private static string BatchLine(Recommendation recommendation, int line, bool explain, string? key = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            BatchResultJson.Write(writer, recommendation, line, explain, key);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The JSON with the property at a dotted path (array items by index) set to a JSON value, or removed when it is null.</summary>
    private static string With(string json, string path, string? replacement)
    {
        var root = JsonNode.Parse(json)!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) =>
            node is JsonArray array ? array[int.Parse(part, CultureInfo.InvariantCulture)]! : node[part]!).AsObject();
        if (replacement is null) parent.Remove(parts[^1]).Should().BeTrue($"{path} is in the output");
        else parent[parts[^1]] = JsonNode.Parse(replacement);
        return root.ToJsonString();
    }
}
