using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// For each criterion, the values exact bounds try when its answer is unknown: one value from each
/// class of values that no condition can tell apart. Booleans and enums try every value. An integer
/// compared only with constants (<c>score &gt;= 10</c>, <c>score - 2 &lt; 5</c>) tries its extremes
/// and the values beside each threshold; one that takes part in other arithmetic (<c>min(a, b)</c>,
/// <c>a + b</c>) tries its whole range when that is small, and otherwise its classes are
/// approximate, which exact bounds then report.
/// </summary>
internal sealed class CriterionValues
{
    /// <summary>An integer range up to this size is tried value by value when thresholds cannot split it.</summary>
    public const int WholeRangeLimit = 128;

    private readonly int[][] _values;
    private readonly bool[] _exact;

    public CriterionValues(CompiledRuleSet rules)
    {
        var thresholds = new Dictionary<Criterion, SortedSet<int>>();
        var complex = new HashSet<Criterion>();
        foreach (var rule in rules.EvaluationOrder) Collect(rule.Condition, thresholds, complex);

        _values = new int[rules.CriteriaCount][];
        _exact = new bool[rules.CriteriaCount];
        foreach (var c in rules.Criteria)
        {
            var d = c.Domain;
            if (c.Members.Count > 0)
            {
                // A set's own slot holds its mask, which no condition reads (they read its members).
                _values[c.Slot] = [d.Min];
                _exact[c.Slot] = true;
                continue;
            }

            if (d.Kind != ValueKind.Integer)
            {
                _values[c.Slot] = Enumerable.Range(d.Min, d.Max - d.Min + 1).ToArray();
                _exact[c.Slot] = true;
                continue;
            }

            if (complex.Contains(c) && (long)d.Max - d.Min + 1 <= WholeRangeLimit)
            {
                _values[c.Slot] = Enumerable.Range(d.Min, d.Max - d.Min + 1).ToArray();
                _exact[c.Slot] = true;
                continue;
            }

            var points = new SortedSet<int> { d.Min, d.Max };
            if (thresholds.TryGetValue(c, out var ts))
            {
                foreach (var t in ts)
                {
                    foreach (var v in new long[] { (long)t - 1, t, (long)t + 1 })
                    {
                        if (v >= d.Min && v <= d.Max) points.Add((int)v);
                    }
                }
            }

            _values[c.Slot] = points.ToArray();
            _exact[c.Slot] = !complex.Contains(c);
        }
    }

    /// <summary>The values to try for a criterion, lowest first.</summary>
    public int[] Of(Criterion criterion) => _values[criterion.Slot];

    /// <summary>True when the values tried cover every class the conditions can tell apart.</summary>
    public bool IsExact(Criterion criterion) => _exact[criterion.Slot];

    private static void Collect(BoundExpr condition, Dictionary<Criterion, SortedSet<int>> thresholds, HashSet<Criterion> complex)
    {
        foreach (var node in BoundExprSymbols.Descendants(condition))
        {
            if (node is not BoundComparison c) continue;

            var left = Linear(c.Left);
            var right = Linear(c.Right);
            if (left is { Criterion: { } lc } && right is { Criterion: null })
            {
                Add(thresholds, lc, right.Value.Offset - left.Value.Offset);
            }
            else if (right is { Criterion: { } rc } && left is { Criterion: null })
            {
                Add(thresholds, rc, left.Value.Offset - right.Value.Offset);
            }
            else
            {
                foreach (var ic in IntegerCriteriaIn(c.Left).Concat(IntegerCriteriaIn(c.Right))) complex.Add(ic);
            }
        }
    }

    /// <summary>The integer criteria an integer expression computes with (not those inside the conditions a count counts, which are comparisons of their own).</summary>
    private static IEnumerable<Criterion> IntegerCriteriaIn(BoundExpr e) => e switch
    {
        BoundSymbol { Symbol: Criterion { Domain.Kind: ValueKind.Integer } c } => [c],
        BoundArithmetic a => IntegerCriteriaIn(a.Left).Concat(IntegerCriteriaIn(a.Right)),
        BoundAggregate { Kind: not AggregateKind.Count } g => g.Arguments.SelectMany(IntegerCriteriaIn),
        _ => [],
    };

    private static void Add(Dictionary<Criterion, SortedSet<int>> thresholds, Criterion c, long t)
    {
        if (c.Domain.Kind != ValueKind.Integer) return;
        if (!thresholds.TryGetValue(c, out var set)) thresholds[c] = set = [];
        set.Add((int)Math.Clamp(t, int.MinValue + 1L, int.MaxValue - 1L));
    }

    /// <summary>An expression of the form <c>constant</c> or <c>criterion ± constants</c>, or null.</summary>
    private static (Criterion? Criterion, long Offset)? Linear(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant k:
                return (null, k.Value);
            case BoundSymbol { Symbol: Criterion { Domain.Kind: ValueKind.Integer } c }:
                return (c, 0);
            case BoundArithmetic a:
                var l = Linear(a.Left);
                var r = Linear(a.Right);
                if (l is null || r is null) return null;
                if (r.Value.Criterion is not null && (l.Value.Criterion is not null || !a.IsAdd)) return null;
                var criterion = l.Value.Criterion ?? r.Value.Criterion;
                return (criterion, a.IsAdd ? l.Value.Offset + r.Value.Offset : l.Value.Offset - r.Value.Offset);
            default:
                return null;
        }
    }
}
