using Placement.Engine;
using Placement.Language.Binding;
using Placement.Language.Compilation;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>One state of a slot while enumerating: its floor and its ceiling (equal for a given value).</summary>
internal readonly record struct Span(int Lo, int Hi)
{
    public static Span Point(int value) => new(value, value);
}

/// <summary>
/// The values worth trying for each criterion, fact and decision when reasoning about all
/// assessments: every value of booleans, enums, facts and decisions; for integers, one value per
/// <em>cell</em>, a range on which every comparison in the rules gives the same answer whatever the
/// other values are. Cells start split at every constant a comparison mentions (inside <c>min</c>,
/// <c>max</c>, sums, differences and <c>count</c> as well) and are then split further, by halving,
/// until interval evaluation decides each comparison on each combination of cells. A comparison
/// that stays undecided within the budget (arithmetic between criteria over large ranges) is
/// <em>inexact</em>: the rules holding it cannot be reasoned about by enumeration, and
/// <see cref="IsExact"/> says so instead of pretending.
/// <para>
/// A criterion read by <c>known(x)</c> can also be unknown (a partial assessment): <see cref="WithUnknown"/>
/// adds that state (the criterion spanning its whole range, as the engine holds it).
/// </para>
/// </summary>
internal sealed class ValueSpace
{
    /// <summary>At most this many cells per integer criterion.</summary>
    private const int CellLimit = 1024;

    /// <summary>At most this many evaluations to split the cells of one comparison.</summary>
    private const long SplitBudget = 2_000_000;

    private readonly CompiledRuleSet _rules;
    private readonly Dictionary<Symbol, Span[]> _points = new();
    private readonly Dictionary<Criterion, int[]> _cellEnds = new();
    private readonly Dictionary<CompiledRule, Criterion[]> _inexact = new();
    private readonly HashSet<Criterion> _knownRead = new();

    public ValueSpace(CompiledRuleSet rules)
    {
        _rules = rules;
        var starts = new Dictionary<Criterion, SortedSet<int>>();
        foreach (var c in rules.Criteria.Where(c => c.Domain.Kind == ValueKind.Integer)) starts[c] = new SortedSet<int> { c.Domain.Min };

        var atoms = new List<(CompiledRule Rule, BoundExpr Atom, Criterion[] Integers, Symbol[] Others)>();
        foreach (var rule in rules.EvaluationOrder)
        {
            foreach (var node in BoundExprSymbols.Descendants(rule.Condition))
            {
                if (node is BoundKnown k) _knownRead.Add(k.Criterion);
                if (!IsAtom(node)) continue;
                var symbols = BoundExprSymbols.Of(node);
                var integers = symbols.OfType<Criterion>().Where(c => c.Domain.Kind == ValueKind.Integer).ToArray();
                if (integers.Length == 0) continue;
                atoms.Add((rule, node, integers, symbols.Where(s => !integers.Contains(s)).ToArray()));
                foreach (var constant in BoundExprSymbols.Descendants(node).OfType<BoundConstant>().Where(k => k.Type.Kind == ValueKind.Integer))
                {
                    foreach (var c in integers)
                    {
                        AddStart(starts[c], c, constant.Value);
                        AddStart(starts[c], c, (long)constant.Value + 1);
                    }
                }
            }
        }

        var inexact = new Dictionary<CompiledRule, HashSet<Criterion>>();
        foreach (var (rule, atom, integers, others) in atoms)
        {
            if (Split(atom, integers, others, starts)) continue;
            if (!inexact.TryGetValue(rule, out var set)) inexact[rule] = set = new HashSet<Criterion>();
            set.UnionWith(integers);
        }

        foreach (var (rule, set) in inexact) _inexact[rule] = set.OrderBy(c => c.Slot).ToArray();
        Merge(atoms.Select(a => (a.Atom, a.Integers, a.Others)).ToArray(), inexact.Values.SelectMany(c => c).ToHashSet(), starts);

        // Every slot's symbol: set members (booleans) included. A set's own slot holds the mask of its
        // members, which conditions read only through known(set): one point stands for it.
        foreach (var symbol in rules.SymbolsBySlot)
        {
            var d = symbol.Domain;
            if (symbol is Criterion { Members.Count: > 0 })
            {
                _points[symbol] = [Span.Point(d.Min)];
                continue;
            }

            if (symbol is Criterion c && starts.TryGetValue(c, out var cellStarts))
            {
                var lows = cellStarts.ToArray();
                _points[symbol] = lows.Select(Span.Point).ToArray();
                _cellEnds[c] = lows.Select((_, i) => i + 1 < lows.Length ? lows[i + 1] - 1 : d.Max).ToArray();
                continue;
            }

            _points[symbol] = Enumerable.Range(d.Min, d.Max - d.Min + 1).Select(Span.Point).ToArray();
        }
    }

