using System.Text.Json.Nodes;
using Placement.Documentation;
using Placement.Tests.Schemas;

namespace Placement.Tests.Documentation;

/// <summary>
/// The JSON Schema of a rule set's assessments: what editors and form builders validate answers
/// with. It accepts what the assessment readers accept and rejects what they reject, the copy for
/// the default rules in schemas/ is current, and every example assessment names and passes it.
/// </summary>
public sealed class AssessmentSchemaTests
{
    private const string Regenerate = "dotnet run --project src/Placement.Cli -- schema --out schemas/assessment.schema.json";

    private static string ExamplesFolder => Path.Combine(TestSupport.RepoRoot, "rules", "examples");

    public static TheoryData<string> Examples => new(Directory.GetFiles(ExamplesFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Fact]
    public void SchemaFileForTheDefaultRules_IsUpToDate()
    {
        var file = File.ReadAllText(SchemaFiles.PathOf("assessment.schema.json")).ReplaceLineEndings("\n");

        var generated = AssessmentSchema.ToJson(RuleSet.LoadDefault());

        (file == generated).Should().BeTrue($"schemas/assessment.schema.json must be what the default rules accept; regenerate it with: {Regenerate}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_ValidatesAgainstTheSchema(string file)
    {
        var schema = await SchemaFiles.LoadAsync("assessment.schema.json");
        var text = File.ReadAllText(Path.Combine(ExamplesFolder, file));

        Assessment.TryParse(text, RuleSet.LoadDefault(), file).Diagnostics.Should().BeEmpty();
        schema.Errors(file.EndsWith(".json", StringComparison.Ordinal) ? text : SchemaFiles.YamlToJson(text)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_NamesTheSchemaOnItsFirstLine(string file)
    {
        var first = File.ReadLines(Path.Combine(ExamplesFolder, file)).First();

        first.Should().Be(file.EndsWith(".json", StringComparison.Ordinal)
            ? """{ "$schema": "../../schemas/assessment.schema.json","""
            : "# yaml-language-server: $schema=../../schemas/assessment.schema.json");
    }

    // Accepted by the reader and the schema alike: unknowns as null or absent, every type.
    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "ciwa_ar": null, "pregnant": null, "home_stability": null }""")]
    [InlineData("""{ "ciwa_ar": 0, "cows": 48, "pregnant": true, "home_stability": "unsafe", "withdrawal_substances": ["alcohol"] }""")]
    [InlineData("""{ "$schema": "anything", "relapse_risk": "severe" }""")]
    public async Task AssessmentTheReaderAccepts_ValidatesAgainstTheSchema(string json)
    {
        var schema = await SchemaFiles.LoadAsync("assessment.schema.json");

        Assessment.TryParse(json, RuleSet.LoadDefault()).Diagnostics.Should().BeEmpty();
        schema.Errors(json).Should().BeEmpty();
    }

    // Rejected by the reader and the schema alike.
    [Theory]
    [InlineData("""{ "ciwa_ar": 68 }""", "PL5003")]
    [InlineData("""{ "ciwa_ar": -1 }""", "PL5003")]
    [InlineData("""{ "ciwa_ar": "12" }""", "PL5002")]
    [InlineData("""{ "ciwa_ar": 1.5 }""", "PL5002")]
    [InlineData("""{ "pregnant": "true" }""", "PL5002")]
    [InlineData("""{ "pregnant": 1 }""", "PL5002")]
    [InlineData("""{ "home_stability": "unsfe" }""", "PL5004")]
    [InlineData("""{ "home_stability": ["unsafe"] }""", "PL5002")]
    [InlineData("""{ "relapse_rsk": "low" }""", "PL5001")]
    [InlineData("""{ "withdrawal_severity": "severe" }""", "PL5001")]
    public async Task AssessmentTheReaderRejects_IsRejectedByTheSchema(string json, string code)
    {
        var schema = await SchemaFiles.LoadAsync("assessment.schema.json");

        Assessment.TryParse(json, RuleSet.LoadDefault()).Diagnostics.Select(d => d.Code).Should().Equal(code);
        schema.Errors(json).Should().NotBeEmpty();
    }

    [Fact]
    public void ToJson_DescribesEachCriterionWithItsTypeRangeValuesAndMeaning()
    {
        var schema = JsonNode.Parse(AssessmentSchema.ToJson(RuleSet.LoadDefault()))!;
        var properties = schema["properties"]!;

        schema["$schema"]!.GetValue<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        schema["title"]!.GetValue<string>().Should().Be("Assessment for adult-sud-placement 2.0.0");
        schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        properties.AsObject().Select(p => p.Key).Should().Equal(new[] { "$schema" }.Concat(RuleSet.LoadDefault().Criteria.Select(c => c.Id)));

        var ciwa = properties["ciwa_ar"]!;
        ciwa["title"]!.GetValue<string>().Should().Be("CIWA-Ar score");
        ciwa["description"]!.GetValue<string>().Should().Be(
            "Current Clinical Institute Withdrawal Assessment for Alcohol, revised. A whole number from 0 to 67. Leave it out or write null when unknown. " +
            "Required when withdrawal_substances has any [alcohol, sedative]. Ask tier 2 (1 is asked first).");
        ciwa["type"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("integer", "null");
        ciwa["minimum"]!.GetValue<int>().Should().Be(0);
        ciwa["maximum"]!.GetValue<int>().Should().Be(67);

        properties["pregnant"]!["description"]!.GetValue<string>().Should().Be(
            "Either true or false. Leave it out or write null when unknown. Required: while it is unknown no level can be relied on. Ask tier 2 (1 is asked first).");
        properties["pregnant"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("boolean", "null");
        properties["home_stability"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()).Should().Equal("stable", "unstable", "unsafe", null);
    }

    [Fact]
    public void ToJson_CriterionWithoutLabelOrDescription_IsDescribedByItsId()
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n  - { id: r1, when: flag, flag: x, source: s }\n").RuleSet!;

        var score = JsonNode.Parse(AssessmentSchema.ToJson(rules))!["properties"]!["score"]!;

        score["title"]!.GetValue<string>().Should().Be("score");
        score["description"]!.GetValue<string>().Should().Be("A whole number from 0 to 10. Leave it out or write null when unknown.");
    }

    [Theory]
    [InlineData("{ \"subs\": [\"alcohol\", \"opioid\"] }", true)]
    [InlineData("{ \"subs\": [] }", true)]
    [InlineData("{ \"subs\": null }", true)]
    [InlineData("{ \"subs\": [\"alcohol\", \"alcohol\"] }", false)]
    [InlineData("{ \"subs\": [\"wine\"] }", false)]
    [InlineData("{ \"subs\": \"alcohol\" }", false)]
    public async Task ToJson_SetCriterion_IsAListOfItsWordsEachOnce(string json, bool valid)
    {
        var rules = TestSupport.Load(TestSupport.SetsHeader + "\nrules:\n  - { id: r1, when: subs has alcohol, flag: x, source: s }\n").RuleSet!;
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(AssessmentSchema.ToJson(rules));

        schema.Validate(json).Should().HaveCount(valid ? 0 : 1, json);
        Assessment.TryParse(json, rules).Success.Should().Be(valid, "the readers accept exactly what the schema accepts");
    }

    [Fact]
    public void ToJson_RequiredAndAsk_AreInTheDescription()
    {
        var rules = TestSupport.Load("""
            ruleset: { id: x, version: 1 }
            decisions:
              d: { levels: [ { id: lo }, { id: hi } ] }
            criteria:
              substance: { type: enum, values: [none, opioid], required: true, ask: 1 }
              cows: { type: integer, min: 0, max: 48, required: substance == opioid }
            rules:
              - { id: r1, when: cows >= 13, require: { d: hi }, because: x, source: s }
            """).RuleSet!;

        var schema = JsonNode.Parse(AssessmentSchema.ToJson(rules))!;

        schema["properties"]!["substance"]!["description"]!.GetValue<string>().Should().EndWith("Required: while it is unknown no level can be relied on. Ask tier 1 (1 is asked first).");
        schema["properties"]!["cows"]!["description"]!.GetValue<string>().Should().EndWith("Required when substance == opioid.");
    }
}
