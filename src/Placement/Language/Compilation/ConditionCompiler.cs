using System.Linq.Expressions;
using System.Reflection;
using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// Turns a bound condition into a delegate over the evaluation state, once, at load.
/// The delegate returns 0 (false), 1 (unknown: the rule may fire) or 2 (true).
/// </summary>
internal static class ConditionCompiler
{
    /// <param name="condition">The bound condition.</param>
    /// <param name="slotCount">The number of slots; the state holds floors then ceilings.</param>
    public static Func<int[], int> Compile(BoundExpr condition, int slotCount)
    {
        var state = Expression.Parameter(typeof(int[]), "state");
        var body = Expression.Call(Method(nameof(Interval.Truth)), Emit(condition, state, slotCount));
        return Expression.Lambda<Func<int[], int>>(body, state).Compile();
    }

    /// <summary>
    /// Compiles a whole rule set, in evaluation order, into one delegate: for each rule it records
    /// the outcome (0, 1, 2) and, when the rule fires or may fire, raises the floors (fired only) and
    /// ceilings of its targets. One method instead of a delegate call per rule lets the JIT inline
    /// every interval operation.
    /// </summary>
    /// <param name="rules">Per rule in evaluation order: its condition and its target slots and values.</param>
    /// <param name="slotCount">The number of slots; the state holds floors then ceilings.</param>
    public static Action<int[], byte[]> CompileProgram(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, int slotCount)
    {
        // Each chunk its own method (ProgramChunks): one chunk for any rule set of ordinary size.
        var chunks = ProgramChunks.Of(rules).Select(c => CompileChunk(rules, c.Start, c.Count, slotCount)).ToArray();
        if (chunks.Length == 1) return chunks[0];
        return (state, outcomes) =>
        {
            foreach (var chunk in chunks) chunk(state, outcomes);
        };
    }

    private static Action<int[], byte[]> CompileChunk(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, int start, int count, int slotCount)
    {
        var state = Expression.Parameter(typeof(int[]), "state");
        var outcomes = Expression.Parameter(typeof(byte[]), "outcomes");
        var truth = Expression.Variable(typeof(int), "truth");
        var body = new List<Expression>();
        for (var r = start; r < start + count; r++)
        {
            var (condition, slots, values) = rules[r];
            body.Add(Expression.Assign(truth, Expression.Call(Method(nameof(Interval.Truth)), Emit(condition, state, slotCount))));
            body.Add(Expression.Assign(Expression.ArrayAccess(outcomes, Expression.Constant(r)), Expression.Convert(truth, typeof(byte))));
            if (slots.Length == 0) continue;
            var raise = new List<Expression>();
            for (var a = 0; a < slots.Length; a++)
            {
                var floor = Expression.ArrayAccess(state, Expression.Constant(slots[a]));
                var ceiling = Expression.ArrayAccess(state, Expression.Constant(slots[a] + slotCount));
                var value = Expression.Constant(values[a]);
                raise.Add(Expression.IfThen(
                    Expression.AndAlso(Expression.Equal(truth, Expression.Constant(2)), Expression.LessThan(floor, value)),
                    Expression.Assign(floor, value)));
                raise.Add(Expression.IfThen(Expression.LessThan(ceiling, value), Expression.Assign(ceiling, value)));
            }

            body.Add(Expression.IfThen(Expression.NotEqual(truth, Expression.Constant(0)), Expression.Block(raise)));
        }

        body.Add(Expression.Empty());
        return Expression.Lambda<Action<int[], byte[]>>(Expression.Block([truth], body), state, outcomes).Compile();
    }

    private static Expression Emit(BoundExpr e, ParameterExpression state, int n) => new Emitter(state, n).Visit(e);

    private static MethodInfo Method(string name) => Operators.IntervalMethod(name);

    /// <summary>Emits the three-valued <see cref="Interval"/> computation of a node.</summary>
    private sealed class Emitter(ParameterExpression state, int n) : BoundExprVisitor<Expression>
    {
        public override Expression VisitConstant(BoundConstant node) => Expression.Constant(new Interval(node.Value, node.Value));

        public override Expression VisitSymbol(BoundSymbol node) => Slot(node.Symbol.Slot);

        public override Expression VisitKnown(BoundKnown node) => Expression.Call(Method(nameof(Interval.Known)), Slot(node.Criterion.Slot));

        public override Expression VisitComparison(BoundComparison node) =>
            Expression.Call(Operators.Comparison(node.Operator), Visit(node.Left), Visit(node.Right));

        public override Expression VisitIn(BoundIn node) =>
            Expression.Call(Method(node.Negated ? nameof(Interval.NotIn) : nameof(Interval.In)), Visit(node.Operand), Expression.Constant(node.Mask));

        public override Expression VisitLogical(BoundLogical node) =>
            Expression.Call(Method(node.IsAnd ? nameof(Interval.And) : nameof(Interval.Or)), Visit(node.Left), Visit(node.Right));

        public override Expression VisitNot(BoundNot node) => Expression.Call(Method(nameof(Interval.Not)), Visit(node.Operand));

        public override Expression VisitArithmetic(BoundArithmetic node) =>
            Expression.Call(Method(node.IsAdd ? nameof(Interval.Add) : nameof(Interval.Subtract)), Visit(node.Left), Visit(node.Right));

        public override Expression VisitAggregate(BoundAggregate node) =>
            BalancedReduce.Of(node.Arguments.Select(Visit).ToArray(), (acc, next) => Expression.Call(Operators.Aggregate(node.Kind), acc, next));

        private MethodCallExpression Slot(int slot) =>
            Expression.Call(Method(nameof(Interval.Slot)), state, Expression.Constant(slot), Expression.Constant(n));
    }
}
