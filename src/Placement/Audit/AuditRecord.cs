using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Placement.Explanations;
using Placement.Model;

namespace Placement.Audit;

/// <summary>The reasons a clinician may give for placing someone elsewhere than indicated (the same list the CDS Hooks cards offer).</summary>
public static class OverrideReasons
{
    /// <summary>The reason codes and their displays.</summary>
    public static IReadOnlyList<(string Code, string Display)> All { get; } =
    [
        ("service-not-available", "Service not available"),
        ("patient-preference", "Patient preference"),
        ("clinical-judgement", "Clinical judgement"),
        ("transportation", "Transportation"),
        ("financial", "Financial"),
        ("court-ordered", "Court ordered"),
        ("language-or-culture", "Language or culture"),
        ("other", "Other"),
    ];

    /// <summary>The reason when a level is not available: its code.</summary>
    public const string ServiceNotAvailable = "service-not-available";
}

/// <summary>A clinician's placement at another level than the one indicated, with the reason.</summary>
/// <param name="Decision">The decision overridden (its id).</param>
/// <param name="Indicated">The level the rules indicated (the floor while the decision is open).</param>
/// <param name="Actual">The level chosen.</param>
/// <param name="Reason">One of <see cref="OverrideReasons.All"/>.</param>
/// <param name="Comment">Free text; kept in the audit record, never logged.</param>
public sealed record PlacementOverride(string Decision, string Indicated, string Actual, string Reason, string? Comment)
{
    /// <summary>Records an override of a recommendation, checking the decision, the level and the reason.</summary>
    /// <exception cref="ArgumentException">An unknown decision, level or reason (the message lists the allowed ones).</exception>
    public static PlacementOverride Create(Recommendation recommendation, string decision, string actual, string reason, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var d = recommendation.RuleSet.FindDecision(decision)
            ?? throw new ArgumentException($"'{decision}' is not a decision of rule set {recommendation.RuleSet.Id}", nameof(decision));
        if (d.Levels.All(l => l.Id != actual)) throw new ArgumentException($"'{actual}' is not a level of {d.Id}; levels: {string.Join(", ", d.Levels.Select(l => l.Id))}", nameof(actual));
        if (OverrideReasons.All.All(r => r.Code != reason)) throw new ArgumentException($"'{reason}' is not an override reason; reasons: {string.Join(", ", OverrideReasons.All.Select(r => r.Code))}", nameof(reason));
        return new PlacementOverride(d.Id, recommendation.Floor(d).Id, actual, reason, comment);
    }

    /// <summary>
    /// When the indicated level is not available: the next more intensive level, so that nobody is
    /// placed in less care than indicated; null at the most intensive level.
    /// </summary>
    public static Level? SuggestWhenUnavailable(Recommendation recommendation, string decision)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var d = recommendation.RuleSet.FindDecision(decision)
            ?? throw new ArgumentException($"'{decision}' is not a decision of rule set {recommendation.RuleSet.Id}", nameof(decision));
        var floor = recommendation.Floor(d).Ordinal;
        return floor + 1 < d.Levels.Count ? d.Levels[floor + 1] : null;
    }
}

/// <summary>The outcome of re-running an audit record.</summary>
/// <param name="Reproduces">True when the rule set named gives the recorded result for the recorded answers.</param>
/// <param name="Differences">What differs ("level_of_care floor: recorded php, now iop"); empty when it reproduces.</param>
/// <param name="Problem">Why it could not be checked (not an audit record, the rule set it names is not given), or null.</param>
public sealed record AuditVerification(bool Reproduces, IReadOnlyList<string> Differences, string? Problem);

