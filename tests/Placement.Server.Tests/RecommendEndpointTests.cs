using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Placement.Server.Tests;

/// <summary><c>POST /recommend</c> and the other endpoints over real HTTP, as an EHR or a clinic's tool calls them.</summary>
public sealed class RecommendEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Alcohol = """{"withdrawal_substances":["alcohol"],"ciwa_ar":22}""";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Recommend_ReturnsTheRecommendationJson_NamingTheRuleSet()
    {
        using var response = await server.Http.PostAsync("/recommend", Json(Alcohol));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await Body(response);
        body.GetProperty("status").GetString().Should().Be("insufficient");
        body.GetProperty("decisions").GetProperty("level_of_care").GetProperty("floor").GetProperty("id").GetString().Should().Be("medically_monitored_inpatient");
        body.GetProperty("ruleSet").GetProperty("sha256").GetString().Should().Be(RuleSet.LoadDefault().Sha256);
        body.GetProperty("assessment").GetProperty("ciwa_ar").GetInt32().Should().Be(22);
    }

    [Theory]
    [InlineData("text", "text/plain", "Status: INSUFFICIENT")]
    [InlineData("markdown", "text/markdown", "# Placement recommendation (insufficient)")]
    public async Task Recommend_WithExplain_ReturnsTheExplanationForAClinician(string explain, string mediaType, string start)
    {
        using var response = await server.Http.PostAsync($"/recommend?explain={explain}", Json(Alcohol));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain(start);
    }

    [Fact]
    public async Task BadAnswers_AreAValidationProblem_NamingEachCriterion_NeverTheValue()
    {
        using var response = await server.Http.PostAsync("/recommend", Json("""{"ciwa_ar": 500, "pregnant": "maybe", "home_stabilty": "stable"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Body(response);
        problem.GetProperty("status").GetInt32().Should().Be(400);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("ciwa_ar")[0].GetString().Should().Be("ciwa_ar: out of range; allowed 0 to 67");
        errors.GetProperty("pregnant")[0].GetString().Should().StartWith("pregnant: expected true or false");
        errors.GetProperty("home_stabilty")[0].GetString().Should().Contain("did you mean 'home_stability'");
        problem.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().BeEquivalentTo(["PL5003", "PL5002", "PL5001"]);
        problem.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString())
            .Should().NotContain(m => m!.Contains("500", StringComparison.Ordinal) || m.Contains("maybe", StringComparison.Ordinal));
        problem.ToString().Should().NotContain("maybe");
    }

    [Fact]
    public async Task MalformedJson_IsAProblem_NotAServerError()
    {
        using var response = await server.Http.PostAsync("/recommend", Json("""{"ciwa_ar": 12,"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Body(response)).GetProperty("errors").GetProperty("$")[0].GetString().Should().StartWith("invalid JSON");
    }

    [Fact]
    public async Task WrongContentType_Is415WithProblemDetails()
    {
        using var response = await server.Http.PostAsync("/recommend", new StringContent("ciwa_ar: 12", Encoding.UTF8, "application/yaml"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("detail").GetString().Should().Contain("application/json");
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_WithOrWithoutAContentLength()
    {
        // With a length: refused before the body is read (a client that asks first, as HTTP clients
        // may, never sends it).
        var big = "{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        using var sized = new HttpRequestMessage(HttpMethod.Post, "/recommend") { Content = Json(big) };
        sized.Headers.ExpectContinue = true;
        using var refused = await server.Http.SendAsync(sized);
        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Body(refused)).GetProperty("detail").GetString().Should().Contain("larger than 1048576 bytes");

        // Without a length (chunked): read up to the limit, then refused.
        var over = "{\"x\":\"" + new string('a', (1024 * 1024) + (10 * 1024)) + "\"}";
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(over)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/recommend") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await server.Http.SendAsync(request);
        streamed.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UnknownRuleSet_Is404NamingTheServedOnes()
    {
        using var response = await server.Http.PostAsync("/recommend?ruleSet=medicaid", Json(Alcohol));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Be("no rule set is served as 'medicaid'; served: default");
    }

    [Fact]
    public async Task RuleSets_Schema_Health_AndOpenApi_AreServed()
    {
        var sets = JsonDocument.Parse(await server.Http.GetStringAsync("/rulesets")).RootElement;
        sets.GetArrayLength().Should().Be(1);
        sets[0].GetProperty("name").GetString().Should().Be("default");
        sets[0].GetProperty("isDefault").GetBoolean().Should().BeTrue();
        sets[0].GetProperty("sha256").GetString().Should().Be(RuleSet.LoadDefault().Sha256);

        using var schema = await server.Http.GetAsync("/rulesets/default/schema");
        schema.Content.Headers.ContentType!.MediaType.Should().Be("application/schema+json");
        (await Body(schema)).GetProperty("properties").TryGetProperty("ciwa_ar", out _).Should().BeTrue();
        (await server.Http.GetAsync("/rulesets/nope/schema")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await server.Http.GetStringAsync("/health")).Should().Be("Healthy");

        var openApi = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        openApi.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = openApi.GetProperty("paths");
        paths.TryGetProperty("/recommend", out var recommend).Should().BeTrue();
        paths.TryGetProperty("/rulesets", out _).Should().BeTrue();
        paths.TryGetProperty("/rulesets/{name}/schema", out _).Should().BeTrue();
        recommend.GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "413", "415"]);
    }

    [Fact]
    public async Task WhatIf_AddsTheNearestChangesThatWouldChangeADecision()
    {
        using var response = await server.Http.PostAsync("/recommend?whatIf=true", Json("""{"withdrawal_substances":["alcohol"],"ciwa_ar":14,"night_support":true}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Body(response);
        body.GetProperty("whatIf").EnumerateArray().Should().Contain(c => c.GetProperty("criterion").GetString() == "ciwa_ar" && c.GetProperty("to").GetString() == "19");

        using var text = await server.Http.PostAsync("/recommend?whatIf=true&explain=text", Json("""{"withdrawal_substances":["alcohol"],"ciwa_ar":14}"""));
        (await text.Content.ReadAsStringAsync()).Should().Contain("What would change it (one answer at a time):");
    }

    [Fact]
    public async Task AuditVerify_ReproducesARecord_AndReportsATamperedOne()
    {
        var rules = RuleSet.LoadDefault();
        var record = Placement.Audit.AuditRecord.Create(rules.Recommend(rules.NewAssessment().Set("ciwa_ar", 3).Build()), DateTimeOffset.UtcNow);

        using var ok = await server.Http.PostAsync("/audit/verify", Json(record));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Body(ok)).GetProperty("reproduces").GetBoolean().Should().BeTrue();

        using var bad = await server.Http.PostAsync("/audit/verify", Json(record.Replace("\"status\": \"insufficient\"", "\"status\": \"recommended\"", StringComparison.Ordinal)));
        var body = await Body(bad);
        body.GetProperty("reproduces").GetBoolean().Should().BeFalse();
        body.GetProperty("differences")[0].GetString().Should().Be("status: recorded \"recommended\", now \"insufficient\"");
    }

    [Fact]
    public async Task AuditRecord_HoldsTheOverride_AndAnUnknownReasonIsAProblem()
    {
        using var ok = await server.Http.PostAsync("/audit/record", Json("""{"assessment":{"ciwa_ar":3},"override":{"decision":"level_of_care","actual":"iop","reason":"patient-preference","comment":"prefers evenings"}}"""));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = await Body(ok);
        record.GetProperty("override").GetProperty("reason").GetString().Should().Be("patient-preference");
        record.GetProperty("override").GetProperty("indicated").GetString().Should().Be("outpatient");

        using var bad = await server.Http.PostAsync("/audit/record", Json("""{"assessment":{"ciwa_ar":3},"override":{"decision":"level_of_care","actual":"iop","reason":"weather"}}"""));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Body(bad)).GetProperty("errors").GetProperty("override")[0].GetString().Should().StartWith("'weather' is not an override reason");
    }
}
