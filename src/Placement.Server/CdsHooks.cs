using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Placement.Explanations;
using Placement.Fhir;
using Placement.Hosting;

namespace Placement.Server;

/// <summary>
/// CDS Hooks 2.0: discovery at <c>GET /cds-services</c>, one service per rule set on
/// <c>patient-view</c> and <c>encounter-start</c> reading the patient's latest
/// QuestionnaireResponse from <c>prefetch</c> (412 when it is absent), and
/// <c>POST /cds-services/{id}/feedback</c> recording whether a card was accepted or overridden.
/// The request, card and feedback shapes are our own records, written from the specification.
/// Cards offer <see cref="Audit.OverrideReasons.All"/> (system <c>urn:placement:override-reason</c>).
/// </summary>
public static class CdsHooks
{
    /// <summary>The prefetch key the services ask for.</summary>
    public const string PrefetchKey = "questionnaireResponse";

    /// <summary>How many feedback items are kept (in memory, for this process only).</summary>
    public const int MaxFeedback = 10_000;

    /// <summary>The longest <c>userComment</c> of a feedback item kept; a longer one is 400.</summary>
    public const int MaxCommentLength = 2_000;

    /// <summary>The longest <c>card</c> (a card's uuid) in feedback; a longer one is 400.</summary>
    public const int MaxCardIdLength = 100;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Maps the CDS Hooks endpoints onto an app that has called <c>AddPlacement</c>.</summary>
    /// <param name="endpoints">The app.</param>
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var feedback = new ConcurrentQueue<FeedbackRecord>();
        endpoints.MapGet("/cds-services", (IPlacementEngine engine) => Results.Json(new Discovery([.. engine.Names.SelectMany(n => Services(engine, n))]), Json))
            .WithName("CdsDiscovery").WithSummary("CDS Hooks discovery: the services and the prefetch each needs");
        endpoints.MapPost("/cds-services/{id}", (string id, JsonElement request, IPlacementEngine engine) => Invoke(id, request, engine))
            .WithName("CdsService").WithSummary("A CDS Hooks call: cards for the patient's latest QuestionnaireResponse");
        endpoints.MapPost("/cds-services/{id}/feedback", (string id, JsonElement body, IPlacementEngine engine) => Feedback(id, body, engine, feedback))
            .WithName("CdsFeedback").WithSummary("CDS Hooks feedback: whether a card was accepted or overridden, and why");
        endpoints.MapGet("/cds-services/{id}/feedback", (string id) => Results.Json(feedback.Where(f => f.Service == id).ToArray(), Json))
            .WithName("CdsFeedbackRecorded").WithSummary("The feedback recorded for a service since the start");
        return endpoints;
    }

    private static IEnumerable<Service> Services(IPlacementEngine engine, string name)
    {
        var rules = engine.GetRuleSet(name);
        var prefetch = new Dictionary<string, string>
        {
            [PrefetchKey] = $"QuestionnaireResponse?subject={{{{context.patientId}}}}&questionnaire={FhirQuestionnaire.Url(rules)}&status=completed&_sort=-authored&_count=1",
        };
        foreach (var hook in new[] { "patient-view", "encounter-start" })
        {
            yield return new Service(hook, ServiceId(name, hook), $"Level of care ({rules.Title ?? rules.Id})",
                $"Recommends a level of care for substance use disorder from the patient's latest answers to {FhirQuestionnaire.Url(rules)} (rule set {rules.Id} {rules.Version}); says what to ask when answers are missing.",
                prefetch);
        }
    }

    private static string ServiceId(string name, string hook) => $"placement-{name}-{hook}";

    private static string? RuleSetOf(IPlacementEngine engine, string id) =>
        engine.Names.FirstOrDefault(n => id == ServiceId(n, "patient-view") || id == ServiceId(n, "encounter-start"));

    private static IResult Invoke(string id, JsonElement request, IPlacementEngine engine)
    {
        if (RuleSetOf(engine, id) is not { } name) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"no CDS service '{id}'; see GET /cds-services");
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String)
        {
            return Results.Problem(statusCode: 400, title: "Bad Request", detail: "a CDS Hooks request is an object with 'hook', 'hookInstance' and 'context'");
        }

        // Without the prefetched answers the service cannot work (it does not query the EHR's FHIR server): 412, as the specification says.
        if (!request.TryGetProperty("prefetch", out var prefetch) || prefetch.ValueKind != JsonValueKind.Object
            || !prefetch.TryGetProperty(PrefetchKey, out var found) || found.ValueKind != JsonValueKind.Object)
        {
            return Results.Problem(statusCode: 412, title: "Precondition Failed",
                detail: $"prefetch '{PrefetchKey}' (the patient's latest QuestionnaireResponse) is missing; the service does not query the FHIR server itself");
        }

        var rules = engine.GetRuleSet(name);
        var response = QuestionnaireResponseIn(found.GetRawText());
        if (response is null) return Results.Json(new CardsResponse([NoAnswersCard(rules)]), Json);
        var read = FhirAssessment.FromQuestionnaireResponse(response, rules);
        if (read.Assessment is not { } assessment)
        {
            return Results.Json(new CardsResponse([InvalidAnswersCard(rules, read.Outcome)]), Json);
        }

        var rec = engine.Recommend(assessment);
        return Results.Json(new CardsResponse([CardFor(rec, instance.GetString()!)]), Json);
    }

    /// <summary>The QuestionnaireResponse prefetched: the resource itself, or the first in a search Bundle; null when there is none.</summary>
    private static QuestionnaireResponse? QuestionnaireResponseIn(string json)
    {
        Resource? resource;
        try
        {
            resource = new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(json);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The FHIR parser has thrown more than its own exceptions on bad input (IndexOutOfRangeException
            // for an empty property name): any failure is "no usable questionnaire response", never a 500.
            return null;
        }

        return resource switch
        {
            QuestionnaireResponse qr => qr,
            Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().FirstOrDefault(),
            _ => null,
        };
    }

    /// <summary>
    /// The card for a recommendation: critical for an emergency evaluation or the most intensive
    /// level, warning while not every level is decided or a review flag is raised, info otherwise.
    /// </summary>
    internal static Card CardFor(Recommendation rec, string hookInstance)
    {
        var rules = rec.RuleSet;
        var first = rules.Decisions[0];
        var emergency = rec.Facts.TryGetValue("emergency_evaluation", out var e) && e.Floor == "true";
        var top = rules.Decisions.Any(d => rec.Floor(d).Ordinal == d.Levels.Count - 1);
        var indicator = emergency || top ? "critical"
            : rec.Status != RecommendationStatus.Recommended || rec.Flags.Count + rec.PossibleFlags.Count > 0 ? "warning"
            : "info";
        var summary = rec.Level(first) is { } level
            ? $"{first.Label}: {level.Name}"
            : $"{first.Label}: at least {rec.Floor(first).Name}; answers missing";
        if (emergency) summary = "Emergency evaluation now. " + summary;
        if (summary.Length > 139) summary = summary[..138] + "…";
        return new Card(
            Uuid: DeterministicUuid(hookInstance, rules.Sha256),
            Summary: summary,
            Detail: rec.Explain().ToMarkdown() + "\n" + WhatIf.Render(WhatIf.For(rec), markdown: true),
            Indicator: indicator,
            Source: Source(rules),
            OverrideReasons: [.. Audit.OverrideReasons.All.Select(r => new CardCoding("urn:placement:override-reason", r.Code, r.Display))]);
    }

    private static Card NoAnswersCard(RuleSet rules) => new(
        Uuid: Guid.NewGuid().ToString(),
        Summary: "No completed placement questionnaire for this patient",
        Detail: $"Complete the questionnaire {FhirQuestionnaire.Url(rules)} (version {rules.Version}) to get a level-of-care recommendation.",
        Indicator: "info",
        Source: Source(rules),
        OverrideReasons: null);

    private static Card InvalidAnswersCard(RuleSet rules, OperationOutcome outcome) => new(
        Uuid: Guid.NewGuid().ToString(),
        Summary: "The placement questionnaire has answers that do not fit; no recommendation",
        Detail: "Correct these answers:\n\n" + string.Join("\n", outcome.Issue.Select(i => "- " + i.Diagnostics)),
        Indicator: "warning",
        Source: Source(rules),
        OverrideReasons: null);

    private static CardSource Source(RuleSet rules) => new(
        Label: $"Placement {rules.Id} {rules.Version} (sha256 {rules.Sha256[..12]})",
        Topic: new CardCoding("urn:placement:ruleset-sha256", rules.Sha256, $"{rules.Id} {rules.Version}"));

    /// <summary>The same call gets the same card id, so feedback can name it.</summary>
    private static string DeterministicUuid(string hookInstance, string sha)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(hookInstance + "|" + sha));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static IResult Feedback(string id, JsonElement body, IPlacementEngine engine, ConcurrentQueue<FeedbackRecord> store)
    {
        if (RuleSetOf(engine, id) is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"no CDS service '{id}'; see GET /cds-services");
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("feedback", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return Results.Problem(statusCode: 400, title: "Bad Request", detail: "feedback is {\"feedback\": [{\"card\", \"outcome\", \"outcomeTimestamp\", ...}]}");
        }

        var records = new List<FeedbackRecord>();
        foreach (var f in items.EnumerateArray())
        {
            var card = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("card", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var outcome = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            if (card is null || outcome is not ("accepted" or "overridden"))
            {
                return Results.Problem(statusCode: 400, title: "Bad Request", detail: "each feedback item is an object with 'card' and an 'outcome' of accepted or overridden");
            }

            if (card.Length > MaxCardIdLength)
            {
                return Results.Problem(statusCode: 400, title: "Bad Request", detail: $"'card' is the uuid of a card, at most {MaxCardIdLength} characters");
            }

            // overrideReason, when given: {"reason": {"code": "..."}, "userComment": "..."}, each part optional.
            string? reason = null;
            string? comment = null;
            if (f.TryGetProperty("overrideReason", out var r) && r.ValueKind != JsonValueKind.Null)
            {
                var coding = r.ValueKind == JsonValueKind.Object && r.TryGetProperty("reason", out var x) ? x : default;
                var code = coding.ValueKind == JsonValueKind.Object && coding.TryGetProperty("code", out var y) ? y : default;
                var userComment = r.ValueKind == JsonValueKind.Object && r.TryGetProperty("userComment", out var z) ? z : default;
                if (r.ValueKind != JsonValueKind.Object
                    || coding.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object)
                    || code.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String)
                    || userComment.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
                {
                    return Results.Problem(statusCode: 400, title: "Bad Request", detail: "overrideReason is {\"reason\": {\"code\": \"...\"}, \"userComment\": \"...\"}");
                }

                if (code.ValueKind == JsonValueKind.String)
                {
                    reason = code.GetString();
                    if (!Audit.OverrideReasons.All.Any(x => x.Code == reason))
                    {
                        return Results.Problem(statusCode: 400, title: "Bad Request", detail: $"overrideReason.reason must be one of the card's override reasons: {string.Join(", ", Audit.OverrideReasons.All.Select(x => x.Code))}");
                    }
                }

                comment = userComment.ValueKind == JsonValueKind.String ? userComment.GetString() : null;
                if (comment?.Length > MaxCommentLength)
                {
                    // Feedback is kept in memory: its size is bounded by item as well as by count.
                    return Results.Problem(statusCode: 400, title: "Bad Request", detail: $"userComment is at most {MaxCommentLength} characters");
                }
            }

            // A timestamp that is missing or not a date-time string: the time it was received.
            var at = f.TryGetProperty("outcomeTimestamp", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var when) ? when : DateTimeOffset.UtcNow;
            records.Add(new FeedbackRecord(id, card, outcome, reason, comment, at));
        }

        foreach (var record in records)
        {
            store.Enqueue(record);

            // Kept in memory for this process only, and bounded: the oldest go first.
            while (store.Count > MaxFeedback) store.TryDequeue(out _);
        }

        return Results.Ok();
    }

    internal sealed record Discovery(IReadOnlyList<Service> Services);

    internal sealed record Service(string Hook, string Id, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch);

    internal sealed record CardsResponse(IReadOnlyList<Card> Cards);

    internal sealed record Card(string Uuid, string Summary, string? Detail, string Indicator, CardSource Source, IReadOnlyList<CardCoding>? OverrideReasons);

    internal sealed record CardSource(string Label, CardCoding Topic);

    internal sealed record CardCoding(string System, string Code, string Display);

    /// <summary>One feedback item as recorded: the card, accepted or overridden, the reason code and comment, and when.</summary>
    internal sealed record FeedbackRecord(string Service, string Card, string Outcome, string? OverrideReason, string? Comment, DateTimeOffset At);
}
