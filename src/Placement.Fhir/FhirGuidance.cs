using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Placement.Explanations;

namespace Placement.Fhir;

/// <summary>
/// A recommendation as a FHIR R4 <see cref="GuidanceResponse"/>: the resource the clinical-reasoning
/// module defines for the result of evaluating a decision support rule (and what a CDS service
/// returns when asked through FHIR). <c>status</c> is <c>success</c> when recommended,
/// <c>data-requested</c> when provisional and <c>data-required</c> when required answers are
/// missing; <c>dataRequirement</c> lists the missing answers by linkId, in the order to ask them;
/// the levels are in a contained <c>Parameters</c> (<c>outputParameters</c>), one part per decision
/// with its level (only when determined), floor and ceiling as codings; the explanation is a note in
/// Markdown. Levels are never shown as decided when they are not.
/// </summary>
public static class FhirGuidance
{
    /// <summary>The code system of a decision's levels: <c>urn:placement:{ruleset id}:{decision id}</c>.</summary>
    public static string LevelSystem(RuleSet rules, Model.Decision decision)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(decision);
        return $"{FhirQuestionnaire.BaseUrl}{rules.Id}:{decision.Id}";
    }

    /// <summary>The recommendation as a GuidanceResponse.</summary>
    /// <param name="recommendation">The recommendation.</param>
    /// <param name="requestId">The id of the request it answers (for example a CDS Hooks hookInstance); a new one when null.</param>
    public static GuidanceResponse For(Recommendation recommendation, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var rec = recommendation;
        var rules = rec.RuleSet;
        var parameters = new Parameters { Id = "levels" };
        foreach (var d in rules.Decisions)
        {
            var part = new Parameters.ParameterComponent { Name = d.Id };
            if (rec.Level(d) is { } level) part.Part.Add(new Parameters.ParameterComponent { Name = "level", Value = Code(rules, d, level) });
            part.Part.Add(new Parameters.ParameterComponent { Name = "floor", Value = Code(rules, d, rec.Floor(d)) });
            part.Part.Add(new Parameters.ParameterComponent { Name = "ceiling", Value = Code(rules, d, rec.Ceiling(d)) });
            parameters.Parameter.Add(part);
        }

        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "status", Value = new Code(rec.Status.ToString().ToLowerInvariant()) });
        foreach (var flag in rec.Flags) parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "flag", Value = new FhirString($"[{flag.Rule}] {flag.Text}") });
        foreach (var flag in rec.PossibleFlags) parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "possibleFlag", Value = new FhirString($"[{flag.Rule}] {flag.Text}") });

        var response = new GuidanceResponse
        {
            RequestIdentifier = new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + (requestId ?? Guid.NewGuid().ToString())),
            Module = new FhirUri($"{FhirQuestionnaire.BaseUrl}ruleset:{rules.Id}|{rules.Version}"),
            Status = rec.Status switch
            {
                RecommendationStatus.Recommended => GuidanceResponse.GuidanceResponseStatus.Success,
                RecommendationStatus.Provisional => GuidanceResponse.GuidanceResponseStatus.DataRequested,
                _ => GuidanceResponse.GuidanceResponseStatus.DataRequired,
            },
            OccurrenceDateTime = new FhirDateTime(DateTimeOffset.UtcNow).Value,
            OutputParameters = new ResourceReference("#levels"),
        };
        response.Identifier.Add(new Identifier("urn:placement:ruleset-sha256", rules.Sha256));
        response.Contained.Add(parameters);
        response.Note.Add(new Annotation { Text = new Markdown(rec.Explain().ToMarkdown()) });
        foreach (var m in rec.Missing)
        {
            response.DataRequirement.Add(new DataRequirement
            {
                Type = FHIRAllTypes.QuestionnaireResponse,
                MustSupport = [$"item.where(linkId='{m.Criterion.Id}').answer"],
            });
        }

        return response;
    }

    /// <summary>A FHIR resource as FHIR JSON.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="pretty">Indented.</param>
    public static string ToJson(Resource resource, bool pretty = false)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new FhirJsonSerializer().SerializeToString(resource, pretty);
    }

    private static Coding Code(RuleSet rules, Model.Decision d, Model.Level level) => new(LevelSystem(rules, d), level.Id, level.Name);
}