    /// <summary>One value per cell of a symbol, lowest first (every value of booleans, enums, facts and decisions).</summary>
    public Span[] Points(Symbol symbol) => _points[symbol];

    /// <summary>The values of <see cref="Points"/>, as plain values.</summary>
    public int[] Of(Symbol symbol) => _points[symbol].Select(p => p.Lo).ToArray();

    /// <summary>
    /// The points of a symbol, and for a criterion that some rule reads with <c>known(...)</c> also
    /// the unknown state: what a partial assessment can hold. Without <c>known</c>, whatever fires on
    /// a partial assessment fires on each of its completions, so the points are enough.
    /// </summary>
    public Span[] PointsOrUnknown(Symbol symbol) =>
        symbol is Criterion c && _knownRead.Contains(c) ? WithUnknown(c) : _points[symbol];

    /// <summary>The points of a criterion and the unknown state (its whole range).</summary>
    public Span[] WithUnknown(Criterion criterion) => [.. _points[criterion], new Span(criterion.Domain.Min, criterion.Domain.Max)];

    /// <summary>The last value of the cell that starts at <paramref name="value"/> (the value itself for anything but integers).</summary>
    public int CellEnd(Symbol symbol, int value)
    {
        if (symbol is not Criterion c || !_cellEnds.TryGetValue(c, out var ends)) return value;
        var i = Array.FindIndex(_points[c], p => p.Lo == value);
        return i < 0 ? value : ends[i];
    }

    /// <summary>True when every comparison in the rule is decided on every combination of cells.</summary>
    /// <remarks>Arithmetic that could wrap around the 32-bit range never gets here: it is a load error (PL3006).</remarks>
    public bool IsExact(CompiledRule rule) => !_inexact.ContainsKey(rule);

    /// <summary>The integer criteria whose cells do not decide some comparison of the rule.</summary>
    public IReadOnlyList<Criterion> InexactCriteria(CompiledRule rule) => _inexact.TryGetValue(rule, out var c) ? c : [];

    /// <summary>
    /// Calls <paramref name="visit"/> with a state for every combination of the symbols' options
    /// (each slot's floor and ceiling set); stops early when it returns false. Returns false when
    /// there are more than <paramref name="limit"/> combinations (nothing is visited then).
    /// </summary>
    public static bool ForEach(IReadOnlyList<Symbol> symbols, Func<Symbol, Span[]> options, int[] state, int slotCount, Func<int[], bool> visit, long limit = 2_000_000)
    {
        var choices = symbols.Select(options).ToArray();
        if (Count(choices) > limit) return false;
        var index = new int[symbols.Count];
        while (true)
        {
            for (var i = 0; i < symbols.Count; i++)
            {
                var v = choices[i][index[i]];
                state[symbols[i].Slot] = v.Lo;
                state[symbols[i].Slot + slotCount] = v.Hi;
            }

            if (!visit(state)) return true;
            var k = 0;
            while (k < symbols.Count && ++index[k] == choices[k].Length)
            {
                index[k] = 0;
                k++;
            }

            if (k == symbols.Count) return true;
        }
    }

    /// <summary>The number of combinations of the options (saturating).</summary>
    public static long Count(IEnumerable<Span[]> choices)
    {
        long total = 1;
        foreach (var c in choices)
        {
            total *= c.Length;
            if (total > int.MaxValue) return long.MaxValue;
        }

        return total;
    }

    /// <summary>A node whose truth depends on integer values: a comparison of integers (or membership of an integer).</summary>
    private static bool IsAtom(BoundExpr node) => node switch
    {
        BoundComparison c => c.Left.Type.Kind == ValueKind.Integer || c.Right.Type.Kind == ValueKind.Integer,
        BoundIn i => i.Operand.Type.Kind == ValueKind.Integer,
        _ => false,
    };

    private static void AddStart(SortedSet<int> starts, Criterion c, long value)
    {
        if (value > c.Domain.Min && value <= c.Domain.Max) starts.Add((int)value);
    }

