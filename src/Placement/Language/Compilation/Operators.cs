using System.Linq.Expressions;
using System.Reflection;
using Placement.Language.Ast;
using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// The one table from the language's operators to what evaluates them: the <see cref="Interval"/>
/// method (three-valued), the LINQ node (two-valued, complete assessments) and the interpreter's
/// delegate. All three back-ends read it, so they cannot disagree about an operator.
/// </summary>
internal static class Operators
{
    private static readonly (BinaryOperator Operator, string IntervalMethod, ExpressionType Node)[] Comparisons =
    [
        (BinaryOperator.Equal, nameof(Interval.Equal), ExpressionType.Equal),
        (BinaryOperator.NotEqual, nameof(Interval.NotEqual), ExpressionType.NotEqual),
        (BinaryOperator.Less, nameof(Interval.Less), ExpressionType.LessThan),
        (BinaryOperator.LessOrEqual, nameof(Interval.LessOrEqual), ExpressionType.LessThanOrEqual),
        (BinaryOperator.Greater, nameof(Interval.Greater), ExpressionType.GreaterThan),
        (BinaryOperator.GreaterOrEqual, nameof(Interval.GreaterOrEqual), ExpressionType.GreaterThanOrEqual),
    ];

    private static readonly Dictionary<BinaryOperator, Func<Interval, Interval, Interval>> Delegates = Comparisons.ToDictionary(
        c => c.Operator,
        c => IntervalMethod(c.IntervalMethod).CreateDelegate<Func<Interval, Interval, Interval>>());

    /// <summary>The <see cref="Interval"/> method of a comparison.</summary>
    public static MethodInfo Comparison(BinaryOperator op) => IntervalMethod(Row(op).IntervalMethod);

    /// <summary>The two-valued LINQ node type of a comparison.</summary>
    public static ExpressionType ComparisonNode(BinaryOperator op) => Row(op).Node;

    /// <summary>Evaluates a comparison on intervals.</summary>
    public static Interval Compare(BinaryOperator op, Interval a, Interval b) => Delegates[op](a, b);

    /// <summary>The <see cref="Interval"/> method that folds the arguments of an aggregate.</summary>
    public static MethodInfo Aggregate(AggregateKind kind) => IntervalMethod(kind switch
    {
        AggregateKind.Count => nameof(Interval.Add),
        AggregateKind.Min => nameof(Interval.Min),
        _ => nameof(Interval.Max),
    });

    /// <summary>A public static method of <see cref="Interval"/> by name.</summary>
    public static MethodInfo IntervalMethod(string name) =>
        typeof(Interval).GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException(name);

    private static (BinaryOperator Operator, string IntervalMethod, ExpressionType Node) Row(BinaryOperator op)
    {
        foreach (var row in Comparisons)
        {
            if (row.Operator == op) return row;
        }

        throw new InvalidOperationException($"{op} is not a comparison");
    }
}
