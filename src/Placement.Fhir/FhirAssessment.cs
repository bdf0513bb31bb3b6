using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Placement.Model;

namespace Placement.Fhir;

/// <summary>The outcome of reading a QuestionnaireResponse: the assessment, or an OperationOutcome naming the item of every answer that does not fit.</summary>
/// <param name="Assessment">The assessment; null when any answer did not fit.</param>
/// <param name="Outcome">Every problem, one issue each, located by the item's <c>linkId</c> (never its value); empty when there is none.</param>
public sealed record FhirAssessmentResult(Assessment? Assessment, OperationOutcome Outcome)
{
    /// <summary>True when the assessment was read.</summary>
    public bool Success => Assessment is not null;
}

/// <summary>
/// Reads a FHIR R4 QuestionnaireResponse to a rule set's questionnaire (<see cref="FhirQuestionnaire"/>)
/// into an <see cref="Assessment"/>. Items are found by <c>linkId</c> at any depth; an item
/// without an answer is unknown. Nothing is guessed: an answer of the wrong type, a code that is
/// not one of the item's answer options, several answers to an item that does not repeat, or an
/// item the rule set does not have is an issue naming the item.
/// </summary>
public static partial class FhirAssessment
{
    /// <summary>Reads a QuestionnaireResponse.</summary>
    /// <param name="response">The response.</param>
    /// <param name="rules">The rule set whose questionnaire it answers.</param>
    public static FhirAssessmentResult FromQuestionnaireResponse(QuestionnaireResponse response, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rules);
        var outcome = new OperationOutcome();
        var builder = rules.NewAssessmentCollectingErrors("QuestionnaireResponse");
        var criteria = rules.Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Flatten(response.Item))
        {
            if (item.Answer.Count == 0) continue;
            var linkId = item.LinkId ?? "";
            if (!criteria.TryGetValue(linkId, out var c))
            {
                // A linkId is repeated only when it is written like an id: any other text might be about the person.
                if (IsIdShaped(linkId)) Issue(outcome, linkId, $"'{linkId}' is not a question of rule set {rules.Id} {rules.Version}");
                else Issue(outcome, null, $"an answered item's linkId is not a question of rule set {rules.Id} {rules.Version} (and not written like an id, so it is not repeated here)");
                continue;
            }

            if (!seen.Add(linkId))
            {
                Issue(outcome, linkId, $"{linkId}: answered twice");
                continue;
            }

            if (c.Domain.Kind != ValueKind.Set && item.Answer.Count > 1)
            {
                Issue(outcome, linkId, $"{linkId}: takes one answer, not {item.Answer.Count}");
                continue;
            }

            Read(builder, outcome, rules, c, item);
        }

        foreach (var d in builder.Errors)
        {
            Issue(outcome, d.Message.Split(':')[0], d.Message);
        }

        var result = builder.TryBuild();
        return outcome.Issue.Count == 0 && result.Assessment is { } a ? new FhirAssessmentResult(a, outcome) : new FhirAssessmentResult(null, outcome);
    }

    /// <summary>Reads a QuestionnaireResponse from FHIR JSON; a document that is not one is an issue too, and so is one longer than <see cref="PlacementLimits.MaxAssessmentBytes"/> characters (too-long), refused before it is parsed.</summary>
    /// <param name="json">The FHIR JSON of a QuestionnaireResponse.</param>
    /// <param name="rules">The rule set whose questionnaire it answers.</param>
    public static FhirAssessmentResult FromJson(string json, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rules);
        if (json.Length > PlacementLimits.MaxAssessmentBytes)
        {
            // Refused before parsing, like every assessment past the limit (docs/limits.md).
            var tooLong = new OperationOutcome();
            tooLong.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.TooLong,
                Diagnostics = $"the QuestionnaireResponse is larger than {PlacementLimits.MaxAssessmentBytes} characters; one for this rule set is a few KB",
            });
            return new FhirAssessmentResult(null, tooLong);
        }

        Resource? resource;
        try
        {
            resource = new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(json);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure of the third-party parser on input from outside is the input's problem, reported
            // as one: it has thrown IndexOutOfRangeException for an empty property name and
            // InvalidOperationException for JSON that is not an object (FhirFuzzTests).
            var outcome = new OperationOutcome();
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Structure,
                Diagnostics = "not valid FHIR JSON" + Where(ex.Message),
            });
            return new FhirAssessmentResult(null, outcome);
        }

        if (resource is QuestionnaireResponse qr) return FromQuestionnaireResponse(qr, rules);
        var wrong = new OperationOutcome();
        wrong.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = OperationOutcome.IssueType.Structure,
            Diagnostics = $"expected a QuestionnaireResponse, not a {resource?.TypeName ?? "document without a resourceType"}",
        });
        return new FhirAssessmentResult(null, wrong);
    }

    /// <summary>
    /// Only the positions of the parser's complaints ("at item[0].answer[0], line 1, column 40"):
    /// its own messages can quote the values, which must not reach an error message.
    /// </summary>
    private static string Where(string message)
    {
        // A path is repeated only when every step is an element name (an unknown property's name could be anything).
        var places = System.Text.RegularExpressions.Regex.Matches(message, @"At ([^,()]+), line (\d+), position (\d+)")
            .Select(m => (ElementPath().IsMatch(m.Groups[1].Value) ? $"at {m.Groups[1].Value}, " : "at ") + $"line {m.Groups[2].Value}, column {m.Groups[3].Value}")
            .Distinct().ToArray();
        return places.Length == 0 ? "" : ": " + string.Join("; ", places);
    }

    private static void Read(AssessmentBuilder builder, OperationOutcome outcome, RuleSet rules, Criterion c, QuestionnaireResponse.ItemComponent item)
    {
        var values = item.Answer.Select(a => a.Value).ToArray();
        switch (c.Domain.Kind)
        {
            case ValueKind.Boolean when values[0] is FhirBoolean { Value: { } b }:
                builder.Set(c.Id, b);
                break;
            case ValueKind.Integer when values[0] is Integer { Value: { } n }:
                builder.Set(c.Id, n);
                break;
            case ValueKind.Enum or ValueKind.Set when values.All(v => v is Coding):
                var codes = new List<string>();
                foreach (var coding in values.Cast<Coding>())
                {
                    if (coding.System is { } system && system != FhirQuestionnaire.CodeSystem(rules, c))
                    {
                        Issue(outcome, c.Id, $"{c.Id}: a code from another code system; use {FhirQuestionnaire.CodeSystem(rules, c)}");
                        return;
                    }

                    codes.Add(coding.Code ?? "");
                }

                if (c.Domain.Kind == ValueKind.Set && codes.Contains(FhirQuestionnaire.NoneOfThese))
                {
                    if (codes.Count > 1) Issue(outcome, c.Id, $"{c.Id}: 'none of these' is given together with other answers");
                    else builder.Set(c.Id, Array.Empty<string>());
                }
                else if (c.Domain.Kind == ValueKind.Set)
                {
                    builder.Set(c.Id, codes);
                }
                else
                {
                    builder.Set(c.Id, codes[0]);
                }
                break;
            default:
                Issue(outcome, c.Id, $"{c.Id}: expected {Expected(c)}");
                break;
        }
    }

    private static string Expected(Criterion c) => c.Domain.Kind switch
    {
        ValueKind.Boolean => "a valueBoolean",
        ValueKind.Integer => $"a valueInteger from {c.Domain.Min} to {c.Domain.Max}",
        ValueKind.Set => "valueCoding answers from the item's answer options",
        _ => "a valueCoding from the item's answer options",
    };

    private static void Issue(OperationOutcome outcome, string? linkId, string message) =>
        outcome.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = OperationOutcome.IssueType.Value,
            Diagnostics = message,
            Expression = [linkId is null ? "QuestionnaireResponse.item" : $"QuestionnaireResponse.item.where(linkId='{linkId}')"],
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,63}(\[\d{1,6}\])?(\.[A-Za-z][A-Za-z0-9_]{0,63}(\[\d{1,6}\])?){0,20}$")]
    private static partial System.Text.RegularExpressions.Regex ElementPath();

    /// <summary>Lower-case letters, digits and '_', starting with a letter, at most <see cref="PlacementLimits.MaxIdLength"/> characters: the form of every criterion id.</summary>
    private static bool IsIdShaped(string text) =>
        text.Length is > 0 and <= PlacementLimits.MaxIdLength && text[0] is >= 'a' and <= 'z' && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static IEnumerable<QuestionnaireResponse.ItemComponent> Flatten(IEnumerable<QuestionnaireResponse.ItemComponent> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Item)) yield return child;
            foreach (var child in Flatten(item.Answer.SelectMany(a => a.Item))) yield return child;
        }
    }
}

