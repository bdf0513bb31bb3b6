using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Explanations;

/// <summary>
/// Renders a condition in words, using the declared labels: with ids for the sign-off document
/// (reviewers check them against the rules), without for explanations a clinician reads.
/// </summary>
internal static class ConditionWords
{
    /// <summary>The condition in words, labels followed by their ids.</summary>
    public static string Of(BoundExpr e) => Words.Get(ids: true, parentIsAnd: false).Visit(e);

    /// <summary>The condition in words, labels only.</summary>
    public static string Plain(BoundExpr e) => Words.Get(ids: false, parentIsAnd: false).Visit(e);

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
    private static string Has(BoundComparison node, HasExpr has, Func<Symbol, string> label, bool ids)
    {
        var set = ((Criterion)((BoundSymbol)((BoundAggregate)node.Left).Arguments[0]).Symbol).SetOf!;
        var words = string.Join(", ", has.Values.Select(v => ids ? v.Name : Shown(set.Domain, v.Name)).Distinct(StringComparer.Ordinal));
        return $"{label(set)} includes {(has.Quantifier == HasQuantifier.Any ? "any" : "all")} of {words}";
    }

    /// <summary>A word as clinicians see it: its declared label, else the word with spaces.</summary>
    private static string Shown(ValueDomain domain, string word) => domain.IndexOf(word) is var k and >= 0 ? domain.Labels[k] : word.Replace('_', ' ');

    private static IEnumerable<string> Members(BoundIn i, bool ids)
    {
        var values = ids ? i.Operand.Type.Enum!.Values : i.Operand.Type.Enum!.Labels;
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
    private sealed class Words(bool ids, bool parentIsAnd) : BoundExprVisitor<string>
    {
        private static readonly Words[] All = [new(false, false), new(false, true), new(true, false), new(true, true)];

        private Words Top => Get(ids, parentIsAnd: false);

        private Words InAnd => Get(ids, parentIsAnd: true);

        public static Words Get(bool ids, bool parentIsAnd) => All[(ids ? 2 : 0) + (parentIsAnd ? 1 : 0)];

        private string L(Symbol s) => ids ? Label(s) : s.Label;

        public override string VisitConstant(BoundConstant node) => ids ? Value(node)
            : node.Type.Kind == ValueKind.Enum ? node.Type.Enum!.Labels[node.Value] : Value(node).Replace('_', ' ');

        public override string VisitSymbol(BoundSymbol node) => node.Symbol is Criterion { SetOf: { } set, MemberWord: { } word }
            ? $"{L(set)} includes {(ids ? word : Shown(set.Domain, word))}"
            : L(node.Symbol);

        public override string VisitKnown(BoundKnown node) => $"{L(node.Criterion)} is known";

        public override string VisitComparison(BoundComparison node) => node switch
        {
            { Syntax: HasExpr has } => Has(node, has, L, ids),
            { Syntax: InExpr list } => $"{Top.Visit(InOperand(node))} is one of {Items(list)}",
            { Left: BoundAggregate { Kind: AggregateKind.Count } count, Right: BoundConstant k } when BoundExprSymbols.CountedSet(count) is null =>
                $"{CountWords(node.Operator, k.Value)} of: {string.Join("; ", count.Arguments.Select(Top.Visit))}",
            // A level compared with a decision reads as the level's name in explanations.
            { Left: BoundSymbol { Symbol: Decision d }, Right: BoundConstant k } when !ids =>
                $"{Top.Visit(node.Left)} {OperatorWords(node.Operator)} {d.Levels[k.Value].Name}",
            _ => $"{Top.Visit(node.Left)} {OperatorWords(node.Operator)} {Top.Visit(node.Right)}",
        };

        public override string VisitIn(BoundIn node) =>
            $"{Top.Visit(node.Operand)} is {(node.Negated ? "none of" : "one of")} {string.Join(", ", Members(node, ids))}";

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
            BoundKnown k => $"{L(k.Criterion)} is not known",
            _ => $"not ({Top.Visit(node.Operand)})",
        };

        public override string VisitArithmetic(BoundArithmetic node) =>
            $"{Top.Visit(node.Left)} {(node.IsAdd ? "plus" : "minus")} {Top.Visit(node.Right)}";

        public override string VisitAggregate(BoundAggregate node) => BoundExprSymbols.CountedSet(node) is { } set
            ? $"the number of {L(set)}"
            : $"{node.Kind.ToString().ToLowerInvariant()} of ({string.Join(", ", node.Arguments.Select(Top.Visit))})";
    }
}