/// <summary>
/// Self-contained audit records: the time, the rule set (id, version, sha256), the answers, the
/// result (status, each decision's level, floor and ceiling, flags) and any override, as JSON; and
/// their verification by re-running the answers on the rule set the record names.
/// </summary>
public static class AuditRecord
{
    /// <summary>The audit record of a recommendation as indented JSON.</summary>
    /// <param name="recommendation">The recommendation.</param>
    /// <param name="recordedAt">When it was made or acted on.</param>
    /// <param name="override">The clinician's override, if any.</param>
    public static string Create(Recommendation recommendation, DateTimeOffset recordedAt, PlacementOverride? @override = null)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var rec = recommendation;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("recordedAt", recordedAt);
            w.WriteStartObject("ruleSet");
            w.WriteString("id", rec.RuleSet.Id);
            w.WriteString("version", rec.RuleSet.Version);
            w.WriteString("sha256", rec.RuleSet.Sha256);
            w.WriteEndObject();
            w.WritePropertyName("assessment");
            JsonRenderer.WriteAnswers(w, rec.Assessment);
            w.WriteStartObject("result");
            WriteResult(w, rec);
            w.WriteEndObject();
            if (@override is { } o)
            {
                w.WriteStartObject("override");
                w.WriteString("decision", o.Decision);
                w.WriteString("indicated", o.Indicated);
                w.WriteString("actual", o.Actual);
                w.WriteString("reason", o.Reason);
                if (o.Comment is not null) w.WriteString("comment", o.Comment);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Re-runs an audit record on the rule set it names (by sha256) among <paramref name="ruleSets"/> and the embedded default rule set.</summary>
    /// <param name="json">The audit record.</param>
    /// <param name="ruleSets">Rule sets the record may name.</param>
    public static AuditVerification Verify(string json, params RuleSet[] ruleSets)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(ruleSets);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new AuditVerification(false, [], "not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("ruleSet", out var named) || named.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("assessment", out var answers) || answers.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("result", out var recorded) || recorded.ValueKind != JsonValueKind.Object)
        {
            return new AuditVerification(false, [], "not an audit record: it needs the objects 'ruleSet', 'assessment' and 'result'");
        }

        var sha = named.TryGetProperty("sha256", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var rules = ruleSets.Append(RuleSet.LoadDefault()).FirstOrDefault(r => r.Sha256 == sha);
        if (rules is null)
        {
            return new AuditVerification(false, [], $"the record was made by rule set {Text(named, "id")} {Text(named, "version")} (sha256 {sha}); give that rule set");
        }

        Assessment assessment;
        try
        {
            assessment = AssessmentJsonConverter.ReadAnswers(answers, rules);
        }
        catch (JsonException ex)
        {
            return new AuditVerification(false, [], ex.Message);
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            WriteResult(w, rules.Recommend(assessment));
            w.WriteEndObject();
        }

        using var now = JsonDocument.Parse(stream.ToArray());
        var differences = new List<string>();
        Compare(recorded, now.RootElement, "", differences);
        return new AuditVerification(differences.Count == 0, differences, null);
    }

    private static void WriteResult(Utf8JsonWriter w, Recommendation rec)
    {
        w.WriteString("status", LevelText.Status(rec.Status));
        w.WriteStartObject("decisions");
        foreach (var d in rec.RuleSet.Decisions)
        {
            w.WriteStartObject(d.Id);
            if (rec.Level(d) is { } level) w.WriteString("level", level.Id);
            w.WriteString("floor", rec.Floor(d).Id);
            w.WriteString("ceiling", rec.Ceiling(d).Id);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("flags");
        foreach (var f in rec.Flags) w.WriteStringValue(f.Rule);
        w.WriteEndArray();
        w.WriteStartArray("possibleFlags");
        foreach (var f in rec.PossibleFlags) w.WriteStringValue(f.Rule);
        w.WriteEndArray();
    }

    private static void Compare(JsonElement recorded, JsonElement now, string path, List<string> differences)
    {
        if (recorded.ValueKind == JsonValueKind.Object && now.ValueKind == JsonValueKind.Object)
        {
            var names = recorded.EnumerateObject().Select(p => p.Name).Union(now.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            foreach (var name in names)
            {
                var here = path.Length == 0 ? name : $"{path} {name}";
                var had = recorded.TryGetProperty(name, out var r);
                var has = now.TryGetProperty(name, out var n);
                if (had && has) Compare(r, n, here, differences);
                else differences.Add(had ? $"{here}: recorded {r.GetRawText()}, now absent" : $"{here}: not recorded, now {n.GetRawText()}");
            }

            return;
        }

        if (Compact(recorded) != Compact(now)) differences.Add($"{path}: recorded {Compact(recorded)}, now {Compact(now)}");
    }

    /// <summary>A value without layout: arrays item by item, scalars as written.</summary>
    private static string Compact(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? "[" + string.Join(",", e.EnumerateArray().Select(Compact)) + "]"
        : e.GetRawText();

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "?";
}
