using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Placement.Diagnostics;
using Placement.Documentation;
using Placement.Explanations;
using Placement.Fhir;
using Placement.Hosting;

namespace Placement.Server;

/// <summary>What <c>placement serve</c> serves, and where.</summary>
public sealed class PlacementServerOptions
{
    /// <summary>The default address: loopback only, port 5080.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>A folder of rule files (watched and reloaded when edited) or one rule file; null for the embedded default rules.</summary>
    public string? RulesPath { get; set; }

    /// <summary>Where to listen; loopback by default. Several addresses are separated by ';'.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The largest request body accepted, in bytes; larger is 413. Default 1 MiB (an assessment is about 1 KB).</summary>
    public int MaxRequestBodyBytes { get; set; } = Assessment.DefaultMaxBytes;

    /// <summary>
    /// How long a client may take to send the request line and headers once it has started; slower is
    /// answered 408 and the connection is closed. Default 10 seconds (Kestrel's own is 30).
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a connection may sit idle, before its first request or between requests, before it is
    /// closed. Default 30 seconds (Kestrel's own is 130).
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The slowest a request body may arrive, in bytes per second, averaged once the grace period is
    /// over; a slower body is cut off with 408 and the connection is closed. Default 240 (Kestrel's).
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a request body may arrive below the minimum rate before it is cut off; more than 1 second. Default 5 seconds (Kestrel's).</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most connections open at once; a connection over the limit is closed without an answer. Default 1,000.</summary>
    public long MaxConcurrentConnections { get; set; } = 1000;
}

/// <summary>
/// The Placement HTTP service: <c>POST /recommend</c>, <c>GET /rulesets</c>,
/// <c>GET /rulesets/{name}/schema</c>, <c>/questionnaire</c> and <c>/form</c>, the audit endpoints,
/// CDS Hooks (<see cref="CdsHooks"/>), the web form at <c>/</c> (<see cref="WebForm"/>),
/// <c>GET /health</c> and the OpenAPI document at <c>/openapi/v1.json</c>. Bad input is a problem details response (RFC 9457) naming the
/// criterion; an unsupported content type is 415, a body over the limit 413, a body that arrives too
/// slowly 408. Slow and idle connections are closed (see <see cref="PlacementServerOptions"/>).
/// </summary>
public static partial class PlacementServer
{
    /// <summary>Builds the app (not started): rule sets, health checks, OpenAPI and the endpoints.</summary>
    /// <param name="options">Rules, addresses and limits.</param>
    /// <param name="args">Further host arguments (configuration, logging).</param>
    public static WebApplication Build(PlacementServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckLimits(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        // A failure to start (a port taken) is reported by the caller in one line, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => SetLimits(k.Limits, options));
        builder.Services.AddPlacement(o =>
        {
            if (options.RulesPath is { } path) o.AddFolder(PlacementOptions.DefaultName, path);
        });
        builder.Services.AddHealthChecks().AddPlacement();
        // Every error is problem details (RFC 9457); the ones the framework raises itself (415 from the
        // content-type check of POST /recommend, 404 for an unknown path) say what to do.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Detail ??= c.ProblemDetails.Status switch
        {
            StatusCodes.Status408RequestTimeout => "the request body arrived too slowly; send it in one go",
            StatusCodes.Status415UnsupportedMediaType => "send the assessment as application/json",
            StatusCodes.Status404NotFound => "no such endpoint; see /openapi/v1.json",
            StatusCodes.Status405MethodNotAllowed => "this endpoint does not take that method; see /openapi/v1.json",
            _ => null,
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapPlacementEndpoints(options.MaxRequestBodyBytes);
        app.MapCdsHooks();
        app.MapWebForm();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        return app;
    }

    /// <summary>Refuses limits Kestrel would refuse only when the app starts, naming the option.</summary>
    private static void CheckLimits(PlacementServerOptions options)
    {
        static void Require(bool holds, string option, string rule)
        {
            if (!holds) throw new ArgumentOutOfRangeException(nameof(options), $"PlacementServerOptions.{option} {rule}");
        }

        Require(options.MaxRequestBodyBytes > 0, nameof(options.MaxRequestBodyBytes), "must be positive");
        Require(options.RequestHeadersTimeout > TimeSpan.Zero, nameof(options.RequestHeadersTimeout), "must be positive");
        Require(options.KeepAliveTimeout > TimeSpan.Zero, nameof(options.KeepAliveTimeout), "must be positive");
        Require(options.MinRequestBodyBytesPerSecond > 0, nameof(options.MinRequestBodyBytesPerSecond), "must be positive");
        Require(options.MinRequestBodyGracePeriod > TimeSpan.FromSeconds(1), nameof(options.MinRequestBodyGracePeriod), "must be more than 1 second");
        Require(options.MaxConcurrentConnections > 0, nameof(options.MaxConcurrentConnections), "must be positive");
    }

    /// <summary>Kestrel's limits, every one set here rather than left to the framework's defaults.</summary>
    private static void SetLimits(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits limits, PlacementServerOptions options)
    {
        // Kestrel's own limit sits above ours, so an oversized body gets our problem details, not a dropped connection.
        limits.MaxRequestBodySize = options.MaxRequestBodyBytes + (64L * 1024);
        // Slow clients: headers that trickle in, an idle connection and a body that trickles in are
        // cut off, so a socket held open by a slow or silent client holds a connection for seconds.
        limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
        limits.KeepAliveTimeout = options.KeepAliveTimeout;
        limits.MinRequestBodyDataRate = new(options.MinRequestBodyBytesPerSecond, options.MinRequestBodyGracePeriod);
        limits.MinResponseDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
        // Nothing here upgrades a connection (no WebSockets).
        limits.MaxConcurrentUpgradedConnections = 0;
        // Request line, headers: Kestrel's sizes, explicit. An assessment travels in the body, never in a header.
        limits.MaxRequestLineSize = 8 * 1024;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestHeaderCount = 100;
    }

    /// <summary>Maps <c>POST /recommend</c>, <c>GET /rulesets</c> and <c>GET /rulesets/{name}/schema</c> onto an app that has called <c>AddPlacement</c>.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="maxRequestBodyBytes">The largest assessment accepted, in bytes.</param>
    public static IEndpointRouteBuilder MapPlacementEndpoints(this IEndpointRouteBuilder endpoints, int maxRequestBodyBytes = Assessment.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/recommend", (HttpRequest request, IPlacementEngine engine, string? ruleSet, string? explain, bool? whatIf) =>
                Recommend(request, engine, ruleSet, explain, whatIf == true, maxRequestBodyBytes))
            .WithName("Recommend")
            .WithSummary("Recommend a level of care for one assessment")
            .WithDescription("The body is an assessment: a JSON object of criterion ids to answers (see GET /rulesets/{name}/schema), or, as application/fhir+json, a FHIR R4 QuestionnaireResponse to GET /rulesets/{name}/questionnaire. The response is the recommendation with its explanation as JSON (a FHIR GuidanceResponse for a QuestionnaireResponse), or with ?explain=text or ?explain=markdown the explanation for a clinician; ?whatIf=true adds, for each answered criterion, the nearest single change that would change a decision. A QuestionnaireResponse whose answers do not fit is answered with an OperationOutcome naming each item.")
            .Accepts<Dictionary<string, object?>>("application/json", FhirJson)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        endpoints.MapPost("/audit/record", (System.Text.Json.JsonElement body, IPlacementEngine engine, string? ruleSet) =>
            {
                if (ruleSet is not null && !engine.Names.Contains(ruleSet)) return NotFound(engine, ruleSet);
                if (body.ValueKind != System.Text.Json.JsonValueKind.Object || !body.TryGetProperty("assessment", out var answers) || answers.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["assessment"] = ["the body is {\"assessment\": {...answers}, \"override\": {\"decision\", \"actual\", \"reason\", \"comment\"}}"] });
                }

                var result = engine.RecommendJson(ruleSet, System.Text.Encoding.UTF8.GetBytes(answers.GetRawText()));
                if (result.Recommendation is not { } rec) return Invalid(result.Diagnostics);
                Audit.PlacementOverride? chosen = null;
                if (body.TryGetProperty("override", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    static string? Field(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
                    try
                    {
                        chosen = Audit.PlacementOverride.Create(rec, Field(o, "decision") ?? "", Field(o, "actual") ?? "", Field(o, "reason") ?? "", Field(o, "comment"));
                    }
                    catch (ArgumentException ex)
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["override"] = [ex.Message.Split(" (Parameter", 2)[0]] });
                    }
                }

                return Results.Text(Audit.AuditRecord.Create(rec, DateTimeOffset.UtcNow, chosen), "application/json; charset=utf-8");
            })
            .WithName("AuditRecord")
            .WithSummary("The self-contained audit record of a recommendation, with an override if one is given")
            .ProducesValidationProblem();
        endpoints.MapPost("/audit/verify", async (HttpRequest request, IPlacementEngine engine) =>
            {
                if (!request.HasJsonContentType()) return Results.Problem(statusCode: 415, title: "Unsupported Media Type", detail: "send the audit record as application/json");
                var text = await ReadBodyAsync(request, maxRequestBodyBytes).ConfigureAwait(false);
                if (text is null) return TooLarge(maxRequestBodyBytes);
                var result = Audit.AuditRecord.Verify(text, [.. engine.Names.Select(engine.GetRuleSet)]);
                return result.Problem is { } problem
                    ? Results.Problem(statusCode: 422, title: "Cannot verify", detail: problem)
                    : Results.Ok(new { reproduces = result.Reproduces, differences = result.Differences });
            })
            .WithName("VerifyAudit")
            .WithSummary("Re-run an audit record on the rule set it names and say whether it reproduces")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        endpoints.MapGet("/rulesets", (IPlacementEngine engine) => Results.Ok(engine.Names.Select(n => Describe(engine, n))))
            .WithName("RuleSets")
            .WithSummary("The rule sets served, what each is serving now and how its last reload went");
        endpoints.MapGet("/rulesets/{name}/questionnaire", (string name, IPlacementEngine engine) =>
                engine.Names.Contains(name)
                    ? Results.Text(FhirGuidance.ToJson(FhirQuestionnaire.For(engine.GetRuleSet(name))), FhirJson)
                    : NotFound(engine, name))
            .WithName("Questionnaire")
            .WithSummary("The FHIR R4 Questionnaire asking a rule set's questions")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/rulesets/{name}/schema", (string name, IPlacementEngine engine) =>
                engine.Names.Contains(name)
                    ? Results.Text(AssessmentSchema.ToJson(engine.GetRuleSet(name)), "application/schema+json")
                    : NotFound(engine, name))
            .WithName("AssessmentSchema")
            .WithSummary("The JSON Schema of an assessment for a rule set")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> Recommend(HttpRequest request, IPlacementEngine engine, string? ruleSet, string? explain, bool whatIf, int maxBytes)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: $"send the assessment as application/json, not {(string.IsNullOrEmpty(request.ContentType) ? "a body without a content type" : request.ContentType)}");
        }

        if (explain is not (null or "text" or "markdown"))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["explain"] = ["explain is text or markdown (or left out for JSON)"] });
        }

        if (ruleSet is not null && !engine.Names.Contains(ruleSet)) return NotFound(engine, ruleSet);
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);
        if (IsFhir(request)) return await RecommendFhir(request, engine, ruleSet, explain, maxBytes).ConfigureAwait(false);

        var result = await engine.RecommendJsonAsync(ruleSet, request.Body, maxBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (result.Recommendation is not { } rec)
        {
            if (!result.Diagnostics.Any(d => d.Code == DiagnosticCodes.AssessmentTooLarge)) return Invalid(result.Diagnostics);

            // A body without a length that ran over: read the little that is left (Kestrel stops it
            // 64 KiB past the limit) so the client, still sending, gets the answer, not a reset.
            try
            {
                await request.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
            {
                // Past Kestrel's limit too: the connection closes after the answer.
            }

            return TooLarge(maxBytes);
        }

        var changes = whatIf ? WhatIf.For(rec) : [];
        return explain switch
        {
            "text" => Results.Text(rec.Explain().ToText() + (whatIf ? "\n" + WhatIf.Render(changes, markdown: false) : ""), "text/plain; charset=utf-8"),
            "markdown" => Results.Text(rec.Explain().ToMarkdown() + (whatIf ? "\n" + WhatIf.Render(changes, markdown: true) : ""), "text/markdown; charset=utf-8"),
            _ => Results.Text(whatIf ? WhatIf.AddToJson(rec.Explain().ToJson(), changes) : rec.Explain().ToJson(), "application/json; charset=utf-8"),
        };
    }

    private const string FhirJson = "application/fhir+json";

    /// <summary>The body as UTF-8 text, read in small pieces up to the limit; null when it is longer (memory stays proportional to what was sent).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsFhir(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase);

    /// <summary>A QuestionnaireResponse in; a GuidanceResponse (or the explanation) out, or an OperationOutcome naming each item that does not fit.</summary>
    private static async Task<IResult> RecommendFhir(HttpRequest request, IPlacementEngine engine, string? ruleSet, string? explain, int maxBytes)
    {
        var text = await ReadBodyAsync(request, maxBytes).ConfigureAwait(false);
        if (text is null) return TooLarge(maxBytes);
        var rules = engine.GetRuleSet(ruleSet);
        var read = FhirAssessment.FromJson(text, rules);
        if (read.Assessment is not { } assessment)
        {
            return Results.Text(FhirGuidance.ToJson(read.Outcome), FhirJson, statusCode: StatusCodes.Status400BadRequest);
        }

        var rec = engine.Recommend(assessment);
        return explain switch
        {
            "text" => Results.Text(rec.Explain().ToText(), "text/plain; charset=utf-8"),
            "markdown" => Results.Text(rec.Explain().ToMarkdown(), "text/markdown; charset=utf-8"),
            _ => Results.Text(FhirGuidance.ToJson(FhirGuidance.For(rec)), FhirJson),
        };
    }

    /// <summary>400 naming each criterion (never its value), with every diagnostic and its position in the body.</summary>
    private static IResult Invalid(IReadOnlyList<Diagnostic> diagnostics) =>
        Results.ValidationProblem(
            diagnostics.GroupBy(Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(d => d.Message).ToArray(), StringComparer.Ordinal),
            detail: $"the assessment has {diagnostics.Count(d => d.IsError)} problem(s); nothing was recommended",
            extensions: new Dictionary<string, object?>
            {
                ["diagnostics"] = diagnostics.Select(d => new { code = d.Code, message = d.Message, line = d.Line, column = d.Column, suggestion = d.Suggestion }).ToArray(),
            });

    /// <summary>The criterion a diagnostic is about ("ciwa_ar: out of range", "unknown criterion 'x'"), or "$" for the body as a whole.</summary>
    private static string Field(Diagnostic d)
    {
        var m = FieldPattern().Match(d.Message);
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : "$";
    }

    [GeneratedRegex(@"^(?:([a-z][a-z0-9_]*):|.*?'([a-z][a-z0-9_]*)')")]
    private static partial Regex FieldPattern();

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload Too Large",
            detail: $"the assessment is larger than {maxBytes} bytes; an assessment is usually about 1 KB");

    internal static IResult NotFound(IPlacementEngine engine, string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
            detail: $"no rule set is served as '{name}'; served: {string.Join(", ", engine.Names)}");

    private static object Describe(IPlacementEngine engine, string name)
    {
        var s = engine.GetStatus(name);
        return new
        {
            name,
            isDefault = name == engine.DefaultName,
            id = s.Current.Id,
            version = s.Current.Version,
            sha256 = s.Current.Sha256,
            title = s.Current.Title,
            watched = s.Watched,
            loadedAt = s.LoadedAt,
            lastReload = s.LastReload is { } r
                ? new { at = r.At, succeeded = r.Succeeded, diagnostics = r.Diagnostics.Select(d => d.ToString()).ToArray() }
                : null,
        };
    }
}
