using Placement.Assessments;
using Placement.Engine;
using Placement.Model;

namespace Placement;

/// <summary>
/// Builds an assessment value by value. Each call checks the value against the criterion and
/// throws <see cref="ArgumentException"/> naming the criterion (never the value) when it does not fit.
/// </summary>
public sealed class AssessmentBuilder
{
    private readonly RuleSet _ruleSet;
    private readonly int[] _values;

    internal AssessmentBuilder(RuleSet ruleSet)
    {
        _ruleSet = ruleSet;
        _values = new int[ruleSet.Compiled.CriteriaCount];
        Array.Fill(_values, CompiledRuleSet.Unknown);
    }

    /// <summary>Sets an integer criterion.</summary>
    public AssessmentBuilder Set(string criterionId, int value)
    {
        var c = Find(criterionId);
        if (c.Domain.Kind != ValueKind.Integer) throw Wrong(c);
        if (value < c.Domain.Min || value > c.Domain.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{c.Id}: out of range; allowed {c.Domain.Min} to {c.Domain.Max}");
        }

        _values[c.Slot] = value;
        return this;
    }

    /// <summary>Sets a boolean criterion.</summary>
    public AssessmentBuilder Set(string criterionId, bool value)
    {
        var c = Find(criterionId);
        if (c.Domain.Kind != ValueKind.Boolean) throw Wrong(c);
        _values[c.Slot] = value ? 1 : 0;
        return this;
    }

    /// <summary>Sets an enum criterion to one of its words.</summary>
    public AssessmentBuilder Set(string criterionId, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var c = Find(criterionId);
        if (c.Domain.Kind != ValueKind.Enum) throw Wrong(c);
        var index = c.Domain.IndexOf(value);
        if (index < 0)
        {
            throw new ArgumentException($"{c.Id}: not an allowed value; allowed: {string.Join(", ", c.Domain.Values)}", nameof(value));
        }

        _values[c.Slot] = index;
        return this;
    }

    /// <summary>Sets a set criterion to the words that apply, each once; an empty list means none of them.</summary>
    public AssessmentBuilder Set(string criterionId, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var c = Find(criterionId);
        if (c.Domain.Kind != ValueKind.Set) throw Wrong(c);
        var mask = 0;
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            var index = c.Domain.IndexOf(value);
            if (index < 0)
            {
                throw new ArgumentException(AssessmentReader.SetMessages.NotAllowed(c), nameof(values));
            }

            if ((mask & (1 << index)) != 0) throw new ArgumentException(AssessmentReader.SetMessages.Twice(c), nameof(values));
            mask |= 1 << index;
        }

        CompiledRuleSet.WriteSet(_values, c, mask);
        return this;
    }

    /// <summary>Marks a criterion unknown (the default for every criterion).</summary>
    public AssessmentBuilder Unknown(string criterionId)
    {
        var c = Find(criterionId);
        if (c.Domain.Kind == ValueKind.Set) CompiledRuleSet.WriteSet(_values, c, CompiledRuleSet.Unknown);
        else _values[c.Slot] = CompiledRuleSet.Unknown;
        return this;
    }

    /// <summary>The assessment; the builder can go on being used.</summary>
    public Assessment Build() => new(_ruleSet, (int[])_values.Clone());

    private Criterion Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_ruleSet.Compiled.CriteriaById.TryGetValue(id, out var c)) return c;
        if (_ruleSet.Compiled.Migrations.TryGetValue(id, out var migration)) throw new ArgumentException(AssessmentReader.Replaced(migration), nameof(id));
        var suggested = Diagnostics.Suggestions.Find(id, _ruleSet.Compiled.CriteriaById.Keys);
        throw new ArgumentException($"'{id}' is not a criterion of rule set {_ruleSet.Id}{suggested.DidYouMean}", nameof(id));
    }

    private static ArgumentException Wrong(Criterion c) =>
        new($"{c.Id}: wrong type; expected {AssessmentReader.Expected(c)}");
}
