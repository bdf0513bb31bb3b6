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
    [InlineData("{\"home_stability\": \"unsfe\"}", "PL5004", 20, "home_stability: not an allowed value; allowed: stable, unstable, unsafe")]
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

    [Theory]
    [InlineData("""{"id":"A-17","cows":14}""", "\"A-17\"")]
    [InlineData("""{"cows":14,"id":12345}""", "12345")]
    [InlineData("""{"cows":14, "id" : "a\"b" }""", "\"a\\\"b\"")]
    [InlineData("""{"cows":14,"id":null}""", null)]
    [InlineData("""{"cows":14}""", null)]
    public void TryParseJson_RecordKey_IsSkippedAndItsRawValueReturned(string json, string? key)
    {
        var result = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules, "in.ndjson", 3, recordKey: "id");

        result.Diagnostics.Should().BeEmpty();
        result.Assessment!.Known().Should().Equal([new KeyValuePair<string, string>("cows", "14")]);
        result.RecordKey.Should().Be(key);
    }

    [Fact]
    public void TryParseJson_InvalidLineWithARecordKey_StillReturnsTheKey()
    {
        var result = Assessment.TryParseJson("""{"ciwa_ar":99,"id":"A-17"}"""u8, Rules, "in.ndjson", 3, recordKey: "id");

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.Code).Should().Equal("PL5003");
        result.RecordKey.Should().Be("\"A-17\"");
    }

    [Theory]
    [InlineData("""{"id":{"name":"Jane Doe"}}""", "PL5002", 7, "id: a record key must be a string or a number")]
    [InlineData("""{"id":["Jane Doe"]}""", "PL5002", 7, "id: a record key must be a string or a number")]
    [InlineData("""{"id":true}""", "PL5002", 7, "id: a record key must be a string or a number")]
    [InlineData("""{"id":1,"id":2}""", "PL1005", 9, "duplicate key 'id'")]
    public void TryParseJson_InvalidRecordKey_IsAnErrorThatNeverShowsItsValue(string json, string code, int column, string message)
    {
        var result = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules, "in.ndjson", 3, recordKey: "id");

        result.Success.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Column, d.Message).Should().Be((code, column, message));
        result.RecordKey.Should().BeNull("only a string or number is an identifier to show");
    }

    [Fact]
    public void TryParseJson_WithoutARecordKey_ReadsTheKeyAsAnUnknownCriterion()
    {
        var result = Assessment.TryParseJson("""{"id":"A-17","cows":14}"""u8, Rules, "in.ndjson", 3);

        result.Diagnostics.Select(d => d.Message).Should().Equal("unknown criterion 'id'");
        result.RecordKey.Should().BeNull();
    }

    [Fact]
    public void TryParseJson_RecordKeyNamingACriterion_Throws()
    {
        var act = () => Assessment.TryParseJson("{}"u8, Rules, "in.ndjson", 1, recordKey: "cows");

        act.Should().Throw<ArgumentException>().WithMessage("*'cows' names an answer*");
    }

    private static string Json(string criterion, string value) =>
        Rules.Criteria.Single(c => c.Id == criterion).Domain.Kind == Model.ValueKind.Enum ? $"\"{value}\"" : value;
}
