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
    private readonly int[]? _floors;
    private EvaluationRecord? _record;
    private Details? _details;

    internal Recommendation(RuleSet ruleSet, Assessment assessment, int[] state, byte[] outcomes, RecommendationStatus status)
    {
        RuleSet = ruleSet;
        Assessment = assessment;
        _record = new EvaluationRecord(state, outcomes);
        Status = status;
    }

    /// <summary>For a complete assessment: only the floors of facts and decisions; the record comes on demand.</summary>
    internal Recommendation(RuleSet ruleSet, Assessment assessment, int[] floors)
    {
        RuleSet = ruleSet;
        Assessment = assessment;
        _floors = floors;
        Status = RecommendationStatus.Recommended;
    }

    /// <summary>The rule set that made it (see its id, version and sha256).</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The assessment it was made for.</summary>
    public Assessment Assessment { get; }

    /// <summary>Recommended, or provisional when missing information could raise a level.</summary>
    public RecommendationStatus Status { get; }

    /// <summary>Each decision's outcome by decision id.</summary>
    public IReadOnlyDictionary<string, DecisionResult> Decisions => Lazy.Decisions ??= BuildDecisions();

    /// <summary>Each derived fact's value by fact id.</summary>
    public IReadOnlyDictionary<string, FactResult> Facts => Lazy.Facts ??= BuildFacts();

    /// <summary>Ids of the rules that fired, in evaluation order.</summary>
    public IReadOnlyList<string> FiredRules => RulesWith(RuleOutcome.Fired);

    /// <summary>Ids of the rules that may fire once missing information is known, in evaluation order.</summary>
    public IReadOnlyList<string> MayFireRules => RulesWith(RuleOutcome.MayFire);

    /// <summary>The unknown criteria that could change the result, in declaration order.</summary>
    public IReadOnlyList<MissingCriterion> Missing => Lazy.Missing ??= MissingInformation.Find(this);

    /// <summary>Notes of the rules that fired, in declaration order.</summary>
    public IReadOnlyList<string> Notes => Lazy.Notes ??= BuildNotes();

    /// <summary>The evaluation record's state (floors then ceilings), computed on first use for complete assessments.</summary>
    internal int[] State => Record.State;

    // Caches of what is built on demand, kept out of the object Recommend allocates.
    private Details Lazy => _details ??= new Details();

    // A reference, so publishing it is atomic: threads racing here compute identical records.
    private EvaluationRecord Record => _record ??= EvaluationRecord.Of(Evaluator.Record(RuleSet, Assessment));

    internal int SlotCount => RuleSet.SlotCount;

    /// <summary>The recommended level of a decision, read straight from the evaluation (no explanation is built).</summary>
    public Level Level(string decisionId) => Level(
        RuleSet.FindDecision(decisionId) ?? throw new ArgumentException($"'{decisionId}' is not a decision of rule set {RuleSet.Id}", nameof(decisionId)));

    /// <summary>The recommended level of a decision of this rule set; the cheapest way to get it.</summary>
    public Level Level(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var bySlot = RuleSet.SymbolsBySlot;
        if ((uint)decision.Slot >= (uint)bySlot.Length || !ReferenceEquals(bySlot[decision.Slot], decision))
        {
            throw new ArgumentException($"'{decision.Id}' is not a decision of rule set {RuleSet.Id}", nameof(decision));
        }

        return decision.LevelArray[FloorAt(decision.Slot)];
    }

    /// <summary>The highest level a decision could reach once missing information is known (the level itself when final).</summary>
    public Level Ceiling(Decision decision)
    {
        Level(decision); // checks that the decision is this rule set's
        return decision.LevelArray[CeilingOf(decision)];
    }

    /// <summary>What happened to a rule.</summary>
    public RuleOutcome OutcomeOf(string ruleId)
    {
        var order = RuleSet.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i].Model.Id == ruleId) return Outcome(i);
        }

        throw new ArgumentException($"'{ruleId}' is not a rule of rule set {RuleSet.Id}", nameof(ruleId));
    }

    /// <summary>The explanation: reasons with values, why not higher, facts, what is missing, notes.</summary>
    public Explanation Explain() => new(this);

    internal RuleOutcome Outcome(int evaluationIndex) => (RuleOutcome)Record.Outcomes[evaluationIndex];

    internal int Floor(Symbol s) => _floors is not null && s is Criterion ? Assessment.Values[s.Slot] : FloorAt(s.Slot);

    /// <summary>The floor of a slot; for complete assessments, facts and decisions come from the fast path's floors.</summary>
    private int FloorAt(int slot) => _floors is null ? Record.State[slot] : _floors[slot - RuleSet.CriteriaCount];

    internal int CeilingOf(Symbol s) => _floors is null ? Record.State[s.Slot + RuleSet.SlotCount] : Floor(s);

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
            if (Outcome(i) == outcome) ids.Add(order[i].Model.Id);
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

    /// <summary>Floors and ceilings of every slot, and every rule's outcome.</summary>
    private sealed class EvaluationRecord(int[] state, byte[] outcomes)
    {
        public int[] State { get; } = state;

        public byte[] Outcomes { get; } = outcomes;

        public static EvaluationRecord Of((int[] State, byte[] Outcomes) record) => new(record.State, record.Outcomes);
    }

    /// <summary>What is built on first use; racing threads build equal values.</summary>
    private sealed class Details
    {
        public IReadOnlyDictionary<string, DecisionResult>? Decisions;
        public IReadOnlyDictionary<string, FactResult>? Facts;
        public IReadOnlyList<MissingCriterion>? Missing;
        public IReadOnlyList<string>? Notes;
    }
}
