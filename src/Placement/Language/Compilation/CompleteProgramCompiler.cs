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
    /// <param name="rules">Per rule in evaluation order: its condition and its target slots and values.</param>
    /// <param name="criteriaCount">The number of criteria: the first slots.</param>
    /// <param name="defaults">The default of every fact and decision, by slot after the criteria.</param>
    public static Action<int[], int[]> Compile(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, int criteriaCount, int[] defaults)
    {
        var chunks = ProgramChunks.Of(rules).Select(c =>
        {
            var criteria = Expression.Parameter(typeof(int[]), "criteria");
            var result = Expression.Parameter(typeof(int[]), "result");
            return Expression.Lambda<Action<int[], int[]>>(Body(rules, c, criteriaCount, defaults, criteria, result, outcomes: null), criteria, result).Compile();
        }).ToArray();
        if (chunks.Length == 1) return chunks[0];
        return (criteria, result) =>
        {
            foreach (var chunk in chunks) chunk(criteria, result);
        };
    }

    /// <summary>
    /// The same program recording every rule's outcome (2 fired, 0 not fired, by evaluation order) for
    /// explanations of complete assessments: no rule is skipped, rules without targets included.
    /// </summary>
    public static Action<int[], int[], byte[]> CompileWithOutcomes(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, int criteriaCount, int[] defaults)
    {
        var chunks = ProgramChunks.Of(rules).Select(c =>
        {
            var criteria = Expression.Parameter(typeof(int[]), "criteria");
            var result = Expression.Parameter(typeof(int[]), "result");
            var outcomes = Expression.Parameter(typeof(byte[]), "outcomes");
            return Expression.Lambda<Action<int[], int[], byte[]>>(Body(rules, c, criteriaCount, defaults, criteria, result, outcomes), criteria, result, outcomes).Compile();
        }).ToArray();
        if (chunks.Length == 1) return chunks[0];
        return (criteria, result, outcomes) =>
        {
            foreach (var chunk in chunks) chunk(criteria, result, outcomes);
        };
    }

    /// <summary>
    /// One chunk of the program (<see cref="ProgramChunks"/>). Facts and decisions start at their
    /// defaults in the first chunk and at what the chunk before wrote to the result in the others.
    /// </summary>
    private static BlockExpression Body(
        IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules, (int Start, int Count) chunk, int criteriaCount, int[] defaults,
        ParameterExpression criteria, ParameterExpression result, ParameterExpression? outcomes)
    {
        var locals = defaults.Select((_, i) => Expression.Variable(typeof(int), $"v{criteriaCount + i}")).ToArray();
        var body = new List<Expression>();
        for (var i = 0; i < locals.Length; i++)
        {
            body.Add(Expression.Assign(locals[i], chunk.Start == 0
                ? Expression.Constant(defaults[i])
                : Expression.ArrayIndex(result, Expression.Constant(i))));
        }

        var test = new Test(criteria, locals, criteriaCount);

        for (var r = chunk.Start; r < chunk.Start + chunk.Count; r++)
        {
            var (condition, slots, values) = rules[r];
            if (slots.Length == 0 && outcomes is null) continue;
            var raise = new List<Expression>();
            Expression? couldRaise = null;
            for (var a = 0; a < slots.Length; a++)
            {
                var target = locals[slots[a] - criteriaCount];
                var value = Expression.Constant(values[a]);
                var below = Expression.LessThan(target, value);
                raise.Add(Expression.IfThen(below, Expression.Assign(target, value)));
                couldRaise = couldRaise is null ? below : Expression.OrElse(couldRaise, below);
            }

            if (outcomes is not null)
            {
                // Every condition is evaluated, so every outcome is known.
                raise.Add(Expression.Assign(Expression.ArrayAccess(outcomes, Expression.Constant(r)), Expression.Constant((byte)2)));
                body.Add(Expression.IfThen(test.Visit(condition), Expression.Block(raise)));
                continue;
            }

            // A rule whose targets are already at or above what it sets cannot change anything:
            // its condition is not evaluated (the values only rise, so skipping it is exact).
            body.Add(Expression.IfThen(Expression.AndAlso(couldRaise!, test.Visit(condition)), Expression.Block(raise)));
        }

        for (var i = 0; i < locals.Length; i++) body.Add(Expression.Assign(Expression.ArrayAccess(result, Expression.Constant(i)), locals[i]));
        return Expression.Block(locals, body);
    }

    private static BinaryExpression In(Expression value, ulong mask, bool negated)
    {
        // ((mask >> value) & 1) != 0
        var bit = Expression.And(
            Expression.RightShift(Expression.Constant(mask), value),
            Expression.Constant(1UL));
        return negated ? Expression.Equal(bit, Expression.Constant(0UL)) : Expression.NotEqual(bit, Expression.Constant(0UL));
    }

    /// <summary>The integer value of a node: criteria from the array, facts and decisions from locals.</summary>
    private sealed class Value(Test test, ParameterExpression criteria, ParameterExpression[] locals, int criteriaCount) : BoundExprVisitor<Expression>
    {
        public override Expression VisitConstant(BoundConstant node) => Expression.Constant(node.Value);

        public override Expression VisitSymbol(BoundSymbol node) => node.Symbol is Criterion
            ? Expression.ArrayIndex(criteria, Expression.Constant(node.Symbol.Slot))
            : locals[node.Symbol.Slot - criteriaCount];

        public override Expression VisitKnown(BoundKnown node) => AsNumber(node);

        public override Expression VisitComparison(BoundComparison node) => AsNumber(node);

        public override Expression VisitIn(BoundIn node) => AsNumber(node);

        public override Expression VisitLogical(BoundLogical node) => AsNumber(node);

        public override Expression VisitNot(BoundNot node) => AsNumber(node);

        public override Expression VisitArithmetic(BoundArithmetic node) =>
            node.IsAdd ? Expression.Add(Visit(node.Left), Visit(node.Right)) : Expression.Subtract(Visit(node.Left), Visit(node.Right));

        public override Expression VisitAggregate(BoundAggregate node) => node.Kind == AggregateKind.Count
            ? BalancedReduce.Of(node.Arguments.Select(AsNumber).ToArray(), Expression.Add)
            : BalancedReduce.Of(node.Arguments.Select(Visit).ToArray(), (x, y) =>
                Expression.Call(typeof(Math).GetMethod(node.Kind == AggregateKind.Min ? nameof(Math.Min) : nameof(Math.Max), [typeof(int), typeof(int)])!, x, y));

        /// <summary>A boolean node as 1 or 0.</summary>
        private Expression AsNumber(BoundExpr node) =>
            Expression.Condition(test.Visit(node), Expression.Constant(1), Expression.Constant(0));
    }

    /// <summary>The truth of a boolean node; 'and' and 'or' short-circuit.</summary>
    private sealed class Test : BoundExprVisitor<Expression>
    {
        private readonly Value _value;

        public Test(ParameterExpression criteria, ParameterExpression[] locals, int criteriaCount) =>
            _value = new Value(this, criteria, locals, criteriaCount);

        public override Expression VisitConstant(BoundConstant node) => Expression.Constant(node.Value != 0);

        public override Expression VisitSymbol(BoundSymbol node) => Expression.NotEqual(_value.Visit(node), Expression.Constant(0));

        // Every answer is given in a complete assessment, and in each completion of a partial one.
        public override Expression VisitKnown(BoundKnown node) => Expression.Constant(true);

        public override Expression VisitComparison(BoundComparison node) =>
            Expression.MakeBinary(Operators.ComparisonNode(node.Operator), _value.Visit(node.Left), _value.Visit(node.Right));

        public override Expression VisitIn(BoundIn node) => In(_value.Visit(node.Operand), node.Mask, node.Negated);

        public override Expression VisitLogical(BoundLogical node) =>
            node.IsAnd ? Expression.AndAlso(Visit(node.Left), Visit(node.Right)) : Expression.OrElse(Visit(node.Left), Visit(node.Right));

        public override Expression VisitNot(BoundNot node) => Expression.Not(Visit(node.Operand));

        public override Expression VisitArithmetic(BoundArithmetic node) => throw NotBoolean();

        public override Expression VisitAggregate(BoundAggregate node) => throw NotBoolean();

        private static InvalidOperationException NotBoolean() => new("not a boolean node; the binder checks types");
    }
}
