using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Placement.Explanations;

/// <summary>
/// System.Text.Json for apps that store and reload results, without reflection (trimming- and
/// AOT-safe): type information for <see cref="Placement.Recommendation"/> and
/// <see cref="Placement.Assessment"/>, made from their converters with
/// <see cref="JsonMetadataServices"/> as a source-generated context would. A recommendation is written in
/// the shape of <c>placement recommend --format json</c> (camelCase, including the answers it was
/// made from); an assessment as its answers (the assessment file format). Reading a recommendation
/// back re-runs its answers on the rule set it names (by sha256) and checks that the stored result
/// is what that rule set gives, so a recommendation read back equals the original; a rule set it
/// names that is not known, or a stored result that does not reproduce, is a
/// <see cref="JsonException"/>. <see cref="Default"/> knows the embedded default rule set; use
/// <see cref="For"/> for others. As an <see cref="IJsonTypeInfoResolver"/> it also plugs into
/// <see cref="JsonSerializerOptions.TypeInfoResolverChain"/> (for example ASP.NET Core's JSON options).
/// </summary>
/// <example><code>
/// string json = JsonSerializer.Serialize(rec, PlacementJson.Default.Recommendation);
/// Recommendation back = JsonSerializer.Deserialize(json, PlacementJson.For(rules).Recommendation)!;
/// </code></example>
public sealed class PlacementJson : IJsonTypeInfoResolver
{
    private readonly RecommendationJsonConverter _recommendation;
    private readonly AssessmentJsonConverter _assessment;

    private PlacementJson(RuleSet[] ruleSets)
    {
        _recommendation = new RecommendationJsonConverter(ruleSets);
        _assessment = new AssessmentJsonConverter(ruleSets);
        var options = new JsonSerializerOptions { TypeInfoResolver = this };
        Recommendation = (JsonTypeInfo<Recommendation>)options.GetTypeInfo(typeof(Recommendation));
        Assessment = (JsonTypeInfo<Assessment>)options.GetTypeInfo(typeof(Assessment));
    }

    /// <summary>Reads and writes recommendations of the embedded default rule set, and its assessments.</summary>
    public static PlacementJson Default { get; } = new([]);

    /// <summary>Type information for <see cref="Placement.Recommendation"/>.</summary>
    public JsonTypeInfo<Recommendation> Recommendation { get; }

    /// <summary>Type information for <see cref="Placement.Assessment"/>.</summary>
    public JsonTypeInfo<Assessment> Assessment { get; }

    /// <summary>
    /// Reads recommendations made by any of <paramref name="ruleSets"/> (and by the embedded default
    /// rule set), and assessments for the first of them.
    /// </summary>
    /// <param name="ruleSets">The rule sets stored recommendations may name.</param>
    public static PlacementJson For(params RuleSet[] ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        return new PlacementJson([.. ruleSets]);
    }

    /// <inheritdoc />
    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(Recommendation)) return JsonMetadataServices.CreateValueInfo<Recommendation>(options, _recommendation);
        if (type == typeof(Assessment)) return JsonMetadataServices.CreateValueInfo<Assessment>(options, _assessment);
        return null;
    }
}

/// <summary>Writes a recommendation as <c>--format json</c> does; reads one back by re-running its answers on the rule set it names.</summary>
public sealed class RecommendationJsonConverter : JsonConverter<Recommendation>
{
    private readonly RuleSet[] _ruleSets;

    /// <summary>A converter that knows only the embedded default rule set.</summary>
    public RecommendationJsonConverter()
        : this([])
    {
    }

    /// <summary>A converter that knows <paramref name="ruleSets"/> and the embedded default rule set.</summary>
    /// <param name="ruleSets">The rule sets stored recommendations may name.</param>
    public RecommendationJsonConverter(IEnumerable<RuleSet> ruleSets) => _ruleSets = [.. ruleSets];

    /// <inheritdoc />
    public override Recommendation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ruleSet", out var named) || !root.TryGetProperty("assessment", out var answers))
        {
            throw new JsonException("a stored recommendation is an object with 'ruleSet' and 'assessment' (the shape of placement recommend --format json)");
        }

        var sha = named.TryGetProperty("sha256", out var s) ? s.GetString() : null;
        var rules = _ruleSets.Append(RuleSet.LoadDefault()).FirstOrDefault(r => r.Sha256 == sha)
            ?? throw new JsonException($"the recommendation was made by rule set {Text(named, "id")} {Text(named, "version")} (sha256 {sha}), which this context does not know; pass it to PlacementJsonContext.For");
        var assessment = AssessmentJsonConverter.ReadAnswers(answers, rules);
        var rec = rules.Recommend(assessment);
        CheckReproduces(root, rec);
        return rec;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Recommendation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Explain().ToJson(indented: false));
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "?";

    /// <summary>The stored status and levels must be what the rule set gives now: a stored result is never silently replaced by another.</summary>
    private static void CheckReproduces(JsonElement stored, Recommendation rec)
    {
        var status = Text(stored, "status");
        if (status != LevelText.Status(rec.Status))
        {
            throw new JsonException($"the stored status '{status}' is not what rule set {rec.RuleSet.Id} {rec.RuleSet.Version} gives for the stored answers ('{LevelText.Status(rec.Status)}')");
        }

        if (!stored.TryGetProperty("decisions", out var decisions) || decisions.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a stored recommendation has 'decisions'");
        }

        foreach (var d in rec.RuleSet.Decisions)
        {
            if (!decisions.TryGetProperty(d.Id, out var stored1)
                || Text(stored1.TryGetProperty("floor", out var f) ? f : default, "id") != rec.Floor(d).Id
                || Text(stored1.TryGetProperty("ceiling", out var c) ? c : default, "id") != rec.Ceiling(d).Id)
            {
                throw new JsonException($"the stored '{d.Id}' is not what rule set {rec.RuleSet.Id} {rec.RuleSet.Version} gives for the stored answers");
            }
        }
    }
}

/// <summary>Writes an assessment as its answers by criterion id (the assessment file format); reads one for a known rule set.</summary>
public sealed class AssessmentJsonConverter : JsonConverter<Assessment>
{
    private readonly RuleSet _ruleSet;

    /// <summary>A converter reading assessments for the embedded default rule set.</summary>
    public AssessmentJsonConverter()
        : this([])
    {
    }

    /// <summary>A converter reading assessments for the first of <paramref name="ruleSets"/> (the embedded default rule set when none).</summary>
    /// <param name="ruleSets">The rule sets; the first is the one assessments are read for.</param>
    public AssessmentJsonConverter(IEnumerable<RuleSet> ruleSets) => _ruleSet = ruleSets.FirstOrDefault() ?? RuleSet.LoadDefault();

    /// <inheritdoc />
    public override Assessment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return ReadAnswers(doc.RootElement, _ruleSet);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Assessment value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonRenderer.WriteAnswers(writer, value);
    }

    internal static Assessment ReadAnswers(JsonElement answers, RuleSet rules)
    {
        if (answers.ValueKind != JsonValueKind.Object) throw new JsonException("an assessment is an object of criterion ids to answers");
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in answers.EnumerateObject()) dictionary[p.Name] = p.Value.Clone();
        var result = Assessment.TryFrom(dictionary, rules, "json");
        return result.Assessment ?? throw new JsonException("the stored answers are not valid for rule set " + rules.Id + ": " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
    }
}
