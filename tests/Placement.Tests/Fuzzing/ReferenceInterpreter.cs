using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Tests.Fuzzing;

/// <summary>
/// A second, deliberately plain implementation of the condition language's three-valued semantics,
/// written from docs/rules-language.md and sharing nothing with the engine (not its intervals, not
/// its operators, not its compilers): every node's value is the explicit set of values it can
/// take, and every operator is applied to every pair of possible operands. A condition is true when
/// its set is {1}, false when {0}, unknown when {0, 1}.
/// </summary>
internal static class ReferenceInterpreter
{
    /// <summary>The possible values of a condition or part of one.</summary>
    /// <param name="e">The bound tree.</param>
    /// <param name="possible">The values a criterion, fact or decision can take (one when it is known).</param>
    /// <param name="isGiven">Whether the assessment gives a criterion a value.</param>
    public static IReadOnlySet<int> Evaluate(BoundExpr e, Func<Symbol, IReadOnlySet<int>> possible, Func<Criterion, bool> isGiven) => e switch
    {
        BoundConstant c => Set(c.Value),
        BoundSymbol s => possible(s.Symbol),
        BoundKnown k => Set(isGiven(k.Criterion) ? 1 : 0),
        BoundComparison c => Pairs(Evaluate(c.Left, possible, isGiven), Evaluate(c.Right, possible, isGiven), (x, y) => Compare(c.Operator, x, y) ? 1 : 0),
        BoundIn i => Evaluate(i.Operand, possible, isGiven).Select(x => ((i.Mask >> x) & 1UL) == 1UL != i.Negated ? 1 : 0).ToHashSet(),
        BoundLogical l => Pairs(Evaluate(l.Left, possible, isGiven), Evaluate(l.Right, possible, isGiven), (x, y) => l.IsAnd ? x & y : x | y),
        BoundNot n => Evaluate(n.Operand, possible, isGiven).Select(x => 1 - x).ToHashSet(),
        BoundArithmetic a => Pairs(Evaluate(a.Left, possible, isGiven), Evaluate(a.Right, possible, isGiven), (x, y) => a.IsAdd ? x + y : x - y),
        BoundAggregate g => g.Arguments.Select(arg => Evaluate(arg, possible, isGiven)).Aggregate((acc, next) => Pairs(acc, next, g.Kind switch
        {
            AggregateKind.Count => (x, y) => x + y,
            AggregateKind.Min => Math.Min,
            _ => Math.Max,
        })),
        _ => throw new InvalidOperationException("a bound node the reference interpreter does not know: " + e.GetType().Name),
    };

    /// <summary>The rule outcome a set of possible truth values means.</summary>
    public static RuleOutcome Outcome(IReadOnlySet<int> truth) =>
        truth.SetEquals([1]) ? RuleOutcome.Fired : truth.SetEquals([0]) ? RuleOutcome.NotFired : RuleOutcome.MayFire;

    private static HashSet<int> Set(params int[] values) => [.. values];

    private static HashSet<int> Pairs(IReadOnlySet<int> left, IReadOnlySet<int> right, Func<int, int, int> op)
    {
        var result = new HashSet<int>();
        foreach (var x in left)
        {
            foreach (var y in right) result.Add(op(x, y));
        }

        return result;
    }

    // Written out from the table of operators: booleans are 0 and 1, enums and decisions their declared order.
    private static bool Compare(BinaryOperator op, int x, int y) => op switch
    {
        BinaryOperator.Equal => x == y,
        BinaryOperator.NotEqual => x != y,
        BinaryOperator.Less => x < y,
        BinaryOperator.LessOrEqual => x <= y,
        BinaryOperator.Greater => x > y,
        BinaryOperator.GreaterOrEqual => x >= y,
        _ => throw new InvalidOperationException("not a comparison: " + op),
    };
}
