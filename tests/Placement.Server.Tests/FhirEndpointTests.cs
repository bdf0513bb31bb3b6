using System.Net;
using System.Text;
using System.Text.Json;
using Placement.Fhir;

namespace Placement.Server.Tests;

/// <summary>The FHIR side of the service over real HTTP: the questionnaire, and QuestionnaireResponses in.</summary>
public sealed class FhirEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static StringContent Fhir(string body) => new(body, Encoding.UTF8, "application/fhir+json");

    [Fact]
    public async Task Questionnaire_IsServedAsFhirJson()
    {
        using var response = await server.Http.GetAsync("/rulesets/default/questionnaire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var q = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        q.GetProperty("resourceType").GetString().Should().Be("Questionnaire");
        q.GetProperty("version").GetString().Should().Be(RuleSet.LoadDefault().Version);
    }

    [Fact]
    public async Task AQuestionnaireResponse_GetsAGuidanceResponse()
    {
        var rules = RuleSet.LoadDefault();
        var qr = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(rules.NewAssessment().Set("withdrawal_substances", ["alcohol"]).Set("ciwa_ar", 22).Build()));

        using var response = await server.Http.PostAsync("/recommend", Fhir(qr));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var g = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        g.GetProperty("resourceType").GetString().Should().Be("GuidanceResponse");
        g.GetProperty("status").GetString().Should().Be("data-required");

        using var text = await server.Http.PostAsync("/recommend?explain=text", Fhir(qr));
        (await text.Content.ReadAsStringAsync()).Should().Contain("\nStatus: INSUFFICIENT");
    }

    [Fact]
    public async Task AResponseThatDoesNotFit_IsA400OperationOutcome_NamingTheItem()
    {
        const string qr = """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"ciwa_ar","answer":[{"valueBoolean":true}]}]}""";

        using var response = await server.Http.PostAsync("/recommend", Fhir(qr));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        outcome.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        var issue = outcome.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be("QuestionnaireResponse.item.where(linkId='ciwa_ar')");
        issue.GetProperty("diagnostics").GetString().Should().StartWith("ciwa_ar: expected a valueInteger");
    }
}
