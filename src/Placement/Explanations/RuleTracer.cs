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

    /// <summary>The parts of a node a trace shows beneath it: the operands of a chain of 'and' or 'or', the operand of 'not', the conditions a count counts.</summary>
    private sealed class TracedParts : BoundExprVisitor<IReadOnlyList<BoundExpr>>
    {
        public static readonly TracedParts Instance = new();

        public override IReadOnlyList<BoundExpr> VisitLogical(BoundLogical node) => BoundExprSymbols.Operands(node, node.IsAnd);

        public override IReadOnlyList<BoundExpr> VisitNot(BoundNot node) => [node.Operand];

        public override IReadOnlyList<BoundExpr> VisitComparison(BoundComparison node) =>
            node.Left is BoundAggregate { Kind: AggregateKind.Count } count ? count.Arguments : [];

        public override IReadOnlyList<BoundExpr> VisitConstant(BoundConstant node) => [];

        public override IReadOnlyList<BoundExpr> VisitSymbol(BoundSymbol node) => [];

        public override IReadOnlyList<BoundExpr> VisitKnown(BoundKnown node) => [];

        public override IReadOnlyList<BoundExpr> VisitIn(BoundIn node) => [];

        public override IReadOnlyList<BoundExpr> VisitArithmetic(BoundArithmetic node) => [];

        public override IReadOnlyList<BoundExpr> VisitAggregate(BoundAggregate node) => [];
    }
}
