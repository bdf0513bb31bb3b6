using NJsonSchema;
using YamlDotNet.Serialization;

namespace Placement.Tests.Schemas;

/// <summary>
/// The JSON Schemas in schemas/, loaded and validated with NJsonSchema, and YAML read as JSON
/// with YamlDotNet (plain scalars typed the way editors read them: true/false as booleans,
/// numbers as numbers, null and ~ as null).
/// </summary>
internal static class SchemaFiles
{
    public static readonly string[] All =
        ["ruleset.schema.json", "tests.schema.json", "recommendation.schema.json", "diagnostics.schema.json", "batch-line.schema.json", "assessment.schema.json",
         "cds-hooks/discovery.schema.json", "cds-hooks/cards.schema.json", "cds-hooks/feedback.schema.json"];

    private static readonly IDeserializer YamlReader = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
    private static readonly ISerializer JsonWriter = new SerializerBuilder().JsonCompatible().Build();

    public static string PathOf(string name) => Path.Combine(TestSupport.RepoRoot, "schemas", name);

    /// <summary>A schema from schemas/; a reference to another file there is read from disk, never fetched.</summary>
    public static Task<JsonSchema> LoadAsync(string name) => JsonSchema.FromFileAsync(PathOf(name));

    /// <summary>Every validation error (with nested ones) of the JSON text; empty when it is valid.</summary>
    public static List<string> Errors(this JsonSchema schema, string json) =>
        schema.Validate(json).Select(e => e.ToString()).ToList();

    public static string YamlToJson(string yaml) => JsonWriter.Serialize(YamlReader.Deserialize<object>(yaml)!);
}
