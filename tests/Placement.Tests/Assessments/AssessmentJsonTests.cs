using System.Text;

namespace Placement.Tests.Assessments;

/// <summary>The fast JSON reader used by batch gives the same answers and errors as the YAML reader.</summary>
public sealed class AssessmentJsonTests
{
    private static RuleSet Rules => TestSupport.Rules;

    [Fact]
    public void TryParseJson_SameValuesAsTryParse()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var a = Engine.MissingDataTests.RandomAssessment(Rules, random).Build();
            var json = "{" + string.Join(",", a.Known().Select(kv => $"\"{kv.Key}\":{Json(kv.Key, kv.Value)}")) + "}";

            var fast = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules);
            var slow = Assessment.TryParse(json, Rules);

            fast.Assessment!.Known().Should().Equal(slow.Assessment!.Known());
        }
    }

    [Theory]
    [InlineData("{\"ciwa_ar\": 68}", "PL5003", 13, "ciwa_ar: out of range; allowed 0 to 67")]
    [InlineData("{\"ciwa_ar\": \"12\"}", "PL5002", 13, "ciwa_ar: expected a whole number from 0 to 67 (or null when unknown)")]
    [InlineData("{\"ciwa_ar\": 1.5}", "PL5002", 13, "ciwa_ar: expected a whole number from 0 to 67 (or null when unknown)")]
    [InlineData("{\"pregnant\": \"yes\"}", "PL5002", 14, "pregnant: expected true or false (or null when unknown)")]
    [InlineData("{\"home_stability\": \"unsfe\"}", "PL5004", 20, "home_stability: not an allowed value; did you mean 'unsafe'?; allowed: stable, unstable, unsafe")]
    [InlineData("{\"ciwa\": 1}", "PL5001", 2, "unknown criterion 'ciwa'; did you mean 'ciwa_ar' or 'cows'?")]
    [InlineData("{\"cows\": 1, \"cows\": 2}", "PL1005", 13, "duplicate key 'cows'")]
    [InlineData("[1]", "PL5005", 1, "an assessment must be a JSON object of criterion ids to values")]
    [InlineData("{\"relapse_risk\": [\"low\"]}", "PL5002", 18, "relapse_risk: expected one of none, low, moderate, high, severe, not a list")]
    public void TryParseJson_Invalid_ReportsCodeColumnAndMessage(string json, string code, int column, string message)
    {
        var result = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules, "in.ndjson", 7);

        result.Success.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.File, d.Line, d.Column, d.Message).Should().Be((code, "in.ndjson", 7, column, message));
    }

    [Fact]
    public void TryParseJson_TopLevelSchemaKey_IsIgnored()
    {
        var result = Assessment.TryParseJson("{\"$schema\":\"../../schemas/assessment.schema.json\",\"cows\":14}"u8, Rules);

        result.Assessment!.Known().Should().Equal([new KeyValuePair<string, string>("cows", "14")]);
    }

    private static string Json(string criterion, string value) =>
        Rules.Criteria.Single(c => c.Id == criterion).Domain.Kind == Model.ValueKind.Enum ? $"\"{value}\"" : value;
}
