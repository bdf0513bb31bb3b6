using System.Text;
using System.Text.Json;
using Placement.Diagnostics;

namespace Placement.Tests.Assessments;

/// <summary>Assessments as apps hold them: a dictionary, a collecting builder, a stream.</summary>
public sealed class AssessmentFromAppTests
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    [Fact]
    public void TryFrom_ReadsBooleansNumbersWordsListsAndNulls()
    {
        var result = Assessment.TryFrom(new Dictionary<string, object?>
        {
            ["withdrawal_substances"] = new[] { "alcohol" },
            ["ciwa_ar"] = 22L,
            ["pregnant"] = false,
            ["home_stability"] = "stable",
            ["cows"] = null,
        }, Rules);

        result.Success.Should().BeTrue();
        var a = result.Assessment!;
        a.Get("ciwa_ar").Should().Be("22");
        a.Get("withdrawal_substances").Should().Be("[alcohol]");
        a.IsKnown("cows").Should().BeFalse();
        Rules.Recommend(a).Floor("level_of_care").Id.Should().Be("medically_monitored_inpatient");
    }

    [Fact]
    public void TryFrom_JsonElements_AsFromADeserializedRequest()
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, object?>>("""{"withdrawal_substances":["opioid"],"cows":14,"pregnant":true,"moud":null}""")!;

        var result = Assessment.TryFrom(answers, Rules);

        result.Success.Should().BeTrue();
        result.Assessment!.Get("cows").Should().Be("14");
        result.Assessment.IsKnown("moud").Should().BeFalse();
    }

    [Fact]
    public void TryFrom_ReportsEveryProblemAtOnce_NamingTheCriterion_NeverTheValue_AndGuessesNothing()
    {
        var result = Assessment.TryFrom(new Dictionary<string, object?>
        {
            ["ciwa_ar"] = "12",                       // a number as text is not a number
            ["pregnant"] = 1,                         // 1 is not true
            ["cows"] = 4000,
            ["home_stabilty"] = "stable",
            ["withdrawal_substance"] = "alcohol",     // replaced in 2.0
            ["withdrawal_substances"] = new[] { "alcohol", "alcohol" },
            ["age"] = 2.5,
        }, Rules, "request");

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => (d.Code, d.File)).Should().BeEquivalentTo(new[]
        {
            (DiagnosticCodes.WrongValueType, "request"), (DiagnosticCodes.WrongValueType, "request"), (DiagnosticCodes.OutOfRange, "request"),
            (DiagnosticCodes.UnknownCriterion, "request"), (DiagnosticCodes.ReplacedCriterion, "request"), (DiagnosticCodes.DuplicateValue, "request"),
            (DiagnosticCodes.WrongValueType, "request"),
        });
        result.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownCriterion).Suggestion.Should().Be("home_stability");
        result.Diagnostics.Should().NotContain(d => d.Message.Contains("4000", StringComparison.Ordinal) || d.Message.Contains("2.5", StringComparison.Ordinal));
        var from = () => Assessment.From(new Dictionary<string, object?> { ["cows"] = 4000 }, Rules);
        from.Should().Throw<AssessmentException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.OutOfRange);
    }

    [Fact]
    public void CollectingBuilder_TryBuild_ReturnsEveryProblem_WhileTheUsualBuilderThrowsAtTheFirst()
    {
        var builder = Rules.NewAssessmentCollectingErrors("form").Set("ciwa_ar", 99).Set("pregnant", "yes").Set("age", 40);

        builder.Errors.Should().HaveCount(2);
        var result = builder.TryBuild();
        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.Message).Should().Equal("ciwa_ar: out of range; allowed 0 to 67", "pregnant: wrong type; expected true or false");
        builder.Invoking(b => b.Build()).Should().Throw<AssessmentException>();

        Rules.NewAssessment().Invoking(b => b.Set("ciwa_ar", 99)).Should().Throw<ArgumentOutOfRangeException>();
        Rules.NewAssessmentCollectingErrors().Set("age", 40).TryBuild().Success.Should().BeTrue();
    }

    [Fact]
    public async Task TryParseJsonAsync_ReadsAStream_AndRefusesOneOverTheLimitBeforeParsing()
    {
        using var ok = new MemoryStream(Encoding.UTF8.GetBytes("""{"ciwa_ar": 12}"""));
        (await Assessment.TryParseJsonAsync(ok, Rules)).Assessment!.Get("ciwa_ar").Should().Be("12");

        using var yaml = new MemoryStream(Encoding.UTF8.GetBytes("\uFEFFciwa_ar: 12\nage: 30\n"));
        (await Assessment.TryParseAsync(yaml, Rules)).Assessment!.Get("age").Should().Be("30");

        // Not even valid JSON: refused for its size alone, so nothing was parsed.
        using var big = new MemoryStream(new byte[5000]);
        var result = await Assessment.TryParseJsonAsync(big, Rules, "body", maxBytes: 4096);
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.AssessmentTooLarge && d.File == "body" && d.Message == "the assessment is larger than 4096 bytes; an assessment is usually about 1 KB");
    }
}
