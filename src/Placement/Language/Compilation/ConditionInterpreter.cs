using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// Evaluates a bound condition, or any part of it, on a finished evaluation state. Used by
/// explanations (which part of a condition was false, with which values), not on the hot path.
/// Shares <see cref="Interval"/> and <see cref="Operators"/> with the compilers, so all give the
/// same answers.
/// </summary>
internal static class ConditionInterpreter
{
    /// <param name="e">The condition or part.</param>
    /// <param name="state">Floors then ceilings of every slot.</param>
    /// <param name="n">The number of slots.</param>
    /// <param name="knownIsTrue">
    /// True to read <c>known(x)</c> as true whatever the state holds: for analysis of completed
    /// assessments, where every answer is given but may be a range of candidate values.
    /// </param>
    public static Interval Evaluate(BoundExpr e, int[] state, int n, bool knownIsTrue = false) => new Evaluator(state, n, knownIsTrue).Visit(e);

    private sealed class Evaluator(int[] state, int n, bool knownIsTrue) : BoundExprVisitor<Interval>
    {
        public override Interval VisitConstant(BoundConstant node) => new(node.Value, node.Value);

        public override Interval VisitSymbol(BoundSymbol node) => Interval.Slot(state, node.Symbol.Slot, n);

        public override Interval VisitKnown(BoundKnown node) =>
            knownIsTrue ? Interval.True : Interval.Known(Interval.Slot(state, node.Criterion.Slot, n));

        public override Interval VisitComparison(BoundComparison node) => Operators.Compare(node.Operator, Visit(node.Left), Visit(node.Right));

        public override Interval VisitIn(BoundIn node) =>
            node.Negated ? Interval.NotIn(Visit(node.Operand), node.Mask) : Interval.In(Visit(node.Operand), node.Mask);

        public override Interval VisitLogical(BoundLogical node) =>
            node.IsAnd ? Interval.And(Visit(node.Left), Visit(node.Right)) : Interval.Or(Visit(node.Left), Visit(node.Right));

        public override Interval VisitNot(BoundNot node) => Interval.Not(Visit(node.Operand));

        public override Interval VisitArithmetic(BoundArithmetic node) =>
            node.IsAdd ? Interval.Add(Visit(node.Left), Visit(node.Right)) : Interval.Subtract(Visit(node.Left), Visit(node.Right));

        public override Interval VisitAggregate(BoundAggregate node)
        {
            var acc = Visit(node.Arguments[0]);
            for (var i = 1; i < node.Arguments.Count; i++)
            {
                var next = Visit(node.Arguments[i]);
                acc = node.Kind switch
                {
                    AggregateKind.Count => Interval.Add(acc, next),
                    AggregateKind.Min => Interval.Min(acc, next),
                    _ => Interval.Max(acc, next),
                };
            }

            return acc;
        }
    }
}
