using System.Linq.Expressions;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Language.Compilation;

/// <summary>
/// Compiles a rule set for complete assessments, where every criterion is known: then every value
/// is a single value, three-valued logic is ordinary boolean logic and floors equal ceilings. The
/// delegate reads the criteria's values and writes the floor of every fact and decision (by slot,
/// starting after the criteria). Facts and decisions live in locals; 'and'/'or' short-circuit.
/// A test compares it with the general program on random complete assessments.
/// </summary>
internal static class CompleteProgramCompiler
{
    public static Action<int[], int[]> Compile(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, int criteriaCount, int[] defaults)
    {
        var criteria = Expression.Parameter(typeof(int[]), "criteria");
        var result = Expression.Parameter(typeof(int[]), "result");
        var locals = defaults.Select((_, i) => Expression.Variable(typeof(int), $"v{criteriaCount + i}")).ToArray();
        var body = new List<Expression>();
        for (var i = 0; i < locals.Length; i++) body.Add(Expression.Assign(locals[i], Expression.Constant(defaults[i])));

        Expression Value(BoundExpr e) => e switch
        {
            BoundConstant c => Expression.Constant(c.Value),
            BoundSymbol s when s.Symbol is Criterion => Expression.ArrayIndex(criteria, Expression.Constant(s.Symbol.Slot)),
            BoundSymbol s => locals[s.Symbol.Slot - criteriaCount],
            BoundArithmetic a => a.IsAdd ? Expression.Add(Value(a.Left), Value(a.Right)) : Expression.Subtract(Value(a.Left), Value(a.Right)),
            BoundAggregate { Kind: AggregateKind.Count } g => g.Arguments
                .Select(arg => (Expression)Expression.Condition(Test(arg), Expression.Constant(1), Expression.Constant(0)))
                .Aggregate(Expression.Add),
            BoundAggregate g => g.Arguments.Select(Value).Aggregate((x, y) =>
                Expression.Call(typeof(Math).GetMethod(g.Kind == AggregateKind.Min ? nameof(Math.Min) : nameof(Math.Max), [typeof(int), typeof(int)])!, x, y)),
            _ => Expression.Condition(Test(e), Expression.Constant(1), Expression.Constant(0)),
        };

        Expression Test(BoundExpr e) => e switch
        {
            BoundConstant c => Expression.Constant(c.Value != 0),
            BoundSymbol s => Expression.NotEqual(Value(s), Expression.Constant(0)),
            BoundKnown => Expression.Constant(true),
            BoundComparison c => c.Operator switch
            {
                Ast.BinaryOperator.Equal => Expression.Equal(Value(c.Left), Value(c.Right)),
                Ast.BinaryOperator.NotEqual => Expression.NotEqual(Value(c.Left), Value(c.Right)),
                Ast.BinaryOperator.Less => Expression.LessThan(Value(c.Left), Value(c.Right)),
                Ast.BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(Value(c.Left), Value(c.Right)),
                Ast.BinaryOperator.Greater => Expression.GreaterThan(Value(c.Left), Value(c.Right)),
                _ => Expression.GreaterThanOrEqual(Value(c.Left), Value(c.Right)),
            },
            BoundIn i => In(Value(i.Operand), i.Mask, i.Negated),
            BoundLogical l => l.IsAnd ? Expression.AndAlso(Test(l.Left), Test(l.Right)) : Expression.OrElse(Test(l.Left), Test(l.Right)),
            BoundNot n => Expression.Not(Test(n.Operand)),
            _ => throw new InvalidOperationException("not a boolean node"),
        };

        foreach (var (condition, slots, values) in rules)
        {
            if (slots.Length == 0) continue;
            var raise = new List<Expression>();
            for (var a = 0; a < slots.Length; a++)
            {
                var target = locals[slots[a] - criteriaCount];
                var value = Expression.Constant(values[a]);
                raise.Add(Expression.IfThen(Expression.LessThan(target, value), Expression.Assign(target, value)));
            }

            body.Add(Expression.IfThen(Test(condition), Expression.Block(raise)));
        }

        for (var i = 0; i < locals.Length; i++) body.Add(Expression.Assign(Expression.ArrayAccess(result, Expression.Constant(i)), locals[i]));
        return Expression.Lambda<Action<int[], int[]>>(Expression.Block(locals, body), criteria, result).Compile();
    }

    private static Expression In(Expression value, ulong mask, bool negated)
    {
        // ((mask >> value) & 1) != 0
        var bit = Expression.And(
            Expression.RightShift(Expression.Constant(mask), value),
            Expression.Constant(1UL));
        return negated ? Expression.Equal(bit, Expression.Constant(0UL)) : Expression.NotEqual(bit, Expression.Constant(0UL));
    }
}
