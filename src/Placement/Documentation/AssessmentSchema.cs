using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Placement.Model;

namespace Placement.Documentation;

/// <summary>
/// The JSON Schema (draft-07) of the assessments a rule set accepts, for editors and form builders:
/// one optional property per criterion with its type, range or allowed words, its label as
/// <c>title</c> and its meaning as <c>description</c>; <c>null</c> is allowed (unknown), and no other
/// property is, except <c>$schema</c>, which the assessment readers ignore.
/// </summary>
public static class AssessmentSchema
{
    /// <summary>The JSON Schema dialect written.</summary>
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    private const string Unknown = "Leave it out or write null when unknown.";

    /// <summary>The schema as indented JSON with '\n' line endings and a final newline.</summary>
    public static string ToJson(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Draft);
            w.WriteString("title", $"Assessment for {rules.Id} {rules.Version}");
            w.WriteString("description",
                $"The answers an assessment gives to the criteria of rule set {rules.Id} {rules.Version}{(rules.Title is null ? "" : $" ({rules.Title})")}, " +
                "as YAML or JSON. Every criterion is optional: one left out or null is unknown, and the recommendation says what it could change. " +
                "Written by 'placement schema' from the rule set; regenerate it rather than edit it.");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            w.WriteStartObject("$schema");
            w.WriteString("description", "The schema this assessment follows, for editors; it is not an answer and is ignored when the assessment is read.");
            w.WriteString("type", "string");
            w.WriteEndObject();
            foreach (var criterion in rules.Criteria) WriteCriterion(w, criterion);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        // '\n' on every system (JsonWriterOptions.NewLine is .NET 9 and later; this package also targets .NET 8).
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>One criterion: a new kind of value is one more arm of the switch.</summary>
    private static void WriteCriterion(Utf8JsonWriter w, Criterion c)
    {
        var domain = c.Domain;
        w.WriteStartObject(c.Id);
        w.WriteString("title", c.Label);
        switch (domain.Kind)
        {
            case ValueKind.Boolean:
                w.WriteString("description", Describe(c, "Either true or false."));
                WriteTypeOrNull(w, "boolean");
                break;
            case ValueKind.Integer:
                w.WriteString("description", Describe(c, $"A whole number from {domain.Min} to {domain.Max}."));
                WriteTypeOrNull(w, "integer");
                w.WriteNumber("minimum", domain.Min);
                w.WriteNumber("maximum", domain.Max);
                break;
            case ValueKind.Enum:
                w.WriteString("description", Describe(c, $"One of {string.Join(", ", domain.WordsWithLabels())}."));
                w.WriteStartArray("enum");
                foreach (var value in domain.Values) w.WriteStringValue(value);
                w.WriteNullValue();
                w.WriteEndArray();
                break;
            case ValueKind.Set:
                w.WriteString("description", Describe(c, $"A list of any of {string.Join(", ", domain.WordsWithLabels())}, each at most once; [] for none of them."));
                WriteTypeOrNull(w, "array");
                w.WriteStartObject("items");
                w.WriteStartArray("enum");
                foreach (var value in domain.Values) w.WriteStringValue(value);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteBoolean("uniqueItems", true);
                break;
            default:
                throw new NotSupportedException($"criterion '{c.Id}': the assessment schema has no form for {domain.Kind} values yet");
        }

        w.WriteEndObject();
    }

    private static void WriteTypeOrNull(Utf8JsonWriter w, string type)
    {
        w.WriteStartArray("type");
        w.WriteStringValue(type);
        w.WriteStringValue("null");
        w.WriteEndArray();
    }

    /// <summary>The criterion's description (when it has one), what it accepts, and how to say unknown.</summary>
    private static string Describe(Criterion c, string accepts)
    {
        var meaning = c.Description?.Trim();
        var required = c.IsRequired ? " Required: while it is unknown no level can be relied on."
            : c.RequiredWhen is { } when ? $" Required when {when}."
            : "";
        var ask = c.Ask is { } tier ? $" Ask tier {tier} (1 is asked first)." : "";
        if (string.IsNullOrEmpty(meaning)) return $"{accepts} {Unknown}{required}{ask}";
        return $"{meaning}{(meaning.EndsWith('.') ? "" : ".")} {accepts} {Unknown}{required}{ask}";
    }
}