    /// <summary>
    /// Splits the cells of the atom's integer criteria until the atom is decided on every
    /// combination of cells and of the other symbols' values. False when the budget runs out.
    /// </summary>
    private bool Split(BoundExpr atom, Criterion[] integers, Symbol[] others, Dictionary<Criterion, SortedSet<int>> starts)
    {
        var n = _rules.SlotCount;
        var state = (int[])_rules.InitialState.Clone();
        var otherOptions = others.Select(s => Enumerable.Range(s.Domain.Min, s.Domain.Max - s.Domain.Min + 1).Select(Span.Point).ToArray()).ToArray();
        long spent = 0;
        while (true)
        {
            var cells = integers.Select(c => Cells(c, starts[c])).ToArray();
            var symbols = integers.Cast<Symbol>().Concat(others).ToArray();
            var options = cells.Concat(otherOptions).ToArray();
            var combinations = Count(options);
            spent += combinations;
            if (spent > SplitBudget) return false;

            var splits = new List<(Criterion Criterion, int Start)>();
            ForEach(symbols, s => options[Array.IndexOf(symbols, s)], state, n, st =>
            {
                var truth = ConditionInterpreter.Evaluate(atom, st, n, knownIsTrue: true);
                if (truth.Lo == truth.Hi) return true;

                // Undecided on this combination: halve the widest cell.
                var widest = -1;
                long width = 0;
                for (var i = 0; i < integers.Length; i++)
                {
                    var w = (long)st[integers[i].Slot + n] - st[integers[i].Slot];
                    if (w > width)
                    {
                        width = w;
                        widest = i;
                    }
                }

                if (widest < 0) return true; // cannot happen: points decide every comparison
                var lo = st[integers[widest].Slot];
                splits.Add((integers[widest], (int)(lo + ((width + 1) / 2))));
                return true;
            }, long.MaxValue);

            if (splits.Count == 0) return true;
            foreach (var (c, start) in splits) starts[c].Add(start);
            if (integers.Any(c => starts[c].Count > CellLimit)) return false;
        }
    }

    /// <summary>
    /// Joins neighbouring cells that no comparison tells apart (as 19 and 20..67 for <c>x &gt;= 19</c>),
    /// so that enumerations stay small. Cells of a criterion in an inexact comparison stay as they are.
    /// </summary>
    private void Merge((BoundExpr Atom, Criterion[] Integers, Symbol[] Others)[] atoms, HashSet<Criterion> inexact, Dictionary<Criterion, SortedSet<int>> starts)
    {
        var n = _rules.SlotCount;
        var state = (int[])_rules.InitialState.Clone();
        var merged = new Dictionary<Criterion, SortedSet<int>>();
        foreach (var (c, cellStarts) in starts)
        {
            if (inexact.Contains(c)) continue;
            var cells = Cells(c, cellStarts);
            var reading = atoms.Where(a => a.Integers.Contains(c)).ToArray();
            var kept = new SortedSet<int> { c.Domain.Min };
            for (var i = 1; i < cells.Length; i++)
            {
                if (reading.Any(a => Distinguishes(a.Atom, c, cells[i - 1], cells[i], a.Integers, a.Others))) kept.Add(cells[i].Lo);
            }

            merged[c] = kept;
        }

        foreach (var (c, kept) in merged) starts[c] = kept;

        bool Distinguishes(BoundExpr atom, Criterion c, Span left, Span right, Criterion[] integers, Symbol[] others)
        {
            var rest = integers.Where(i => i != c).Cast<Symbol>().Concat(others).ToArray();
            var options = rest.Select(s => s is Criterion i && starts.TryGetValue(i, out var st) ? Cells(i, st) : Enumerable.Range(s.Domain.Min, s.Domain.Max - s.Domain.Min + 1).Select(Span.Point).ToArray()).ToArray();
            var differs = false;
            var complete = ForEach(rest, s => options[Array.IndexOf(rest, s)], state, n, st =>
            {
                st[c.Slot] = left.Lo;
                st[c.Slot + n] = left.Hi;
                var a = ConditionInterpreter.Evaluate(atom, st, n, knownIsTrue: true);
                st[c.Slot] = right.Lo;
                st[c.Slot + n] = right.Hi;
                var b = ConditionInterpreter.Evaluate(atom, st, n, knownIsTrue: true);
                differs = a.Lo != b.Lo || a.Hi != b.Hi;
                return !differs;
            }, SplitBudget);
            return differs || !complete;
        }
    }

    private static Span[] Cells(Criterion c, SortedSet<int> starts)
    {
        var lows = starts.ToArray();
        return lows.Select((lo, i) => new Span(lo, i + 1 < lows.Length ? lows[i + 1] - 1 : c.Domain.Max)).ToArray();
    }
}