/// <summary>An assessment as a QuestionnaireResponse to its rule set's questionnaire (for test data, and for tools that hold answers as assessments).</summary>
public static class FhirQuestionnaireResponse
{
    /// <summary>The known answers as a completed QuestionnaireResponse, one item per answer (flat: items are found by linkId at any depth).</summary>
    /// <param name="assessment">The assessment.</param>
    public static QuestionnaireResponse For(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var rules = assessment.RuleSet;
        var qr = new QuestionnaireResponse
        {
            Questionnaire = FhirQuestionnaire.Url(rules) + "|" + rules.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        };
        foreach (var c in rules.Criteria)
        {
            if (assessment.Get(c.Id) is not { } value) continue;
            var item = new QuestionnaireResponse.ItemComponent { LinkId = c.Id, Text = c.Label };
            switch (c.Domain.Kind)
            {
                case ValueKind.Boolean:
                    item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(value == "true") });
                    break;
                case ValueKind.Integer:
                    item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Integer(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) });
                    break;
                default:
                    var words = c.Domain.Kind == ValueKind.Set ? value.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries) : [value];
                    foreach (var w in words)
                    {
                        item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(FhirQuestionnaire.CodeSystem(rules, c), w, c.Domain.Labels[c.Domain.IndexOf(w)]) });
                    }

                    if (words.Length == 0)
                    {
                        item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new Coding(FhirQuestionnaire.CodeSystem(rules, c), FhirQuestionnaire.NoneOfThese, "None of these") });
                    }

                    break;
            }

            qr.Item.Add(item);
        }

        return qr;
    }
}
