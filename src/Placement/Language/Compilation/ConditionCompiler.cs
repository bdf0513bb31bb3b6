using System.Linq.Expressions;
using System.Reflection;
using Placement.Language.Ast;
using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// Turns a bound condition into a delegate over the evaluation state, once, at load.
/// The delegate returns 0 (false), 1 (unknown: the rule may fire) or 2 (true).
/// </summary>
internal static class ConditionCompiler
{
    private static readonly Type I = typeof(Interval);

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
        var state = Expression.Parameter(typeof(int[]), "state");
        var outcomes = Expression.Parameter(typeof(byte[]), "outcomes");
        var truth = Expression.Variable(typeof(int), "truth");
        var body = new List<Expression>();
        for (var r = 0; r < rules.Count; r++)
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

    private static Expression Emit(BoundExpr e, ParameterExpression state, int n) => e switch
    {
        BoundConstant c => Expression.Constant(new Interval(c.Value, c.Value)),
        BoundSymbol s => Expression.Call(Method(nameof(Interval.Slot)), state, Expression.Constant(s.Symbol.Slot), Expression.Constant(n)),
        BoundKnown k => Expression.Call(Method(nameof(Interval.Known)),
            Expression.Call(Method(nameof(Interval.Slot)), state, Expression.Constant(k.Criterion.Slot), Expression.Constant(n))),
        BoundComparison c => Expression.Call(Method(ComparisonMethod(c.Operator)), Emit(c.Left, state, n), Emit(c.Right, state, n)),
        BoundIn i => Expression.Call(Method(i.Negated ? nameof(Interval.NotIn) : nameof(Interval.In)), Emit(i.Operand, state, n), Expression.Constant(i.Mask)),
        BoundLogical l => Expression.Call(Method(l.IsAnd ? nameof(Interval.And) : nameof(Interval.Or)), Emit(l.Left, state, n), Emit(l.Right, state, n)),
        BoundNot x => Expression.Call(Method(nameof(Interval.Not)), Emit(x.Operand, state, n)),
        BoundArithmetic a => Expression.Call(Method(a.IsAdd ? nameof(Interval.Add) : nameof(Interval.Subtract)), Emit(a.Left, state, n), Emit(a.Right, state, n)),
        BoundAggregate g => g.Arguments
            .Select(arg => Emit(arg, state, n))
            .Aggregate((acc, next) => Expression.Call(Method(AggregateMethod(g.Kind)), acc, next)),
        _ => throw new InvalidOperationException("unknown bound node"),
    };

    internal static string ComparisonMethod(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => nameof(Interval.Equal),
        BinaryOperator.NotEqual => nameof(Interval.NotEqual),
        BinaryOperator.Less => nameof(Interval.Less),
        BinaryOperator.LessOrEqual => nameof(Interval.LessOrEqual),
        BinaryOperator.Greater => nameof(Interval.Greater),
        BinaryOperator.GreaterOrEqual => nameof(Interval.GreaterOrEqual),
        _ => throw new InvalidOperationException("not a comparison"),
    };

    private static string AggregateMethod(AggregateKind kind) => kind switch
    {
        AggregateKind.Count => nameof(Interval.Add),
        AggregateKind.Min => nameof(Interval.Min),
        _ => nameof(Interval.Max),
    };

    private static MethodInfo Method(string name) =>
        I.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException(name);
}
