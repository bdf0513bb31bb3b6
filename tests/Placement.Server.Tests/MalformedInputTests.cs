using System.Text;

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
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task MalformedBody_IsA4xxProblem_WithoutAStackTrace(string path, string body, string contentType)
    {
        using var response = await server.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().BeInRange(400, 499, text);
        text.Should().NotContain("   at ").And.NotContain("Exception");
    }
}
