using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>
/// The values worth trying for each criterion, fact and decision when reasoning about all
/// assessments: every value of booleans, enums and decisions; for integers, the bounds and the
/// values around each constant the rules compare them with (one below, at, one above), which
/// split the range into pieces on which every comparison in the rules gives the same answer.
/// </summary>
internal sealed class ValueSpace
{
    private readonly Dictionary<Symbol, int[]> _values = new();

    public ValueSpace(RuleSet rules)
    {
        var thresholds = new Dictionary<Symbol, SortedSet<int>>();
        foreach (var rule in rules.Compiled.EvaluationOrder) CollectThresholds(rule.Condition, thresholds);
        foreach (var symbol in rules.Compiled.Symbols.Values)
        {
            var d = symbol.Domain;
            if (d.Kind != ValueKind.Integer)
            {
                _values[symbol] = Enumerable.Range(d.Min, d.Max - d.Min + 1).ToArray();
                continue;
            }

            var set = new SortedSet<int> { d.Min, d.Max };
            if (thresholds.TryGetValue(symbol, out var ks))
            {
                foreach (var k in ks)
                {
                    foreach (var v in new[] { k - 1, k, k + 1 })
                    {
                        if (v >= d.Min && v <= d.Max) set.Add(v);
                    }
                }
            }

            _values[symbol] = set.ToArray();
        }
    }

    /// <summary>The values to try for a symbol, lowest first.</summary>
    public int[] Of(Symbol symbol) => _values[symbol];

    /// <summary>
    /// Calls <paramref name="visit"/> with a state for every combination of the symbols' values
    /// (each slot set to a single value); stops early when it returns false. Returns false when
    /// there are more than <paramref name="limit"/> combinations (nothing is visited then).
    /// </summary>
    public static bool ForEach(IReadOnlyList<Symbol> symbols, Func<Symbol, int[]> values, int[] state, int slotCount, Func<int[], bool> visit, long limit = 2_000_000)
    {
        long total = 1;
        foreach (var s in symbols)
        {
            total *= values(s).Length;
            if (total > limit) return false;
        }

        var choices = symbols.Select(values).ToArray();
        var index = new int[symbols.Count];
        while (true)
        {
            for (var i = 0; i < symbols.Count; i++)
            {
                var v = choices[i][index[i]];
                state[symbols[i].Slot] = v;
                state[symbols[i].Slot + slotCount] = v;
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

    private static void CollectThresholds(BoundExpr e, Dictionary<Symbol, SortedSet<int>> into)
    {
        foreach (var node in BoundExprSymbols.Descendants(e))
        {
            if (node is not BoundComparison c) continue;
            Add(c.Left, c.Right, into);
            Add(c.Right, c.Left, into);
        }
    }

    private static void Add(BoundExpr symbolSide, BoundExpr constantSide, Dictionary<Symbol, SortedSet<int>> into)
    {
        if (symbolSide is not BoundSymbol { Symbol.Domain.Kind: ValueKind.Integer } s) return;
        foreach (var k in Constants(constantSide))
        {
            if (!into.TryGetValue(s.Symbol, out var set)) into[s.Symbol] = set = new SortedSet<int>();
            set.Add(k);
        }
    }

    private static IEnumerable<int> Constants(BoundExpr e) => ConstantsIn.Instance.Visit(e);

    /// <summary>The constants an integer expression adds up (the thresholds a comparison splits the value space at).</summary>
    private sealed class ConstantsIn : BoundExprVisitor<IEnumerable<int>>
    {
        public static readonly ConstantsIn Instance = new();

        public override IEnumerable<int> VisitConstant(BoundConstant node) => [node.Value];

        public override IEnumerable<int> VisitArithmetic(BoundArithmetic node) => Visit(node.Left).Concat(Visit(node.Right));

        public override IEnumerable<int> VisitSymbol(BoundSymbol node) => [];

        public override IEnumerable<int> VisitKnown(BoundKnown node) => [];

        public override IEnumerable<int> VisitComparison(BoundComparison node) => [];

        public override IEnumerable<int> VisitIn(BoundIn node) => [];

        public override IEnumerable<int> VisitLogical(BoundLogical node) => [];

        public override IEnumerable<int> VisitNot(BoundNot node) => [];

        public override IEnumerable<int> VisitAggregate(BoundAggregate node) => [];
    }
}
