using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Placement.Diagnostics;
using Placement.Yaml;

namespace Placement.Tests.Schemas;

/// <summary>
/// A JSON Schema validator for the keywords our schemas use (type, properties, required,
/// additionalProperties, propertyNames, items, minItems, enum, pattern, local $ref), and a
/// YAML-to-JSON conversion following YAML's core schema for plain scalars. Test code only:
/// no validator package is among the project's allowed test dependencies.
/// </summary>
internal static class MiniSchemaValidator
{
    public static JsonNode LoadSchema(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "schemas", name)))!;

    /// <summary>The errors of <paramref name="instance"/> against <paramref name="schema"/>; empty when valid.</summary>
    public static List<string> Validate(JsonNode? instance, JsonNode schema)
    {
        var errors = new List<string>();
        Check(instance, schema, schema, "$", errors);
        return errors;
    }

    public static JsonNode? FromYaml(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = YamlTreeReader.Read(new SourceText("x.yaml", yaml), bag);
        if (bag.HasErrors) throw new InvalidOperationException(string.Join("; ", bag.Items));
        return Convert(root);
    }

    private static JsonNode? Convert(YNode? node) => node switch
    {
        null => null,
        YMapping m => new JsonObject(m.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key.Value, Convert(e.Value)))),
        YSequence s => new JsonArray(s.Items.Select(Convert).ToArray()),
        YScalar { IsNull: true } => null,
        YScalar { IsPlain: true, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YScalar { IsPlain: true } i when Regex.IsMatch(i.Value, "^[-+]?[0-9]+$") => JsonValue.Create(long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)),
        YScalar { IsPlain: true } f when Regex.IsMatch(f.Value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") => JsonValue.Create(double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)),
        YScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(),
    };

    private static void Check(JsonNode? instance, JsonNode schema, JsonNode root, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            var target = reference.GetValue<string>().TrimStart('#', '/').Split('/').Aggregate(root, (node, part) => node[part]!);
            Check(instance, target, root, path, errors);
        }

        if (schema["type"] is { } type)
        {
            var allowed = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToArray() : [type.GetValue<string>()];
            if (!allowed.Any(t => IsType(instance, t)))
            {
                errors.Add($"{path}: expected {string.Join(" or ", allowed)}");
                return;
            }
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, instance)))
        {
            errors.Add($"{path}: not one of {values.ToJsonString()}");
        }

        if (schema["pattern"] is { } pattern && instance is JsonValue sv && sv.TryGetValue<string>(out var str) && !Regex.IsMatch(str, pattern.GetValue<string>()))
        {
            errors.Add($"{path}: does not match {pattern}");
        }

        if (instance is JsonObject obj)
        {
            var properties = schema["properties"] as JsonObject;
            foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
            {
                if (!obj.ContainsKey(required)) errors.Add($"{path}: missing '{required}'");
            }

            foreach (var (key, value) in obj)
            {
                if (schema["propertyNames"] is { } names) Check(JsonValue.Create(key), names, root, $"{path}.{key} (name)", errors);
                if (properties?[key] is { } propertySchema) Check(value, propertySchema, root, $"{path}.{key}", errors);
                else if (schema["additionalProperties"] is JsonValue extra && !extra.GetValue<bool>()) errors.Add($"{path}: unknown property '{key}'");
                else if (schema["additionalProperties"] is JsonObject extraSchema) Check(value, extraSchema, root, $"{path}.{key}", errors);
            }
        }

        if (instance is JsonArray array)
        {
            if (schema["minItems"] is { } min && array.Count < min.GetValue<int>()) errors.Add($"{path}: fewer than {min} items");
            if (schema["items"] is { } items)
            {
                for (var i = 0; i < array.Count; i++) Check(array[i], items, root, $"{path}[{i}]", errors);
            }
        }
    }

    private static bool IsType(JsonNode? node, string type) => type switch
    {
        "null" => node is null,
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.TryGetValue<string>(out _),
        "boolean" => node is JsonValue v && v.TryGetValue<bool>(out _),
        "integer" => node is JsonValue v && v.TryGetValue<long>(out _),
        "number" => node is JsonValue v && (v.TryGetValue<long>(out _) || v.TryGetValue<double>(out _)),
        _ => false,
    };
}
