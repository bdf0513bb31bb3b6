using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Placement.Fhir;

namespace Placement.Server.Tests;

/// <summary>
/// No answer about a person reaches the service's logs (SECURITY.md): with every category logging at
/// Trace, answers that are valid, invalid, keyed wrongly, sent as FHIR, through CDS Hooks, in an audit
/// record's comment and in CDS feedback are sent, and every log message, its state and any exception
/// is scanned for them. The responses to the bad ones are scanned too.
/// </summary>
public sealed class LogScanTests
{
    /// <summary>Answers and texts that must never be logged: words no id, level or message of the service contains.</summary>
    private static readonly string[] Secrets = ["SECRETWORD", "SECRETKEY", "SECRETCOMMENT", "SECRETFHIR", "SECRETFEEDBACK", "gabapentinoid", "plan_or_intent"];

    [Fact]
    public async Task NoAnswer_ReachesALogMessage_EvenAtTrace()
    {
        var logs = new FakeLogCollector();
        await using var app = PlacementServer.Build(new PlacementServerOptions { Urls = "http://127.0.0.1:0" }, ["--Logging:LogLevel:Default=Trace"]);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new FakeLoggerProvider(logs));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        var valid = """{"harm_risk": "plan_or_intent", "withdrawal_substances": ["gabapentinoid"], "ciwa_ar": 12}""";
        var qr = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(RuleSet.LoadDefault().NewAssessment().Set("harm_risk", "plan_or_intent").Build()))
            .Replace("\"status\":\"completed\"", "\"status\":\"completed\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">SECRETFHIR</div>\"}", StringComparison.Ordinal);
        var badQr = """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"ciwa_ar","answer":[{"valueString":"SECRETFHIR"}]}]}""";
        var cds = """{"hook":"patient-view","hookInstance":"scan-1","context":{"userId":"Practitioner/1","patientId":"1"},"prefetch":{"questionnaireResponse":""" + qr + "}}";
        var requests = new (string Path, string Body, string MediaType)[]
        {
            ("/recommend", valid, "application/json"),
            ("/recommend?explain=text&whatIf=true", valid, "application/json"),
            ("/recommend", """{"home_stability": "SECRETWORD", "ciwa_ar": "SECRETWORD"}""", "application/json"),
            ("/recommend", """{"SECRETKEY here": 1, "withdrawal_substances": ["SECRETWORD"]}""", "application/json"),
            ("/recommend", """{"ciwa_ar": SECRETWORD""", "application/json"),
            ("/recommend", qr, "application/fhir+json"),
            ("/recommend", badQr, "application/fhir+json"),
            ("/audit/record", """{"assessment": """ + valid + """, "override": {"decision": "level_of_care", "actual": "residential_high", "reason": "other", "comment": "SECRETCOMMENT"}}""", "application/json"),
            ("/audit/record", """{"assessment": {"ciwa_ar": "SECRETWORD"}}""", "application/json"),
            ("/cds-services/placement-default-patient-view", cds, "application/json"),
            ("/cds-services/placement-default-patient-view/feedback", """{"feedback":[{"card":"x","outcome":"overridden","overrideReason":{"reason":{"code":"other"},"userComment":"SECRETFEEDBACK"}}]}""", "application/json"),
            ("/cds-services/placement-default-patient-view/feedback", """{"feedback":[{"card":"x","outcome":"SECRETFEEDBACK"}]}""", "application/json"),
        };

        foreach (var (path, body, mediaType) in requests)
        {
            using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType));
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().BeLessThan(500, path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                text.Should().NotContainAny(["SECRETWORD", "SECRETKEY", "SECRETFHIR", "SECRETFEEDBACK"], "a refusal never repeats what was sent ({0})", path);
            }
        }

        await app.StopAsync();

        var records = logs.GetSnapshot();
        records.Should().Contain(r => r.Category != null && r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), "everything logs at Trace, so the scan sees the framework's messages too");
        foreach (var r in records)
        {
            var everything = string.Join("\n", [r.Message, r.Exception?.ToString() ?? "",
                .. r.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []]);
            everything.Should().NotContainAny(Secrets, "no answer reaches a log ({0}: {1})", r.Category, r.Message);
        }
    }
}
