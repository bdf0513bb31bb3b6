using Placement.Engine;
using Placement.Language.Binding;
using Placement.Language.Compilation;
using Placement.Model;

namespace Placement.Explanations;

/// <summary>
/// Why a recommendation is what it is: per decision the rules that set the level (with values and
/// sources), why not the next more intensive level, what missing information could raise it; the
/// derived facts; notes; and the rule set's id, version and hash. Render it with
/// <see cref="ToText()"/>, <see cref="ToMarkdown()"/> or <see cref="ToJson"/>.
/// </summary>
public sealed class Explanation
{
    /// <summary>The line every rendering carries.</summary>
    public const string Disclaimer = "This recommendation supports, and does not replace, clinical judgement.";

    internal Explanation(Recommendation recommendation)
    {
        Recommendation = recommendation;
        Decisions = recommendation.RuleSet.Decisions.Select(Explain).ToArray();
    }

    /// <summary>The recommendation explained.</summary>
    public Recommendation Recommendation { get; }

    /// <summary>One explanation per decision, in declaration order.</summary>
    public IReadOnlyList<DecisionExplanation> Decisions { get; }

    /// <summary>Plain text for a terminal, in the <see cref="ExplanationDetail.Standard"/> form.</summary>
    public string ToText() => TextRenderer.Render(this, ExplanationDetail.Standard);

    /// <summary>Plain text for a terminal, with as much detail as asked for.</summary>
    public string ToText(ExplanationDetail detail) => TextRenderer.Render(this, detail);

    /// <summary>Markdown for a clinician's tool, in the <see cref="ExplanationDetail.Standard"/> form.</summary>
    public string ToMarkdown() => MarkdownRenderer.Render(this, ExplanationDetail.Standard);

    /// <summary>Markdown for a clinician's tool, with as much detail as asked for.</summary>
    public string ToMarkdown(ExplanationDetail detail) => MarkdownRenderer.Render(this, detail);

    /// <summary>JSON for machines (camelCase; see the README for the fields).</summary>
    public string ToJson(bool indented = true) => JsonRenderer.Render(this, indented);

    /// <summary>The parts of a rule's condition that were false (the false conjuncts), with their values.</summary>
    internal static IReadOnlyList<ConditionPart> FalseParts(Recommendation rec, CompiledRule rule) =>
        Parts(rec, rule, 0);

    /// <summary>The parts of a rule's condition that are still unknown, with their values.</summary>
    internal static IReadOnlyList<ConditionPart> UnknownParts(Recommendation rec, CompiledRule rule) =>
        Parts(rec, rule, 1);

    private static IReadOnlyList<ConditionPart> Parts(Recommendation rec, CompiledRule rule, int truth)
    {
        var conjuncts = BoundExprSymbols.Operands(rule.Condition, isAnd: true);
        var parts = new List<ConditionPart>();
        foreach (var part in conjuncts)
        {
            if (Interval.Truth(ConditionInterpreter.Evaluate(part, rec.Record.State, rec.RuleSet.Compiled.SlotCount)) != truth) continue;
            parts.Add(new ConditionPart(ConditionText.Of(rule.ConditionText, part.Syntax), ValuesIn(rec, part))
            {
                Text = ConditionWords.Plain(part),
                Readings = ReadingsIn(rec, part),
            });
        }

        return parts;
    }

    private DecisionExplanation Explain(Decision decision)
    {
        var rec = Recommendation;
        var result = rec.Decisions[decision.Id];
        var next = result.Floor.Ordinal + 1 < decision.Levels.Count ? decision.Levels[result.Floor.Ordinal + 1] : null;
        var blocked = new List<BlockedRule>();
        var couldRaise = new List<BlockedRule>();
        var order = rec.RuleSet.Compiled.EvaluationOrder;
        foreach (var i in Enumerable.Range(0, order.Length).OrderBy(i => order[i].DeclarationIndex))
        {
            var rule = order[i];
            foreach (var action in rule.Model.Actions)
            {
                if (action.Target != decision) continue;
                var outcome = rec.Record.Outcome(i);
                if (outcome == RuleOutcomeCode.NotFired && next is not null && action.Value == next.Ordinal)
                {
                    blocked.Add(new BlockedRule(rule.Model.Id, rule.Model.Title, next, FalseParts(rec, rule)));
                }
                else if (outcome == RuleOutcomeCode.MayFire && action.Value > result.Floor.Ordinal && action.Value <= result.Ceiling.Ordinal)
                {
                    couldRaise.Add(new BlockedRule(rule.Model.Id, rule.Model.Title, decision.Levels[action.Value], UnknownParts(rec, rule)));
                }
                else if (outcome == RuleOutcomeCode.MayFire && next is not null && action.Value == next.Ordinal)
                {
                    // Its condition is unknown taken alone, but no way the unknown answers can turn out
                    // makes it hold together with the rest: it cannot raise the level.
                    blocked.Add(new BlockedRule(rule.Model.Id, rule.Model.Title, next, UnknownParts(rec, rule)));
                }
            }
        }

        return new DecisionExplanation(result, next, blocked, couldRaise);
    }

    /// <summary>The values a part read, in words: labels, and yes or no for booleans.</summary>
    internal static IReadOnlyList<string> ReadingsIn(Recommendation rec, BoundExpr part) =>
        BoundExprSymbols.Of(part).Select(s => $"{s.Label}: {(s is Decision d ? LevelWords(rec, d) : Shown(rec, s))}").ToArray();

    /// <summary>A decision's value as level names: "Standard outpatient", or "A to B" while undecided.</summary>
    private static string LevelWords(Recommendation rec, Decision d)
    {
        var (floor, ceiling) = (d.Levels[rec.Record.Floor(d)].Name, d.Levels[rec.Record.Ceiling(d)].Name);
        return floor == ceiling ? floor : $"{floor} to {ceiling}";
    }

    /// <summary>A criterion's or fact's value as clinicians read it: labels, yes or no, "unknown", or "a to b" while undecided.</summary>
    private static string Shown(Recommendation rec, Symbol s)
    {
        var record = rec.Record;
        if (s is Criterion && record.Values[s.Slot] == CompiledRuleSet.Unknown) return "unknown";
        var (lo, hi) = (record.Floor(s), record.Ceiling(s));
        if (lo == hi) return LevelText.Value(s.Domain, lo);
        return LevelText.Value(s.Domain, lo) + (s.Domain.Kind == ValueKind.Boolean ? " or " : " to ") + LevelText.Value(s.Domain, hi);
    }

    internal static IReadOnlyList<string> ValuesIn(Recommendation rec, BoundExpr part) =>
        BoundExprSymbols.Of(part).Select(s => $"{s.Id} = {rec.Record.Describe(s)}").ToArray();
}
