using Placement.Model;

namespace Placement.Language.Binding;

/// <summary>The criteria, facts and decisions an expression reads.</summary>
internal static class BoundExprSymbols
{
    /// <summary>Each symbol read, once, in the order they appear.</summary>
    public static List<Symbol> Of(BoundExpr e)
    {
        var into = new List<Symbol>();
        Collect(e, into);
        return into;
    }

    private static void Collect(BoundExpr e, List<Symbol> into)
    {
        switch (e)
        {
            case BoundSymbol s:
                if (!into.Contains(s.Symbol)) into.Add(s.Symbol);
                break;
            case BoundKnown k:
                if (!into.Contains(k.Criterion)) into.Add(k.Criterion);
                break;
            case BoundComparison c:
                Collect(c.Left, into);
                Collect(c.Right, into);
                break;
            case BoundIn i:
                Collect(i.Operand, into);
                break;
            case BoundLogical l:
                Collect(l.Left, into);
                Collect(l.Right, into);
                break;
            case BoundNot n:
                Collect(n.Operand, into);
                break;
            case BoundArithmetic a:
                Collect(a.Left, into);
                Collect(a.Right, into);
                break;
            case BoundAggregate g:
                foreach (var arg in g.Arguments) Collect(arg, into);
                break;
        }
    }
}
