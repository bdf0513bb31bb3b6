using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>How a condition's truth (false &lt; true) moves when one symbol's value rises, read off its syntax.</summary>
[Flags]
internal enum Trend
{
    /// <summary>It does not depend on the symbol.</summary>
    Constant = 0,

    /// <summary>It never falls when the symbol rises.</summary>
    Up = 1,

    /// <summary>It never rises when the symbol rises.</summary>
    Down = 2,

    /// <summary>Not known from the syntax: it may go either way.</summary>
    Mixed = Up | Down,
}

/// <summary>
/// A syntactic monotonicity check for complete assessments, sound and cheap whatever the ranges:
/// <c>+</c>, <c>min</c>, <c>max</c>, <c>count</c>, <c>and</c> and <c>or</c> preserve the direction
/// of their operands, <c>-</c> and <c>not</c> reverse it, <c>a &gt;= b</c> rises with <c>a</c> and falls
/// with <c>b</c>, and <c>==</c>, <c>!=</c> are mixed in anything they depend on. <c>known(x)</c> is
/// true on every complete assessment. A rule whose trend in a symbol agrees with the symbol's risk
/// direction is monotone in it without enumerating anything.
/// </summary>
internal static class Polarity
{
    /// <summary>The trend of <paramref name="e"/> in <paramref name="symbol"/>.</summary>
    public static Trend Of(BoundExpr e, Symbol symbol) => new Walker(symbol).Visit(e);

    private static Trend Flip(Trend t) => t switch
    {
        Trend.Up => Trend.Down,
        Trend.Down => Trend.Up,
        _ => t,
    };

    /// <summary>The trend of membership in a set of ordinals as the value rises: up for an upper set, down for a lower one.</summary>
    private static Trend MaskTrend(BoundIn node)
    {
        if (node.Operand.Type.Enum is not { } domain) return Trend.Mixed;
        var size = domain.Values.Count;
        var bits = Enumerable.Range(0, size).Select(i => ((node.Mask >> i) & 1UL) == 1UL).ToArray();
        if (bits.All(b => b) || bits.All(b => !b)) return Trend.Constant;
        var first = Array.IndexOf(bits, true);
        var last = Array.LastIndexOf(bits, true);
        var contiguous = bits.Skip(first).Take(last - first + 1).All(b => b);
        if (contiguous && last == size - 1) return Trend.Up;
        if (contiguous && first == 0) return Trend.Down;
        return Trend.Mixed;
    }

    private sealed class Walker(Symbol symbol) : BoundExprVisitor<Trend>
    {
        public override Trend VisitConstant(BoundConstant node) => Trend.Constant;

        public override Trend VisitSymbol(BoundSymbol node) => node.Symbol == symbol ? Trend.Up : Trend.Constant;

        public override Trend VisitKnown(BoundKnown node) => Trend.Constant;

        public override Trend VisitComparison(BoundComparison node)
        {
            var left = Visit(node.Left);
            var right = Visit(node.Right);
            return node.Operator switch
            {
                BinaryOperator.GreaterOrEqual or BinaryOperator.Greater => left | Flip(right),
                BinaryOperator.LessOrEqual or BinaryOperator.Less => Flip(left) | right,
                _ => (left | right) == Trend.Constant ? Trend.Constant : Trend.Mixed,
            };
        }

        public override Trend VisitIn(BoundIn node)
        {
            var operand = Visit(node.Operand);
            if (operand == Trend.Constant) return Trend.Constant;
            var mask = MaskTrend(node);
            var trend = mask == Trend.Constant ? Trend.Constant
                : mask == Trend.Mixed || operand == Trend.Mixed ? Trend.Mixed
                : operand == Trend.Up ? mask : Flip(mask);
            return node.Negated ? Flip(trend) : trend;
        }

        public override Trend VisitLogical(BoundLogical node) => Visit(node.Left) | Visit(node.Right);

        public override Trend VisitNot(BoundNot node) => Flip(Visit(node.Operand));

        public override Trend VisitArithmetic(BoundArithmetic node) =>
            node.IsAdd ? Visit(node.Left) | Visit(node.Right) : Visit(node.Left) | Flip(Visit(node.Right));

        public override Trend VisitAggregate(BoundAggregate node) =>
            node.Arguments.Aggregate(Trend.Constant, (t, a) => t | Visit(a));
    }
}
