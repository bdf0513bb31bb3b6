using Placement.Engine;
using Placement.Explanations;
using Placement.Model;

namespace Placement;

/// <summary>
/// The result of <see cref="RuleSet.Recommend"/>: the level for each decision with its reasons,
/// the derived facts, what is still missing and notes. Immutable; everything beyond the status
/// is computed on first use from the evaluation record, so callers who want only the level pay
/// only for the evaluation.
/// </summary>
public sealed class Recommendation
{
    private readonly int[] _state;
    private readonly byte[] _outcomes;
    private IReadOnlyDictionary<string, DecisionResult>? _decisions;
    private IReadOnlyDictionary<string, FactResult>? _facts;
    private IReadOnlyList<MissingCriterion>? _missing;
    private IReadOnlyList<string>? _notes;

    internal Recommendation(RuleSet ruleSet, Assessment assessment, int[] state, byte[] outcomes, RecommendationStatus status)
    {
        RuleSet = ruleSet;
        Assessment = assessment;
        _state = state;
        _outcomes = outcomes;
        Status = status;
    }

    /// <summary>The rule set that made it (see its id, version and sha256).</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The assessment it was made for.</summary>
    public Assessment Assessment { get; }

    /// <summary>Recommended, or provisional when missing information could raise a level.</summary>
    public RecommendationStatus Status { get; }

    /// <summary>Each decision's outcome by decision id.</summary>
    public IReadOnlyDictionary<string, DecisionResult> Decisions => _decisions ??= BuildDecisions();

    /// <summary>Each derived fact's value by fact id.</summary>
    public IReadOnlyDictionary<string, FactResult> Facts => _facts ??= BuildFacts();

    /// <summary>Ids of the rules that fired, in evaluation order.</summary>
    public IReadOnlyList<string> FiredRules => RulesWith(RuleOutcome.Fired);

    /// <summary>Ids of the rules that may fire once missing information is known, in evaluation order.</summary>
    public IReadOnlyList<string> MayFireRules => RulesWith(RuleOutcome.MayFire);

    /// <summary>The unknown criteria that could change the result, in declaration order.</summary>
    public IReadOnlyList<MissingCriterion> Missing => _missing ??= MissingInformation.Find(this);

    /// <summary>Notes of the rules that fired, in declaration order.</summary>
    public IReadOnlyList<string> Notes => _notes ??= BuildNotes();

    internal int[] State => _state;

    internal int SlotCount => RuleSet.SlotCount;

    /// <summary>The recommended level of a decision, read straight from the evaluation (no explanation is built).</summary>
    public Level Level(string decisionId) => Level(
        RuleSet.FindDecision(decisionId) ?? throw new ArgumentException($"'{decisionId}' is not a decision of rule set {RuleSet.Id}", nameof(decisionId)));

    /// <summary>The recommended level of a decision of this rule set; the cheapest way to get it.</summary>
    public Level Level(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!ReferenceEquals(RuleSet.Symbols.GetValueOrDefault(decision.Id), decision))
        {
            throw new ArgumentException($"'{decision.Id}' is not a decision of rule set {RuleSet.Id}", nameof(decision));
        }

        return decision.Levels[_state[decision.Slot]];
    }

    /// <summary>The highest level a decision could reach once missing information is known (the level itself when final).</summary>
    public Level Ceiling(Decision decision)
    {
        Level(decision); // checks that the decision is this rule set's
        return decision.Levels[CeilingOf(decision)];
    }

    /// <summary>What happened to a rule.</summary>
    public RuleOutcome OutcomeOf(string ruleId)
    {
        var order = RuleSet.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i].Model.Id == ruleId) return (RuleOutcome)_outcomes[i];
        }

        throw new ArgumentException($"'{ruleId}' is not a rule of rule set {RuleSet.Id}", nameof(ruleId));
    }

    /// <summary>The explanation: reasons with values, why not higher, facts, what is missing, notes.</summary>
    public Explanation Explain() => new(this);

    internal RuleOutcome Outcome(int evaluationIndex) => (RuleOutcome)_outcomes[evaluationIndex];

    internal int Floor(Symbol s) => _state[s.Slot];

    internal int CeilingOf(Symbol s) => _state[s.Slot + RuleSet.SlotCount];

    /// <summary>A symbol's value for texts: a word, a number, "unknown", or "x to y" while undecided.</summary>
    internal string Describe(Symbol s)
    {
        if (s is Criterion && Assessment.Values[s.Slot] == Assessment.Unknown) return "unknown";
        var lo = Floor(s);
        var hi = CeilingOf(s);
        return lo == hi ? s.Domain.Format(lo) : $"{s.Domain.Format(lo)} to {s.Domain.Format(hi)}";
    }

    internal string RenderReason(CompiledRule rule) =>
        rule.Because?.Render(Describe) ?? rule.Model.Title ?? rule.Model.Id;

    private IReadOnlyList<string> RulesWith(RuleOutcome outcome)
    {
        var ids = new List<string>();
        var order = RuleSet.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if ((RuleOutcome)_outcomes[i] == outcome) ids.Add(order[i].Model.Id);
        }

        return ids;
    }

    private IReadOnlyDictionary<string, DecisionResult> BuildDecisions()
    {
        var result = new Dictionary<string, DecisionResult>(StringComparer.Ordinal);
        foreach (var decision in RuleSet.Decisions)
        {
            var level = decision.Levels[Floor(decision)];
            result[decision.Id] = new DecisionResult(decision, level, decision.Levels[CeilingOf(decision)], ReasonsFor(decision, level.Ordinal));
        }

        return result;
    }

    private IReadOnlyDictionary<string, FactResult> BuildFacts()
    {
        var result = new Dictionary<string, FactResult>(StringComparer.Ordinal);
        foreach (var fact in RuleSet.Facts)
        {
            var floor = Floor(fact);
            result[fact.Id] = new FactResult(fact, fact.Domain.Format(floor), fact.Domain.Format(CeilingOf(fact)), ReasonsFor(fact, floor));
        }

        return result;
    }

    /// <summary>The fired rules that raised <paramref name="target"/> to exactly <paramref name="value"/>, in declaration order.</summary>
    private IReadOnlyList<Reason> ReasonsFor(Symbol target, int value)
    {
        var reasons = new List<(int Order, Reason Reason)>();
        var order = RuleSet.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (Outcome(i) != RuleOutcome.Fired) continue;
            var rule = order[i];
            if (rule.Model.Actions.Any(a => a.Target == target && a.Value == value))
            {
                reasons.Add((rule.DeclarationIndex, new Reason(rule.Model.Id, rule.Model.Title, RenderReason(rule), rule.Model.Source)));
            }
        }

        return reasons.OrderBy(r => r.Order).Select(r => r.Reason).ToArray();
    }

    private IReadOnlyList<string> BuildNotes()
    {
        var notes = new List<(int Order, string Text)>();
        var order = RuleSet.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (Outcome(i) == RuleOutcome.Fired && order[i].Note is { } note) notes.Add((order[i].DeclarationIndex, note.Render(Describe)));
        }

        return notes.OrderBy(n => n.Order).Select(n => n.Text).ToArray();
    }
}
