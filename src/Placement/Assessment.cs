using Placement.Assessments;
using Placement.Diagnostics;
using Placement.Engine;

namespace Placement;

/// <summary>
/// The answers for one person, checked against a rule set's criteria. A criterion that is not
/// given is unknown; the recommendation then says what it could change. Immutable.
/// </summary>
public sealed class Assessment
{
    internal Assessment(RuleSet ruleSet, int[] values)
    {
        RuleSet = ruleSet;
        Values = values;
        if (ruleSet.Compiled.Sets.Length > 0) ruleSet.Compiled.SyncSets(values);
        IsComplete = Array.IndexOf(values, CompiledRuleSet.Unknown) < 0;
    }

    /// <summary>The rule set whose criteria this assessment answers.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>True when every criterion was given: the recommendation can then never be provisional.</summary>
    public bool IsComplete { get; }

    /// <summary>One value per criterion slot (a set's members included); <see cref="CompiledRuleSet.Unknown"/> when not given.</summary>
    internal int[] Values { get; }

    /// <summary>
    /// Reads an assessment from YAML or JSON: a mapping of criterion ids to values (null or
    /// absent means unknown). Throws <see cref="AssessmentException"/> listing every problem.
    /// </summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    public static Assessment Parse(string text, RuleSet ruleSet, string fileName = "assessment")
    {
        var result = TryParse(text, ruleSet, fileName);
        return result.Success ? result.Assessment : throw new AssessmentException(result.Diagnostics);
    }

    /// <summary>Reads an assessment from YAML or JSON, reporting every problem with its position.</summary>
    public static AssessmentParseResult TryParse(string text, RuleSet ruleSet, string fileName = "assessment")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (values, diagnostics) = AssessmentReader.Read(text, ruleSet.Compiled, fileName ?? "assessment");
        return new AssessmentParseResult(values is null ? null : new Assessment(ruleSet, values), diagnostics);
    }

    /// <summary>
    /// Reads one assessment from a UTF-8 JSON object (such as one line of NDJSON), quickly and with
    /// the same validation as <see cref="TryParse"/>; diagnostics carry <paramref name="line"/> and
    /// the byte column. With <paramref name="recordKey"/>, the property of that name is the record's
    /// identifier, not a criterion: its value (a string or a number) is returned as raw JSON in
    /// <see cref="AssessmentParseResult.RecordKey"/>, also when the assessment is invalid, so results
    /// and errors can be joined back to their source records. Any other value for it is an error
    /// (PL5002) that never shows the value.
    /// </summary>
    /// <param name="utf8Json">The JSON object.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="line">The line number used in error positions.</param>
    /// <param name="recordKey">The name of the record-key property, or null for none; it must not be a criterion's id.</param>
    public static AssessmentParseResult TryParseJson(ReadOnlySpan<byte> utf8Json, RuleSet ruleSet, string fileName = "assessment", int line = 1, string? recordKey = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (recordKey is not null && ruleSet.NamesAnAnswer(recordKey))
        {
            throw new ArgumentException($"'{recordKey}' names an answer in rule set {ruleSet.Id} (a criterion, or one a migration replaces), so it cannot be the record key", nameof(recordKey));
        }

        var errors = new List<Diagnostic>();
        var values = AssessmentJsonReader.Read(utf8Json, ruleSet.Compiled, fileName ?? "assessment", line, errors, recordKey, out var key);
        return new AssessmentParseResult(values is null ? null : new Assessment(ruleSet, values), errors) { RecordKey = key };
    }

    /// <summary>Whether the criterion was given.</summary>
    public bool IsKnown(string criterionId) => Values[Find(criterionId).Slot] != CompiledRuleSet.Unknown;

    /// <summary>The given value as written (a word, true/false, digits, or <c>[a, b]</c> for a set), or null when unknown.</summary>
    public string? Get(string criterionId)
    {
        var c = Find(criterionId);
        return Values[c.Slot] == CompiledRuleSet.Unknown ? null : c.Domain.Format(Values[c.Slot]);
    }

    /// <summary>The criteria that were given, with their values, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Known() =>
        RuleSet.Criteria.Where(c => Values[c.Slot] != CompiledRuleSet.Unknown)
            .Select(c => new KeyValuePair<string, string>(c.Id, c.Domain.Format(Values[c.Slot])))
            .ToArray();

    private Model.Criterion Find(string criterionId) =>
        RuleSet.Compiled.CriteriaById.TryGetValue(criterionId, out var c)
            ? c
            : throw new ArgumentException($"'{criterionId}' is not a criterion of rule set {RuleSet.Id}{Suggestions.Find(criterionId, RuleSet.Compiled.CriteriaById.Keys).DidYouMean}", nameof(criterionId));
}
