using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Documentation;

/// <summary>Renders a condition in words for clinical reviewers, using the declared labels.</summary>
internal static class ConditionWords
{
    public static string Of(BoundExpr e) => Render(e, parentIsAnd: false);

    private static string Render(BoundExpr e, bool parentIsAnd) => e switch
    {
        BoundSymbol { Symbol.Domain.Kind: ValueKind.Boolean } s => Label(s.Symbol),
        BoundSymbol s => Label(s.Symbol),
        BoundConstant c => Value(c),
        BoundKnown k => $"{Label(k.Criterion)} is known",
        BoundNot { Operand: BoundSymbol { Symbol.Domain.Kind: ValueKind.Boolean } s } => $"not ({Label(s.Symbol)})",
        BoundNot { Operand: BoundKnown k } => $"{Label(k.Criterion)} is not known",
        BoundNot n => $"not ({Render(n.Operand, false)})",
        BoundLogical { IsAnd: true } l => $"{Render(l.Left, true)} and {Render(l.Right, true)}",
        BoundLogical l => parentIsAnd ? $"({Render(l.Left, false)} or {Render(l.Right, false)})" : $"{Render(l.Left, false)} or {Render(l.Right, false)}",
        BoundIn i => $"{Render(i.Operand, false)} is {(i.Negated ? "none of" : "one of")} {string.Join(", ", Members(i))}",
        BoundComparison { Left: BoundAggregate { Kind: AggregateKind.Count } count, Right: BoundConstant k } c =>
            $"{CountWords(c.Operator, k.Value)} of: {string.Join("; ", count.Arguments.Select(a => Render(a, false)))}",
        BoundComparison c => $"{Render(c.Left, false)} {OperatorWords(c.Operator)} {Render(c.Right, false)}",
        BoundArithmetic a => $"{Render(a.Left, false)} {(a.IsAdd ? "plus" : "minus")} {Render(a.Right, false)}",
        BoundAggregate g => $"{g.Kind.ToString().ToLowerInvariant()} of ({string.Join(", ", g.Arguments.Select(a => Render(a, false)))})",
        _ => e.Syntax.ToString(),
    };

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
}
