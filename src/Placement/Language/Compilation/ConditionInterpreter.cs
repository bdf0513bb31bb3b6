using Placement.Language.Ast;
using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// Evaluates a bound condition, or any part of it, on a finished evaluation state. Used by
/// explanations (which part of a condition was false, with which values), not on the hot path.
/// Shares <see cref="Interval"/> with the compiler, so both give the same answers.
/// </summary>
internal static class ConditionInterpreter
{
    public static Interval Evaluate(BoundExpr e, int[] state, int n) => e switch
    {
        BoundConstant c => new Interval(c.Value, c.Value),
        BoundSymbol s => Interval.Slot(state, s.Symbol.Slot, n),
        BoundKnown k => Interval.Known(Interval.Slot(state, k.Criterion.Slot, n)),
        BoundComparison c => Compare(c.Operator, Evaluate(c.Left, state, n), Evaluate(c.Right, state, n)),
        BoundIn i => i.Negated ? Interval.NotIn(Evaluate(i.Operand, state, n), i.Mask) : Interval.In(Evaluate(i.Operand, state, n), i.Mask),
        BoundLogical l => l.IsAnd
            ? Interval.And(Evaluate(l.Left, state, n), Evaluate(l.Right, state, n))
            : Interval.Or(Evaluate(l.Left, state, n), Evaluate(l.Right, state, n)),
        BoundNot x => Interval.Not(Evaluate(x.Operand, state, n)),
        BoundArithmetic a => a.IsAdd
            ? Interval.Add(Evaluate(a.Left, state, n), Evaluate(a.Right, state, n))
            : Interval.Subtract(Evaluate(a.Left, state, n), Evaluate(a.Right, state, n)),
        BoundAggregate g => Aggregate(g, state, n),
        _ => throw new InvalidOperationException("unknown bound node"),
    };

    private static Interval Aggregate(BoundAggregate g, int[] state, int n)
    {
        var acc = Evaluate(g.Arguments[0], state, n);
        for (var i = 1; i < g.Arguments.Count; i++)
        {
            var next = Evaluate(g.Arguments[i], state, n);
            acc = g.Kind switch
            {
                AggregateKind.Count => Interval.Add(acc, next),
                AggregateKind.Min => Interval.Min(acc, next),
                _ => Interval.Max(acc, next),
            };
        }

        return acc;
    }

    private static Interval Compare(BinaryOperator op, Interval a, Interval b) => op switch
    {
        BinaryOperator.Equal => Interval.Equal(a, b),
        BinaryOperator.NotEqual => Interval.NotEqual(a, b),
        BinaryOperator.Less => Interval.Less(a, b),
        BinaryOperator.LessOrEqual => Interval.LessOrEqual(a, b),
        BinaryOperator.Greater => Interval.Greater(a, b),
        _ => Interval.GreaterOrEqual(a, b),
    };
}
