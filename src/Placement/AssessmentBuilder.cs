using Placement.Assessments;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;

namespace Placement;

/// <summary>
/// Builds an assessment value by value. A builder from <see cref="RuleSet.NewAssessment"/> checks
/// each value as it is set and throws <see cref="ArgumentException"/> naming the criterion (never
/// the value) when it does not fit. A builder from <see cref="RuleSet.NewAssessmentCollectingErrors"/>
/// records every problem instead, for <see cref="TryBuild"/>: the form for answers that come from
/// outside (a request, a form), where one bad answer must become a clear error, not an exception.
/// </summary>
public sealed class AssessmentBuilder
{
    private readonly RuleSet _ruleSet;
    private readonly int[] _values;
    private readonly List<Diagnostic>? _errors;
    private readonly string _source;

    internal AssessmentBuilder(RuleSet ruleSet, bool collectErrors = false, string source = "assessment")
    {
        _ruleSet = ruleSet;
        _values = new int[ruleSet.Compiled.CriteriaCount];
        Array.Fill(_values, CompiledRuleSet.Unknown);
        _errors = collectErrors ? [] : null;
        _source = source;
    }

    /// <summary>The problems recorded so far (always empty for a builder that throws).</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors ?? (IReadOnlyList<Diagnostic>)[];

    /// <summary>Sets an integer criterion.</summary>
    public AssessmentBuilder Set(string criterionId, int value)
    {
        if (Find(criterionId) is not { } c) return this;
        if (c.Domain.Kind != ValueKind.Integer) return Wrong(c);
        if (value < c.Domain.Min || value > c.Domain.Max)
        {
            return Fail(DiagnosticCodes.OutOfRange, $"{c.Id}: out of range; allowed {c.Domain.Min} to {c.Domain.Max}", nameof(value), outOfRange: true);
        }

        _values[c.Slot] = value;
        return this;
    }

    /// <summary>Sets a boolean criterion.</summary>
    public AssessmentBuilder Set(string criterionId, bool value)
    {
        if (Find(criterionId) is not { } c) return this;
        if (c.Domain.Kind != ValueKind.Boolean) return Wrong(c);
        _values[c.Slot] = value ? 1 : 0;
        return this;
    }

    /// <summary>Sets an enum criterion to one of its words.</summary>
    public AssessmentBuilder Set(string criterionId, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Find(criterionId) is not { } c) return this;
        if (c.Domain.Kind != ValueKind.Enum) return Wrong(c);
        var index = c.Domain.IndexOf(value);
        if (index < 0) return Fail(DiagnosticCodes.NotAnAllowedValue, $"{c.Id}: not an allowed value; allowed: {string.Join(", ", c.Domain.Values)}", nameof(value));
        _values[c.Slot] = index;
        return this;
    }

    /// <summary>Sets a set criterion to the words that apply, each once; an empty list means none of them.</summary>
    public AssessmentBuilder Set(string criterionId, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Find(criterionId) is not { } c) return this;
        if (c.Domain.Kind != ValueKind.Set) return Wrong(c);
        var mask = 0;
        foreach (var value in values)
        {
            if (value is null) return Fail(DiagnosticCodes.WrongValueType, AssessmentReader.SetMessages.NullItem(c), nameof(values));
            var index = c.Domain.IndexOf(value);
            if (index < 0) return Fail(DiagnosticCodes.NotAnAllowedValue, AssessmentReader.SetMessages.NotAllowed(c), nameof(values));
            if ((mask & (1 << index)) != 0) return Fail(DiagnosticCodes.DuplicateValue, AssessmentReader.SetMessages.Twice(c), nameof(values));
            mask |= 1 << index;
        }

        CompiledRuleSet.WriteSet(_values, c, mask);
        return this;
    }

    /// <summary>Marks a criterion unknown (the default for every criterion).</summary>
    public AssessmentBuilder Unknown(string criterionId)
    {
        if (Find(criterionId) is not { } c) return this;
        if (c.Domain.Kind == ValueKind.Set) CompiledRuleSet.WriteSet(_values, c, CompiledRuleSet.Unknown);
        else _values[c.Slot] = CompiledRuleSet.Unknown;
        return this;
    }

    /// <summary>The assessment; the builder can go on being used. Throws <see cref="AssessmentException"/> listing every problem recorded.</summary>
    public Assessment Build()
    {
        var result = TryBuild();
        return result.Success ? result.Assessment : throw new AssessmentException(result.Diagnostics);
    }

    /// <summary>The assessment, or every problem recorded (each naming the criterion, never the value).</summary>
    public AssessmentParseResult TryBuild() => _errors is { Count: > 0 }
        ? new AssessmentParseResult(null, [.. _errors])
        : new AssessmentParseResult(new Assessment(_ruleSet, (int[])_values.Clone()), []);

    /// <summary>Records a problem for an answer whose .NET type fits no criterion type.</summary>
    internal AssessmentBuilder WrongType(string criterionId) => Find(criterionId) is { } c ? Wrong(c) : this;

    private Criterion? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_ruleSet.Compiled.CriteriaById.TryGetValue(id, out var c)) return c;
        if (_ruleSet.Compiled.Migrations.TryGetValue(id, out var migration))
        {
            Fail(DiagnosticCodes.ReplacedCriterion, AssessmentReader.Replaced(migration), nameof(id), suggestion: migration.To.Id);
            return null;
        }

        var suggested = Suggestions.Find(id, _ruleSet.Compiled.CriteriaById.Keys);
        var what = Yaml.YamlTreeReader.IsIdShaped(id)
            ? $"'{id}' is not a criterion of rule set {_ruleSet.Id}"
            : $"an answer keyed by something that is not a criterion of rule set {_ruleSet.Id} (and not written like an id, so it is not repeated here)";
        Fail(DiagnosticCodes.UnknownCriterion, what + suggested.DidYouMean, nameof(id), suggestion: suggested.Best);
        return null;
    }

    private AssessmentBuilder Wrong(Criterion c) =>
        Fail(DiagnosticCodes.WrongValueType, $"{c.Id}: wrong type; expected {AssessmentReader.Expected(c)}", parameter: null);

    private AssessmentBuilder Fail(string code, string message, string? parameter, bool outOfRange = false, string? suggestion = null)
    {
        if (_errors is null) throw outOfRange ? new ArgumentOutOfRangeException(parameter, message) : parameter is null ? new ArgumentException(message) : new ArgumentException(message, parameter);
        _errors.Add(new Diagnostic(code, DiagnosticSeverity.Error, message, _source, 1, 1, suggestion));
        return this;
    }
}
