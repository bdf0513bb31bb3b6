using Placement.Model;

namespace Placement.Language.Binding;

/// <summary>Walks bound expressions: every node, and the criteria, facts and decisions read.</summary>
internal static class BoundExprSymbols
{
    /// <summary>The node and all nodes below it, parents before children, left to right.</summary>
    public static IEnumerable<BoundExpr> Descendants(BoundExpr e)
    {
        yield return e;
        foreach (var child in Children.Instance.Visit(e))
        {
            foreach (var d in Descendants(child)) yield return d;
        }
    }

    /// <summary>The operands of a chain of 'and' (or of 'or'), flattened: a and (b and c) gives a, b, c.</summary>
    public static List<BoundExpr> Operands(BoundExpr e, bool isAnd)
    {
        var into = new List<BoundExpr>();
        Flatten(e, isAnd, into);
        return into;
    }

    private static void Flatten(BoundExpr e, bool isAnd, List<BoundExpr> into)
    {
        if (e is BoundLogical l && l.IsAnd == isAnd)
        {
            Flatten(l.Left, isAnd, into);
            Flatten(l.Right, isAnd, into);
        }
        else
        {
            into.Add(e);
        }
    }

    /// <summary>
    /// Each criterion, fact and decision read, once, in the order they appear, as users know them:
    /// a set criterion for any of its members (its hidden per-word criteria).
    /// </summary>
    public static List<Symbol> Of(BoundExpr e)
    {
        var into = new List<Symbol>();
        foreach (var symbol in SlotsOf(e))
        {
            var shown = symbol is Criterion { SetOf: { } set } ? set : symbol;
            if (!into.Contains(shown)) into.Add(shown);
        }

        return into;
    }

    /// <summary>
    /// Each symbol whose slot the condition reads, once, in the order they appear: set members
    /// themselves (not their set), and a set only through <c>known(s)</c>. What analysis varies.
    /// </summary>
    public static List<Symbol> SlotsOf(BoundExpr e)
    {
        var into = new List<Symbol>();
        foreach (var node in Descendants(e))
        {
            var symbol = node switch
            {
                BoundSymbol s => s.Symbol,
                BoundKnown k => k.Criterion,
                _ => (Symbol?)null,
            };
            if (symbol is not null && !into.Contains(symbol)) into.Add(symbol);
        }

        return into;
    }

    /// <summary>The set criterion <paramref name="count"/> counts when it is <c>count(s)</c> of a set (its members), else null.</summary>
    public static Criterion? CountedSet(BoundAggregate count) =>
        count is { Kind: AggregateKind.Count, Syntax: Ast.CallExpr { Arguments: [Ast.NameExpr name] }, Arguments: [BoundSymbol { Symbol: Criterion { SetOf: { } set } }, ..] }
        && set.Id == name.Name
            ? set
            : null;

    /// <summary>A node's direct children, left to right.</summary>
    private sealed class Children : BoundExprVisitor<IReadOnlyList<BoundExpr>>
    {
        public static readonly Children Instance = new();

        public override IReadOnlyList<BoundExpr> VisitConstant(BoundConstant node) => [];

        public override IReadOnlyList<BoundExpr> VisitSymbol(BoundSymbol node) => [];

        public override IReadOnlyList<BoundExpr> VisitKnown(BoundKnown node) => [];

        public override IReadOnlyList<BoundExpr> VisitComparison(BoundComparison node) => [node.Left, node.Right];

        public override IReadOnlyList<BoundExpr> VisitIn(BoundIn node) => [node.Operand];

        public override IReadOnlyList<BoundExpr> VisitLogical(BoundLogical node) => [node.Left, node.Right];

        public override IReadOnlyList<BoundExpr> VisitNot(BoundNot node) => [node.Operand];

        public override IReadOnlyList<BoundExpr> VisitArithmetic(BoundArithmetic node) => [node.Left, node.Right];

        public override IReadOnlyList<BoundExpr> VisitAggregate(BoundAggregate node) => node.Arguments;
    }
}
