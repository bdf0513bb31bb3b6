using Hl7.Fhir.Model;
using Placement.Model;

namespace Placement.Fhir;

/// <summary>
/// A FHIR R4 <see cref="Questionnaire"/> for any rule set: one item per criterion, its
/// <c>linkId</c> the criterion id, grouped by ask tier (tier 1 first); booleans as boolean items,
/// integers with SDC <c>minValue</c>/<c>maxValue</c>, enums as choices and sets as repeating
/// choices with answer options (code the word, display its label), help text from descriptions,
/// <c>required</c> from the rule set. A criterion required only under a condition on one set or enum
/// criterion (<c>withdrawal_substances has any [alcohol, sedative]</c>) is required and shown only
/// while that holds (<c>enableWhen</c>); one whose condition cannot be written as <c>enableWhen</c>
/// is shown always and not marked required, and the recommendation still reports it as a required
/// answer while it is unknown.
/// </summary>
public static class FhirQuestionnaire
{
    /// <summary>The base of the canonical URLs of generated questionnaires and code systems.</summary>
    public const string BaseUrl = "urn:placement:";

    /// <summary>
    /// The answer option of a set item that means none of its words apply (an empty set), distinct
    /// from leaving the item unanswered (unknown). No word can be it: words have no hyphen.
    /// </summary>
    public const string NoneOfThese = "none-of-these";

    /// <summary>The canonical URL of a rule set's questionnaire: <c>urn:placement:questionnaire:{id}</c> (its version is the rule set's).</summary>
    public static string Url(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return $"{BaseUrl}questionnaire:{rules.Id}";
    }

    /// <summary>The code system of a criterion's answer words: <c>urn:placement:{ruleset id}:{criterion id}</c>.</summary>
    public static string CodeSystem(RuleSet rules, Criterion criterion)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(criterion);
        return $"{BaseUrl}{rules.Id}:{criterion.Id}";
    }

    /// <summary>The questionnaire for <paramref name="rules"/>.</summary>
    public static Questionnaire For(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var q = new Questionnaire
        {
            Id = rules.Id,
            Url = Url(rules),
            Version = rules.Version,
            Name = string.Concat(rules.Id.Split('-', '_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])),
            Title = rules.Title ?? rules.Id,
            Status = PublicationStatus.Active,
            Description = rules.Description is null ? null : new Markdown(rules.Description),
            SubjectType = [ResourceType.Patient],
        };
        q.Identifier.Add(new Identifier("urn:placement:ruleset-sha256", rules.Sha256));
        foreach (var tier in rules.Criteria.GroupBy(c => c.Ask ?? int.MaxValue).OrderBy(g => g.Key))
        {
            var group = new Questionnaire.ItemComponent
            {
                LinkId = tier.Key == int.MaxValue ? "ask-last" : $"ask-{tier.Key}",
                Text = tier.Key == int.MaxValue ? "Other questions" : $"Questions, tier {tier.Key}" + (tier.Key == 1 ? " (ask first)" : ""),
                Type = Questionnaire.QuestionnaireItemType.Group,
            };
            foreach (var c in tier) group.Item.Add(Item(rules, c));
            q.Item.Add(group);
        }

        return q;
    }

    private static Questionnaire.ItemComponent Item(RuleSet rules, Criterion c)
    {
        var item = new Questionnaire.ItemComponent { LinkId = c.Id, Text = c.Label };
        switch (c.Domain.Kind)
        {
            case ValueKind.Boolean:
                item.Type = Questionnaire.QuestionnaireItemType.Boolean;
                break;
            case ValueKind.Integer:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/minValue", new Integer(c.Domain.Min)));
                item.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/maxValue", new Integer(c.Domain.Max)));
                break;
            default:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.Repeats = c.Domain.Kind == ValueKind.Set;
                for (var i = 0; i < c.Domain.Values.Count; i++)
                {
                    item.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = new Coding(CodeSystem(rules, c), c.Domain.Values[i], c.Domain.Labels[i]) });
                }

                if (c.Domain.Kind == ValueKind.Set)
                {
                    item.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = new Coding(CodeSystem(rules, c), NoneOfThese, "None of these") });
                }

                break;
        }

        if (c.Description is { } description)
        {
            var help = new Questionnaire.ItemComponent { LinkId = c.Id + ".help", Text = description, Type = Questionnaire.QuestionnaireItemType.Display };
            help.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
                new CodeableConcept("http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button")));
            item.Item.Add(help);
        }

        if (c.IsRequired)
        {
            item.Required = true;
        }
        else if (c.RequiredWhen is { } condition && EnableWhen(rules, condition) is { } when)
        {
            item.Required = true;
            item.EnableWhen.AddRange(when);
            item.EnableBehavior = Questionnaire.EnableWhenBehavior.Any;
        }

        return item;
    }

    /// <summary>
    /// <c>x has y</c>, <c>x has any [y, z]</c> on a set, or <c>x == y</c> / <c>x in [y, z]</c> on an
    /// enum, as enableWhen conditions (any of them); null when the condition has another shape.
    /// </summary>
    private static List<Questionnaire.EnableWhenComponent>? EnableWhen(RuleSet rules, string condition)
    {
        var m = System.Text.RegularExpressions.Regex.Match(condition.Trim(),
            @"^([a-z][a-z0-9_]*)\s+(?:has\s+any\s+\[([a-z0-9_,\s]+)\]|has\s+([a-z][a-z0-9_]*)|==\s*([a-z][a-z0-9_]*)|in\s+\[([a-z0-9_,\s]+)\])$");
        if (!m.Success) return null;
        var criterion = rules.Criteria.FirstOrDefault(c => c.Id == m.Groups[1].Value);
        if (criterion is null || criterion.Domain.Kind is not (ValueKind.Set or ValueKind.Enum)) return null;
        var words = (m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => criterion.Domain.IndexOf(w) < 0)) return null;
        return words.Select(w => new Questionnaire.EnableWhenComponent
        {
            Question = criterion.Id,
            Operator = Questionnaire.QuestionnaireItemOperator.Equal,
            Answer = new Coding(CodeSystem(rules, criterion), w),
        }).ToList();
    }
}
