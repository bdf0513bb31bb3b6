using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Documentation;

/// <summary>Renders a condition in words for clinical reviewers, using the declared labels.</summary>
internal static class ConditionWords
{
    public static string Of(BoundExpr e) => Words.Top.Visit(e);

    private static string Label(Symbol s) => s.Label == s.Id ? s.Id : $"{s.Label} (`{s.Id}`)";

    private static string Value(BoundConstant c) => c.Type.Kind switch
    {
        ValueKind.Boolean => c.Value == 1 ? "true" : "false",
        ValueKind.Enum => c.Type.Enum!.Values[c.Value],
        _ => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> Members(BoundIn i)
    {
        var values = i.Operand.Type.Enum!.Values;
        for (var k = 0; k < values.Count; k++)
        {
            if ((i.Mask & (1UL << k)) != 0) yield return values[k];
        }
    }

    private static string OperatorWords(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "is",
        BinaryOperator.NotEqual => "is not",
        BinaryOperator.Less => "is below",
        BinaryOperator.LessOrEqual => "is at most",
        BinaryOperator.Greater => "is above",
        _ => "is at least",
    };

    private static string CountWords(BinaryOperator op, int k) => op switch
    {
        BinaryOperator.GreaterOrEqual => $"at least {k}",
        BinaryOperator.Greater => $"more than {k}",
        BinaryOperator.LessOrEqual => $"at most {k}",
        BinaryOperator.Less => $"fewer than {k}",
        BinaryOperator.Equal => $"exactly {k}",
        _ => $"other than {k}",
    };

    /// <summary>A node in words; an 'or' inside an 'and' is parenthesised.</summary>
    private sealed class Words(bool parentIsAnd) : BoundExprVisitor<string>
    {
        public static readonly Words Top = new(parentIsAnd: false);
        private static readonly Words InAnd = new(parentIsAnd: true);

        public override string VisitConstant(BoundConstant node) => Value(node);

        public override string VisitSymbol(BoundSymbol node) => Label(node.Symbol);

        public override string VisitKnown(BoundKnown node) => $"{Label(node.Criterion)} is known";

        public override string VisitComparison(BoundComparison node) => node is { Left: BoundAggregate { Kind: AggregateKind.Count } count, Right: BoundConstant k }
            ? $"{CountWords(node.Operator, k.Value)} of: {string.Join("; ", count.Arguments.Select(Top.Visit))}"
            : $"{Top.Visit(node.Left)} {OperatorWords(node.Operator)} {Top.Visit(node.Right)}";

        public override string VisitIn(BoundIn node) =>
            $"{Top.Visit(node.Operand)} is {(node.Negated ? "none of" : "one of")} {string.Join(", ", Members(node))}";

        public override string VisitLogical(BoundLogical node)
        {
            if (node.IsAnd) return $"{InAnd.Visit(node.Left)} and {InAnd.Visit(node.Right)}";
            var text = $"{Top.Visit(node.Left)} or {Top.Visit(node.Right)}";
            return parentIsAnd ? $"({text})" : text;
        }

        public override string VisitNot(BoundNot node) => node.Operand switch
        {
            BoundSymbol { Symbol.Domain.Kind: ValueKind.Boolean } s => $"not ({Label(s.Symbol)})",
            BoundKnown k => $"{Label(k.Criterion)} is not known",
            _ => $"not ({Top.Visit(node.Operand)})",
        };

        public override string VisitArithmetic(BoundArithmetic node) =>
            $"{Top.Visit(node.Left)} {(node.IsAdd ? "plus" : "minus")} {Top.Visit(node.Right)}";

        public override string VisitAggregate(BoundAggregate node) =>
            $"{node.Kind.ToString().ToLowerInvariant()} of ({string.Join(", ", node.Arguments.Select(Top.Visit))})";
    }
}
