using System.Globalization;
using CsCheck;
using Placement.Model;
using Placement.Tests.Fuzzing;

namespace Placement.Fhir.Tests;

/// <summary>
/// Fuzzing the FHIR reader (seeded, see <see cref="Fuzz"/>): random assessments written as
/// QuestionnaireResponses read back to the same assessment, and random edits of that JSON give an
/// OperationOutcome, never an exception, and never repeat a value in it.
/// </summary>
public sealed class FhirFuzzTests
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    private static readonly Gen<Assessment> Assessments =
        Gen.Select(Gen.Int[0, 1_000_000].Array[Rules.Criteria.Count], Gen.Int[0, 3].Array[Rules.Criteria.Count], (draws, unknown) =>
            Assessment.Parse(string.Concat(Rules.Criteria.Select((c, i) => $"{c.Id}: {(unknown[i] == 0 ? "null" : Value(c.Domain, draws[i]))}\n")), Rules));

    [Fact]
    public void RandomAssessments_AsQuestionnaireResponses_ReadBackTheSame()
    {
        Fuzz.Check(Assessments, assessment =>
        {
            var json = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(assessment));

            var read = FhirAssessment.FromJson(json, Rules);

            read.Outcome.Issue.Should().BeEmpty(json);
            read.Assessment.Should().Be(assessment, json);
        }, cases: 300);
    }

    [Fact]
    public void RandomEditsOfQuestionnaireResponses_GiveAnOutcome_ThatNeverRepeatsAValue()
    {
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e400", "-1", "\"SECRET\"", "{\"valueString\":\"SECRET\"}",
            "\"valueInteger\":\"SECRET\"", "{\"linkId\":\"SECRET\"}", "{\"linkId\":\"SECRET x\",\"answer\":[{\"valueBoolean\":true}]}", "\"SECRET x\":1,", "\"resourceType\":\"Patient\"", "99999999999999999999"];
        var edit = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 3], Gen.OneOf(tokens), Gen.Int[1, 30]);
        Fuzz.Check(Gen.Select(Assessments, edit.Array[1, 4]), t =>
        {
            var (assessment, edits) = t;
            var json = FhirGuidance.ToJson(FhirQuestionnaireResponse.For(assessment));
            foreach (var (at, kind, token, length) in edits)
            {
                if (json.Length == 0)
                {
                    json = token;
                    continue;
                }

                var i = at % json.Length;
                var n = Math.Min(length, json.Length - i);
                json = kind switch { 0 => json.Remove(i, n), 1 => json.Insert(i, token), 2 => json.Insert(i, json.Substring(i, n)), _ => json[..i] };
            }

            var read = FhirAssessment.FromJson(json, Rules);

            if (read.Assessment is null) read.Outcome.Issue.Should().NotBeEmpty(json);
            read.Outcome.Issue.Should().NotContain(i => (i.Diagnostics ?? "").Contains("SECRET") || i.Expression.Any(e => (e ?? "").Contains("SECRET")), json);
        }, cases: 500);
    }

    [Fact]
    public void NotAnObject_PastTheLimit_OrNested100000Deep_IsAnIssue_NotAnException()
    {
        var huge = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"text\":{\"div\":\"" + new string('x', PlacementLimits.MaxAssessmentBytes) + "\"}}";
        var deep = "{\"resourceType\":\"QuestionnaireResponse\",\"item\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        // The last two made the FHIR parser throw (found by the fuzzing): an empty property name, a nameless value.
        foreach (var notAnObject in new[] { "[1]", "1", "\"x\"", "null", "[]", "true",
            "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"\":false}]}",
            "{\"resourceType\":\"QuestionnaireResponse\",\"\":1}" })
        {
            FhirAssessment.FromJson(notAnObject, Rules).Outcome.Issue.Should().ContainSingle(notAnObject).Which.Code.Should().Be(Hl7.Fhir.Model.OperationOutcome.IssueType.Structure);
        }

        FhirAssessment.FromJson(huge, Rules).Outcome.Issue.Should().ContainSingle().Which.Code.Should().Be(Hl7.Fhir.Model.OperationOutcome.IssueType.TooLong);
        var nested = FhirAssessment.FromJson(deep, Rules);
        nested.Assessment.Should().BeNull();
        nested.Outcome.Issue.Should().ContainSingle().Which.Code.Should().Be(Hl7.Fhir.Model.OperationOutcome.IssueType.Structure);
    }

    [Fact]
    public void AnUnknownLinkIdOrPropertyName_ThatIsNotWrittenLikeAnId_IsNotRepeated()
    {
        const string Secret = "Jane Doe SECRET \u001b[31m";
        var linkId = $$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"{{Secret}}","answer":[{"valueBoolean":true}]}]}""";
        var property = $$"""{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"pregnant","{{Secret}}":1,"answer":[{"valueBoolean":true}]}]}""";
        var misspelt = """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"pregnnt","answer":[{"valueBoolean":true}]}]}""";

        foreach (var json in new[] { linkId, property })
        {
            var issues = FhirAssessment.FromJson(json, Rules).Outcome.Issue;
            issues.Should().NotBeEmpty(json);
            issues.Should().NotContain(i => (i.Diagnostics ?? "").Contains("SECRET") || i.Expression.Any(e => (e ?? "").Contains("SECRET")) || (i.Diagnostics ?? "").Contains('\u001b'), json);
        }

        FhirAssessment.FromJson(misspelt, Rules).Outcome.Issue.Should().ContainSingle().Which.Diagnostics.Should().StartWith("'pregnnt' is not a question of rule set");
    }

    private static string Value(ValueDomain domain, int draw) => domain.Kind switch
    {
        ValueKind.Integer => (domain.Min + (draw % (domain.Max - domain.Min + 1))).ToString(CultureInfo.InvariantCulture),
        ValueKind.Set => "[" + string.Join(", ", domain.Values.Where((_, i) => ((draw >> i) & 1) == 1)) + "]",
        _ => domain.Values[draw % domain.Values.Count],
    };
}
