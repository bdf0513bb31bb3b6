using Placement.Language.Binding;
using Placement.Language.Compilation;

namespace Placement.Explanations;

/// <summary>Traces one rule's condition for a recommendation: each part, the values it saw and its verdict.</summary>
public static class RuleTracer
{
    /// <summary>The trace of rule <paramref name="ruleId"/> in <paramref name="recommendation"/>.</summary>
    public static RuleTrace Trace(Recommendation recommendation, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (!recommendation.RuleSet.Compiled.RulesById.TryGetValue(ruleId, out var rule))
        {
            var suggested = Diagnostics.Suggestions.Find(ruleId, recommendation.RuleSet.Compiled.RulesById.Keys);
            throw new ArgumentException($"'{ruleId}' is not a rule of rule set {recommendation.RuleSet.Id}{suggested.DidYouMean}", nameof(ruleId));
        }

        RuleTrace.Part Build(BoundExpr e)
        {
            var children = TracedParts.Instance.Visit(e);

            var verdict = Interval.Truth(ConditionInterpreter.Evaluate(e, recommendation.Record.State, recommendation.RuleSet.Compiled.SlotCount)) switch
            {
                0 => "false",
                1 => "unknown",
                _ => "true",
            };
            return new RuleTrace.Part(
                ConditionText.Of(rule.ConditionText, e.Syntax),
                e.Type.Kind == Model.ValueKind.Boolean ? verdict : "value",
                Explanation.ValuesIn(recommendation, e),
                children.Select(Build).ToArray());
        }

        return new RuleTrace(
            rule.Model.Id,
            rule.Model.Title,
            recommendation.OutcomeOf(ruleId),
            Build(rule.Condition),
            rule.Model.Actions.Select(a => $"{a.Target.Id} >= {a.ValueText}").ToArray());
    }

    /// <summary>
    /// The parts of a node a trace shows beneath it: the operands of a chain of 'and' or 'or', the
    /// operand of 'not', the conditions a count counts (the words of <c>has any</c>/<c>has all</c>, the
    /// items of a number's <c>in</c> list; not the hidden members <c>count(s)</c> of a set adds up).
    /// </summary>
    private sealed class TracedParts : BoundExprVisitor<IReadOnlyList<BoundExpr>>
    {
        public static readonly TracedParts Instance = new();

        // A range in a number's 'in' list is two comparisons of the same text: one part.
        public override IReadOnlyList<BoundExpr> VisitLogical(BoundLogical node) =>
            node.Syntax is Language.Ast.RangeExpr ? [] : BoundExprSymbols.Operands(node, node.IsAnd);

        // 'x not in [..]' is one part: its items beneath it, not the 'in' it negates.
        public override IReadOnlyList<BoundExpr> VisitNot(BoundNot node) => node.Syntax is Language.Ast.InExpr ? Visit(node.Operand) : [node.Operand];

        public override IReadOnlyList<BoundExpr> VisitComparison(BoundComparison node) => node switch
        {
            { Syntax: Language.Ast.HasExpr or Language.Ast.InExpr, Left: BoundAggregate { Arguments.Count: 1 } } => [],
            { Left: BoundAggregate { Kind: AggregateKind.Count } count } when BoundExprSymbols.CountedSet(count) is null => count.Arguments,
            _ => [],
        };

        public override IReadOnlyList<BoundExpr> VisitConstant(BoundConstant node) => [];

        public override IReadOnlyList<BoundExpr> VisitSymbol(BoundSymbol node) => [];

        public override IReadOnlyList<BoundExpr> VisitKnown(BoundKnown node) => [];

        public override IReadOnlyList<BoundExpr> VisitIn(BoundIn node) => [];

        public override IReadOnlyList<BoundExpr> VisitArithmetic(BoundArithmetic node) => [];

        public override IReadOnlyList<BoundExpr> VisitAggregate(BoundAggregate node) => [];
    }
}
