using System.Net;
using System.Text;
using System.Text.Json;
using NJsonSchema;
using Placement.Fhir;

namespace Placement.Server.Tests;

/// <summary>CDS Hooks 2.0 as an EHR calls it, over real HTTP; every response checked against schemas written from the specification.</summary>
public sealed class CdsHooksTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Service = "placement-default-patient-view";

    private static string Root
    {
        get
        {
            var dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Placement.sln"))) dir = Path.GetDirectoryName(dir)!;
            return dir;
        }
    }

    private static Task<JsonSchema> Schema(string name) => JsonSchema.FromFileAsync(Path.Combine(Root, "schemas", "cds-hooks", name));

    private static string Call(string? prefetchJson, string hookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea") =>
        $$"""
        {"hook":"patient-view","hookInstance":"{{hookInstance}}","context":{"userId":"Practitioner/1","patientId":"1288992"}{{(prefetchJson is null ? "" : $",\"prefetch\":{{\"questionnaireResponse\":{prefetchJson}}}")}}}
        """;

    private static string Answers(Func<AssessmentBuilder, AssessmentBuilder> answers)
    {
        var rules = RuleSet.LoadDefault();
        return FhirGuidance.ToJson(FhirQuestionnaireResponse.For(answers(rules.NewAssessment()).Build()));
    }

    private async Task<JsonElement> Cards(string body)
    {
        using var response = await server.Http.PostAsync($"/cds-services/{Service}", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadAsStringAsync();
        (await Schema("cards.schema.json")).Validate(json).Should().BeEmpty(json);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Fact]
    public async Task Discovery_ListsPatientViewAndEncounterStart_WithTheirPrefetch()
    {
        var json = await server.Http.GetStringAsync("/cds-services");

        (await Schema("discovery.schema.json")).Validate(json).Should().BeEmpty(json);
        var services = JsonDocument.Parse(json).RootElement.GetProperty("services");
        services.EnumerateArray().Select(s => s.GetProperty("hook").GetString()).Should().BeEquivalentTo(["patient-view", "encounter-start"]);
        services[0].GetProperty("prefetch").GetProperty("questionnaireResponse").GetString().Should().Contain("{{context.patientId}}").And.Contain("urn:placement:questionnaire:adult-sud-placement");
    }

    [Fact]
    public async Task ACompleteRoutineAssessment_IsAnInfoCard_NamingTheRuleSet_WithOverrideReasons()
    {
        var text = File.ReadAllText(Path.Combine(Root, "rules", "examples", "outpatient.yaml"));
        var rules = RuleSet.LoadDefault();
        var qr = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(Assessment.Parse(text, rules)));

        var card = (await Cards(Call(qr))).GetProperty("cards").EnumerateArray().Single();

        card.GetProperty("indicator").GetString().Should().Be("info");
        card.GetProperty("summary").GetString().Should().Be("Level of care: Standard outpatient");
        card.GetProperty("detail").GetString().Should().StartWith("# Placement recommendation (recommended)")
            .And.Contain("## What would change it").And.Contain("- If ");
        card.GetProperty("source").GetProperty("topic").GetProperty("code").GetString().Should().Be(rules.Sha256);
        card.GetProperty("source").GetProperty("label").GetString().Should().Contain("adult-sud-placement 2.0.0");
        card.GetProperty("overrideReasons").EnumerateArray().Select(r => r.GetProperty("display").GetString()).Should().Equal(
            "Service not available", "Patient preference", "Clinical judgement", "Transportation", "Financial", "Court ordered", "Language or culture", "Other");
        card.TryGetProperty("suggestions", out _).Should().BeFalse();
    }

    [Fact]
    public async Task MissingAnswersAreAWarning_AndAnEmergencyIsCritical()
    {
        var partial = (await Cards(Call(Answers(b => b.Set("withdrawal_substances", ["alcohol"]).Set("ciwa_ar", 22))))).GetProperty("cards")[0];
        partial.GetProperty("indicator").GetString().Should().Be("warning");
        partial.GetProperty("summary").GetString().Should().Be("Level of care: at least Inpatient, medically monitored; answers missing");

        var emergency = (await Cards(Call(Answers(b => b.Set("harm_risk", "plan_or_intent"))))).GetProperty("cards")[0];
        emergency.GetProperty("indicator").GetString().Should().Be("critical");
        emergency.GetProperty("summary").GetString().Should().StartWith("Emergency evaluation now.");
    }

    [Fact]
    public async Task WithoutThePrefetchedResponse_TheServiceAnswers412()
    {
        using var response = await server.Http.PostAsync($"/cds-services/{Service}", new StringContent(Call(null), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.Content.ReadAsStringAsync()).Should().Contain("prefetch 'questionnaireResponse'");
    }

    [Fact]
    public async Task APrefetchedSearchBundle_WithNoResponse_IsAnInfoCardAskingForTheQuestionnaire()
    {
        var card = (await Cards(Call("""{"resourceType":"Bundle","type":"searchset","total":0}"""))).GetProperty("cards")[0];

        card.GetProperty("summary").GetString().Should().Be("No completed placement questionnaire for this patient");
    }

    [Fact]
    public async Task Feedback_RecordsAcceptedAndOverriddenCards_AndRefusesAnUnknownReason()
    {
        var card = (await Cards(Call(Answers(b => b.Set("ciwa_ar", 3)), hookInstance: "feedback-1"))).GetProperty("cards")[0].GetProperty("uuid").GetString();
        var feedback = $$"""
            {"feedback":[{"card":"{{card}}","outcome":"overridden","overrideReason":{"reason":{"code":"transportation","system":"urn:placement:override-reason","display":"Transportation"},"userComment":"no ride"},"outcomeTimestamp":"2026-12-01T12:00:00Z"}]}
            """;
        (await Schema("feedback.schema.json")).Validate(feedback).Should().BeEmpty();

        using var posted = await server.Http.PostAsync($"/cds-services/{Service}/feedback", new StringContent(feedback, Encoding.UTF8, "application/json"));
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        var recorded = JsonDocument.Parse(await server.Http.GetStringAsync($"/cds-services/{Service}/feedback")).RootElement;
        recorded.EnumerateArray().Should().Contain(r => r.GetProperty("card").GetString() == card && r.GetProperty("outcome").GetString() == "overridden"
            && r.GetProperty("overrideReason").GetString() == "transportation");

        using var bad = await server.Http.PostAsync($"/cds-services/{Service}/feedback", new StringContent(feedback.Replace("transportation", "weather", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CardSchema_RejectsASummaryOf140Characters()
    {
        var schema = await Schema("cards.schema.json");
        var card = """{"cards":[{"summary":"SUMMARY","indicator":"info","source":{"label":"x"}}]}""";

        schema.Validate(card.Replace("SUMMARY", new string('a', 139), StringComparison.Ordinal)).Should().BeEmpty();
        schema.Validate(card.Replace("SUMMARY", new string('a', 140), StringComparison.Ordinal)).Should().NotBeEmpty("the specification keeps a summary under 140 characters");
        schema.Validate(card.Replace("\"info\"", "\"urgent\"", StringComparison.Ordinal)).Should().NotBeEmpty();
    }
}
