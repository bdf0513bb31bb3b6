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

    /// <summary>The items of a number's <c>in</c> list in words: <c>2, 4 to 6</c>.</summary>
    private static string Items(InExpr list) => string.Join(", ", list.Values.Select(v => v switch
    {
        RangeExpr r => $"{r.Low} to {r.High}",
        NumberExpr n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => ((NameExpr)v).Name,
    }));

    /// <summary>The number being tested by a number's <c>in</c> list, from its first item (<c>x == 2</c>, or <c>x &gt;= 4 and x &lt;= 6</c>).</summary>
    private static BoundExpr InOperand(BoundComparison node) => ((BoundAggregate)node.Left).Arguments[0] switch
    {
        BoundComparison c => c.Left,
        var item => ((BoundComparison)((BoundLogical)item).Left).Left,
    };

    /// <summary>A set's label and what it is tested for: <c>Substances (`subs`) includes any of alcohol, sedative</c>.</summary>
    private static string Has(BoundComparison node, HasExpr has)
    {
        var set = ((Criterion)((BoundSymbol)((BoundAggregate)node.Left).Arguments[0]).Symbol).SetOf!;
        var words = string.Join(", ", has.Values.Select(v => v.Name).Distinct(StringComparer.Ordinal));
        return $"{Label(set)} includes {(has.Quantifier == HasQuantifier.Any ? "any" : "all")} of {words}";
    }

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

        public override string VisitSymbol(BoundSymbol node) => node.Symbol is Criterion { SetOf: { } set, MemberWord: { } word }
            ? $"{Label(set)} includes {word}"
            : Label(node.Symbol);

        public override string VisitKnown(BoundKnown node) => $"{Label(node.Criterion)} is known";

        public override string VisitComparison(BoundComparison node) => node switch
        {
            { Syntax: HasExpr has } => Has(node, has),
            { Syntax: InExpr list } => $"{Top.Visit(InOperand(node))} is one of {Items(list)}",
            { Left: BoundAggregate { Kind: AggregateKind.Count } count, Right: BoundConstant k } when BoundExprSymbols.CountedSet(count) is null =>
                $"{CountWords(node.Operator, k.Value)} of: {string.Join("; ", count.Arguments.Select(Top.Visit))}",
            _ => $"{Top.Visit(node.Left)} {OperatorWords(node.Operator)} {Top.Visit(node.Right)}",
        };

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
            BoundComparison { Syntax: InExpr list } c when node.Syntax is InExpr => $"{Top.Visit(InOperand(c))} is none of {Items(list)}",
            BoundSymbol { Symbol.Domain.Kind: ValueKind.Boolean } s => $"not ({Top.Visit(s)})",
            BoundKnown k => $"{Label(k.Criterion)} is not known",
            _ => $"not ({Top.Visit(node.Operand)})",
        };

        public override string VisitArithmetic(BoundArithmetic node) =>
            $"{Top.Visit(node.Left)} {(node.IsAdd ? "plus" : "minus")} {Top.Visit(node.Right)}";

        public override string VisitAggregate(BoundAggregate node) => BoundExprSymbols.CountedSet(node) is { } set
            ? $"the number of {Label(set)}"
            : $"{node.Kind.ToString().ToLowerInvariant()} of ({string.Join(", ", node.Arguments.Select(Top.Visit))})";
    }
}
