using System.Linq.Expressions;

namespace Placement.Language.Compilation;

/// <summary>
/// Joins the arguments of <c>count</c>, <c>min</c> and <c>max</c> (all associative) as a balanced
/// tree: a count over a list of 3,000 numbers (<c>x in [1, 2, ...]</c>) compiles 12 calls deep, not
/// 3,000, which the expression compiler and the compiled code could not take.
/// </summary>
internal static class BalancedReduce
{
    public static Expression Of(IReadOnlyList<Expression> items, Func<Expression, Expression, Expression> join) =>
        Of(items, join, 0, items.Count - 1);

    private static Expression Of(IReadOnlyList<Expression> items, Func<Expression, Expression, Expression> join, int from, int to)
    {
        if (from == to) return items[from];
        var mid = (from + to + 1) / 2;
        return join(Of(items, join, from, mid - 1), Of(items, join, mid, to));
    }
}
