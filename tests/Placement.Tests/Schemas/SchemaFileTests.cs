using System.Text.Json.Nodes;

namespace Placement.Tests.Schemas;

/// <summary>
/// Every schema in schemas/ names itself, and uses only keywords NJsonSchema enforces. It skips
/// keywords it does not know (propertyNames, const, if/then/else, unevaluatedProperties, ...)
/// without a word, so a schema using them would pass these tests while checking nothing; and it
/// does not resolve references inside draft 2020-12 <c>$defs</c>, hence draft-07 and <c>definitions</c>.
/// </summary>
public sealed class SchemaFileTests
{
    // Checked to be enforced by NJsonSchema 11.6.2 (or, for the first row, annotations only);
    // uniqueItems (set criteria) by AssessmentSchemaTests.ToJson_SetCriterion_IsAListOfItsWordsEachOnce.
    private static readonly HashSet<string> Keywords =
    [
        "$schema", "$id", "title", "description", "default",
        "$ref", "definitions", "type", "enum", "not", "oneOf",
        "properties", "patternProperties", "additionalProperties", "required",
        "items", "minItems", "uniqueItems", "pattern", "minLength", "minimum", "maximum",

        // maxLength: the CDS Hooks card summary; checked in Placement.Server.Tests (CdsHooksTests.CardSchema_RejectsASummaryOf140Characters).
        "maxLength",
    ];

    // Written by 'placement schema' for one rule set, so it names that rule set in its title instead of a $id.
    private const string Generated = "assessment.schema.json";

    public static TheoryData<string> Schemas => new(SchemaFiles.All);

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_UsesOnlyKeywordsTheValidatorEnforces(string name)
    {
        var unknown = new List<string>();

        CollectUnknownKeywords(Read(name), "$", unknown);

        unknown.Should().BeEmpty("NJsonSchema ignores these keywords, so they would check nothing");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_HasItsIdTitleAndDraft(string name)
    {
        var schema = Read(name);

        schema["$schema"]!.GetValue<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        if (name == Generated) schema["$id"].Should().BeNull();
        else schema["$id"]!.GetValue<string>().Should().Be("https://placement.example/schemas/" + name);
        schema["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        schema["description"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void EverySchemaFile_IsCovered()
    {
        var root = Path.Combine(TestSupport.RepoRoot, "schemas");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));

        files.Should().BeEquivalentTo(SchemaFiles.All);
    }

    private static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllText(SchemaFiles.PathOf(name)))!.AsObject();

    private static void CollectUnknownKeywords(JsonNode? schema, string path, List<string> unknown)
    {
        if (schema is not JsonObject obj) return;
        foreach (var (key, value) in obj)
        {
            if (!Keywords.Contains(key)) unknown.Add($"{path}.{key}");
            switch (key)
            {
                case "properties" or "patternProperties" or "definitions":
                    foreach (var (name, sub) in value!.AsObject()) CollectUnknownKeywords(sub, $"{path}.{key}.{name}", unknown);
                    break;
                case "items" or "additionalProperties" or "not":
                    CollectUnknownKeywords(value, $"{path}.{key}", unknown);
                    break;
                case "oneOf":
                    var items = value!.AsArray();
                    for (var i = 0; i < items.Count; i++) CollectUnknownKeywords(items[i], $"{path}.{key}[{i}]", unknown);
                    break;
            }
        }
    }
}
