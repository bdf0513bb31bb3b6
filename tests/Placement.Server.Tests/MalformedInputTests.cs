using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Placement.Fhir;

namespace Placement.Server.Tests;

/// <summary>Malformed input to every POST endpoint is a 4xx with problem details: never a 500, never a stack trace.</summary>
public sealed class MalformedInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string, string> Requests => new()
    {
        { "/recommend", "{\"ciwa_ar\": ", "application/json" },
        { "/recommend", "[1,2,3]", "application/json" },
        { "/recommend", "{}", "application/fhir+json" },
        { "/cds-services/placement-default-patient-view", "{\"hook\": ", "application/json" },
        { "/cds-services/placement-default-patient-view", "[]", "application/json" },
        { "/cds-services/placement-default-patient-view/feedback", "not json", "application/json" },
        { "/cds-services/placement-default-patient-view/feedback", "{\"feedback\": 3}", "application/json" },
        { "/audit/record", "{\"assessment\": ", "application/json" },
        { "/audit/record", "{\"assessment\": [1]}", "application/json" },
        { "/audit/verify", "{\"ruleSet\": 3}", "application/json" },
        { "/audit/verify", "\u0000\u0001", "application/json" },
        // The FHIR parser threw IndexOutOfRangeException on an empty property name.
        { "/recommend", "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"\":false}]}", "application/fhir+json" },
        // Feedback is kept in memory, so each item is bounded too.
        { "/cds-services/placement-default-patient-view/feedback", "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"overrideReason\":{\"userComment\":\"" + new string('x', CdsHooks.MaxCommentLength + 1) + "\"}}]}", "application/json" },
        { "/cds-services/placement-default-patient-view/feedback", "{\"feedback\":[{\"card\":\"" + new string('c', CdsHooks.MaxCardIdLength + 1) + "\",\"outcome\":\"accepted\"}]}", "application/json" },
        // 20,000 unknown keys: 400 with the first 1,000 problems and one that says the rest were left out, not 20,000.
        { "/recommend", "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":1")) + "}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task MalformedBody_IsA4xxProblem_WithoutAStackTrace(string path, string body, string contentType)
    {
        using var response = await server.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().BeInRange(400, 499, text);
        ResponseText.ShouldShowNoInternals(text);
        text.Length.Should().BeLessThan(300_000, "a refusal lists at most the first 1,000 problems");
    }

    [Fact]
    public async Task APrefetchTheFhirParserThrowsOn_IsNoQuestionnaire_NotAServerError()
    {
        // An empty property name made the FHIR parser throw IndexOutOfRangeException: the CDS service answered 500.
        const string Call = "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"1\"},\"prefetch\":{\"questionnaireResponse\":"
            + "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"\":1}}}";

        using var response = await server.Http.PostAsync("/cds-services/placement-default-patient-view", new StringContent(Call, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().Be(200, text);
        text.Should().Contain("No completed placement questionnaire for this patient");
        ResponseText.ShouldShowNoInternals(text);
    }

    public static TheoryData<string> Endpoints => ["recommend", "fhir", "cds", "feedback", "audit-record", "audit-verify"];

    /// <summary>
    /// A valid body with one value (or the whole body) replaced by each other kind of JSON value: the
    /// shapes a client gets wrong. Each is answered (200 when it still makes sense, else 4xx), never
    /// with a 5xx or internals. About 700 requests in all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryValueOfAValidBody_OfTheWrongJsonKind_IsNeverAServerError(string endpoint)
    {
        var (path, contentType, body) = await ValidBody(endpoint);
        using (var valid = await server.Http.PostAsync(path, ResponseText.Json(body, contentType)))
        {
            ((int)valid.StatusCode).Should().Be(200, "the unchanged body is valid");
        }

        var sent = 0;
        foreach (var at in Paths(JsonNode.Parse(body)!, ""))
        {
            foreach (var kind in Kinds)
            {
                var mutated = Replace(body, at, kind);
                using var response = await server.Http.PostAsync(path, ResponseText.Json(mutated, contentType));
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{path}: {(at.Length == 0 ? "the body" : at)} as {kind?.ToJsonString() ?? "null"}";
                ((int)response.StatusCode).Should().BeLessThan(500, $"{what}: {text}");
                ResponseText.ShouldShowNoInternals(text, what);
                sent++;
            }
        }

        sent.Should().BeGreaterThan(20);
    }

    /// <summary>A chunked body whose framing is broken is read by the endpoint, and Kestrel gives up: 400 problem details, not a 500.</summary>
    [Theory]
    [InlineData("/recommend", "application/json")]
    [InlineData("/recommend", "application/fhir+json")]
    [InlineData("/audit/verify", "application/json")]
    [InlineData("/audit/record", "application/json")]
    [InlineData("/cds-services/placement-default-patient-view", "application/json")]
    public async Task AMalformedChunkedBody_IsA400Problem(string path, string contentType)
    {
        using var client = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
        await client.SendAsync($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{{\"a\r\nzz\r\nnot a chunk\r\n");

        var text = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(15));

        text.Should().NotBeNull("the server answers and closes the connection");
        text.Should().StartWith("HTTP/1.1 400 ").And.Contain("application/problem+json");
        ResponseText.ShouldShowNoInternals(text!);
    }

    /// <summary>Kestrel's own header limits (it answers these itself, with an empty body), and the service keeps serving.</summary>
    [Theory]
    [InlineData("long-line", "414")]
    [InlineData("large-headers", "431")]
    [InlineData("many-headers", "431")]
    public async Task OversizedRequestLineOrHeaders_AreRefused_AndTheServiceKeepsServing(string what, string status)
    {
        var head = what switch
        {
            "long-line" => $"GET /health?x={new string('a', 9 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "large-headers" => $"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('a', 33 * 1024)}\r\n\r\n",
            _ => "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"X-H{i}: {i}\r\n")) + "\r\n",
        };
        using var client = await RawHttp.ConnectAsync(server.Http.BaseAddress!);
        await client.SendAsync(head);

        var text = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(15));

        text.Should().NotBeNull("the server closes the connection");
        text.Should().StartWith($"HTTP/1.1 {status} ");
        ResponseText.ShouldShowNoInternals(text!);
        using var ok = await server.Http.PostAsync("/recommend", ResponseText.Json(ResponseText.Iop));
        ((int)ok.StatusCode).Should().Be(200);
    }

    private static readonly JsonNode?[] Kinds = [null, JsonValue.Create(7), JsonValue.Create("x"), JsonValue.Create(true), new JsonArray(JsonValue.Create(1)), new JsonObject { ["k"] = 1 }];

    private async Task<(string Path, string ContentType, string Body)> ValidBody(string endpoint)
    {
        var rules = RuleSet.LoadDefault();
        var qr = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(rules.NewAssessment().Set("withdrawal_substances", ["alcohol"]).Set("ciwa_ar", 22).Set("pregnant", false).Build()));
        const string Cds = "/cds-services/placement-default-patient-view";
        switch (endpoint)
        {
            case "recommend": return ("/recommend", "application/json", ResponseText.Iop);
            case "fhir": return ("/recommend", "application/fhir+json", qr);
            case "cds": return (Cds, "application/json", """{"hook":"patient-view","hookInstance":"d1","context":{"userId":"Practitioner/1","patientId":"1"},"prefetch":{"questionnaireResponse":""" + qr + "}}");
            case "feedback": return (Cds + "/feedback", "application/json", """{"feedback":[{"card":"c1","outcome":"overridden","overrideReason":{"reason":{"code":"transportation","system":"urn:placement:override-reason"},"userComment":"no ride"},"outcomeTimestamp":"2026-12-01T12:00:00Z"}]}""");
            case "audit-record": return ("/audit/record", "application/json", """{"assessment":{"withdrawal_substances":["alcohol"],"ciwa_ar":22},"override":{"decision":"level_of_care","actual":"residential_high_intensity","reason":"transportation","comment":"c"}}""");
            default:
                using (var record = await server.Http.PostAsync("/audit/record", ResponseText.Json("""{"assessment":{"withdrawal_substances":["alcohol"],"ciwa_ar":22}}""")))
                {
                    return ("/audit/verify", "application/json", await record.Content.ReadAsStringAsync());
                }
        }
    }

    /// <summary>Every value's path ("" for the body itself), depth first.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string at)
    {
        yield return at;
        var children = node switch
        {
            JsonObject o => o.Where(p => p.Value is not null).Select(p => (Key: p.Key, Value: p.Value!)),
            JsonArray a => a.Select((v, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Value: v!)).Where(p => p.Value is not null),
            _ => [],
        };
        foreach (var (key, value) in children.ToList())
        {
            foreach (var path in Paths(value, at + "/" + key)) yield return path;
        }
    }

    private static string Replace(string json, string path, JsonNode? with)
    {
        if (path.Length == 0) return with?.ToJsonString() ?? "null";
        var root = JsonNode.Parse(json)!;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        foreach (var part in parts[..^1]) parent = parent is JsonArray a ? a[int.Parse(part, CultureInfo.InvariantCulture)]! : parent[part]!;
        if (parent is JsonArray array) array[int.Parse(parts[^1], CultureInfo.InvariantCulture)] = with?.DeepClone();
        else parent[parts[^1]] = with?.DeepClone();
        return root.ToJsonString();
    }
}
