using Placement.Engine;
using Placement.Model;

namespace Placement;

/// <summary>
/// The result of <see cref="RuleSet.Recommend"/>: the level for each decision with its reasons,
/// the derived facts, what is still missing, notes and review flags. Immutable; it wraps the
/// engine's evaluation record and builds everything beyond the status on first use, so callers who
/// want only the level pay only for the evaluation. Its explanation is <c>Explain()</c> in
/// <c>Placement.Explanations</c>.
/// </summary>
public sealed class Recommendation : IEquatable<Recommendation>
{
    private Details? _details;

    internal Recommendation(RuleSet ruleSet, Assessment assessment, EvaluationRecord record)
    {
        RuleSet = ruleSet;
        Assessment = assessment;
        Record = record;
        Status = record.IsComplete ? RecommendationStatus.Recommended
            : record.UnknownRequired().Count > 0 ? RecommendationStatus.Insufficient
            : record.IsUndetermined ? RecommendationStatus.Provisional
            : RecommendationStatus.Recommended;
    }

    /// <summary>The rule set that made it (see its id, version and sha256).</summary>
    public RuleSet RuleSet { get; }

    /// <summary>The assessment it was made for.</summary>
    public Assessment Assessment { get; }

    /// <summary>Recommended (every decision determined), provisional (some decision or output fact not determined yet) or insufficient (a required answer is unknown).</summary>
    public RecommendationStatus Status { get; }

    /// <summary>
    /// True when floors and ceilings are exact over every way the unknown answers could turn out;
    /// false when the rule set was too large to enumerate and they come from a sound but possibly
    /// wider estimate (the recommendation is then never shown as more settled than it is).
    /// </summary>
    public bool BoundsAreExact => Record.BoundsAreExact;

    /// <summary>Each decision's outcome by decision id.</summary>
    public IReadOnlyDictionary<string, DecisionResult> Decisions => Lazy.Decisions ??= BuildDecisions();

    /// <summary>Each derived fact's value by fact id.</summary>
    public IReadOnlyDictionary<string, FactResult> Facts => Lazy.Facts ??= BuildFacts();

    /// <summary>Ids of the rules that fired, in evaluation order.</summary>
    public IReadOnlyList<string> FiredRules => RulesWith(RuleOutcomeCode.Fired);

    /// <summary>Ids of the rules that may fire once missing information is known, in evaluation order.</summary>
    public IReadOnlyList<string> MayFireRules => RulesWith(RuleOutcomeCode.MayFire);

    /// <summary>
    /// The unknown answers worth asking, in the order to ask them: required ones and those whose
    /// answer alone can change a decision or an output fact; by <c>ask</c> tier, then by how far the
    /// answer could move the decisions. Answers that can change nothing are left out.
    /// </summary>
    public IReadOnlyList<MissingCriterion> Missing => Lazy.Missing ??= MissingInformation.Find(Record)
        .Select(m => new MissingCriterion(m.Criterion, m.CouldRaise, m.Rules) { IsRequired = m.Required })
        .ToArray();

    /// <summary>Notes of the rules that fired, in declaration order.</summary>
    public IReadOnlyList<string> Notes => Lazy.Notes ??= BuildNotes();

    /// <summary>What a clinician must review: the flags of the rules that fired, in declaration order.</summary>
    public IReadOnlyList<ReviewFlag> Flags => RuleSet.HasFlags ? Lazy.Flags ??= BuildFlags(RuleOutcomeCode.Fired) : [];

    /// <summary>
    /// The flags of the rules that may fire once missing answers are known, in declaration order:
    /// a review that an unknown answer could call for, reported rather than left out.
    /// </summary>
    public IReadOnlyList<ReviewFlag> PossibleFlags => RuleSet.HasFlags ? Lazy.PossibleFlags ??= BuildFlags(RuleOutcomeCode.MayFire) : [];

    /// <summary>The engine's evaluation record this recommendation wraps.</summary>
    internal EvaluationRecord Record { get; }

    // Caches of what is built on demand, kept out of the object Recommend allocates.
    private Details Lazy => _details ??= new Details();

    /// <summary>The recommended level of a decision when it is determined, else null; read straight from the evaluation.</summary>
    public Level? Level(string decisionId) => Level(Find(decisionId));

    /// <summary>
    /// The recommended level of a decision of this rule set when it is determined (floor and ceiling
    /// agree), else null: a level is never shown as decided when it is not. The cheapest way to get it.
    /// </summary>
    public Level? Level(Decision decision)
    {
        CheckOwn(decision);
        var floor = Record.Floor(decision);
        return floor == Record.Ceiling(decision) ? decision.LevelArray[floor] : null;
    }

    /// <summary>The least intensive level a decision can be, whatever the unknown answers are.</summary>
    public Level Floor(string decisionId) => Floor(Find(decisionId));

    /// <summary>The least intensive level a decision can be, whatever the unknown answers are.</summary>
    public Level Floor(Decision decision)
    {
        CheckOwn(decision);
        return decision.LevelArray[Record.Floor(decision)];
    }

    /// <summary>The most intensive level a decision can reach once the unknown answers are known (the level itself when determined).</summary>
    public Level Ceiling(string decisionId) => Ceiling(Find(decisionId));

    /// <summary>The most intensive level a decision can reach once the unknown answers are known (the level itself when determined).</summary>
    public Level Ceiling(Decision decision)
    {
        CheckOwn(decision);
        return decision.LevelArray[Record.Ceiling(decision)];
    }

    /// <summary>The required answers that are unknown now, in declaration order.</summary>
    public IReadOnlyList<Criterion> UnknownRequired => Lazy.UnknownRequired ??= Record.UnknownRequired();

    /// <summary>What happened to a rule.</summary>
    public RuleOutcome OutcomeOf(string ruleId)
    {
        var order = RuleSet.Compiled.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i].Model.Id == ruleId) return (RuleOutcome)Record.Outcome(i);
        }

        throw new ArgumentException($"'{ruleId}' is not a rule of rule set {RuleSet.Id}", nameof(ruleId));
    }

    private Decision Find(string decisionId) =>
        RuleSet.FindDecision(decisionId) ?? throw new ArgumentException($"'{decisionId}' is not a decision of rule set {RuleSet.Id}", nameof(decisionId));

    private void CheckOwn(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var bySlot = RuleSet.Compiled.SymbolsBySlot;
        if ((uint)decision.Slot >= (uint)bySlot.Length || !ReferenceEquals(bySlot[decision.Slot], decision))
        {
            throw new ArgumentException($"'{decision.Id}' is not a decision of rule set {RuleSet.Id}", nameof(decision));
        }
    }

    private List<string> RulesWith(RuleOutcomeCode outcome)
    {
        var ids = new List<string>();
        var order = RuleSet.Compiled.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (Record.Outcome(i) == outcome) ids.Add(order[i].Model.Id);
        }

        return ids;
    }

    private Dictionary<string, DecisionResult> BuildDecisions()
    {
        var result = new Dictionary<string, DecisionResult>(StringComparer.Ordinal);
        foreach (var decision in RuleSet.Decisions)
        {
            var floor = decision.Levels[Record.Floor(decision)];
            result[decision.Id] = new DecisionResult(decision, floor, decision.Levels[Record.Ceiling(decision)], ReasonsFor(decision, floor.Ordinal))
            {
                AlsoFound = ReasonsBelow(decision, floor.Ordinal),
            };
        }

        return result;
    }

    private Dictionary<string, FactResult> BuildFacts()
    {
        var result = new Dictionary<string, FactResult>(StringComparer.Ordinal);
        foreach (var fact in RuleSet.Facts)
        {
            var floor = Record.Floor(fact);
            var because = ReasonsFor(fact, floor);
            result[fact.Id] = new FactResult(fact, fact.Domain.Format(floor), fact.Domain.Format(Record.Ceiling(fact)), because)
            {
                AlsoFound = ReasonsBelow(fact, floor),
            };
        }

        return result;
    }

    /// <summary>The fired rules that raised <paramref name="target"/> to exactly <paramref name="value"/>, in declaration order.</summary>
    private Reason[] ReasonsFor(Symbol target, int value)
    {
        var reasons = new List<(int Order, Reason Reason)>();
        var order = RuleSet.Compiled.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (Record.Outcome(i) != RuleOutcomeCode.Fired) continue;
            var rule = order[i];
            if (rule.Model.Actions.Any(a => a.Target == target && a.Value == value))
            {
                reasons.Add((rule.DeclarationIndex, new Reason(rule.Model.Id, rule.Model.Title, Record.RenderReason(rule), rule.Model.Source)));
            }
        }

        return reasons.OrderBy(r => r.Order).Select(r => r.Reason).ToArray();
    }

    /// <summary>
    /// The fired rules that set <paramref name="target"/> to a value below <paramref name="value"/>,
    /// in declaration order, leaving out each one whose answers a fired rule setting a higher value
    /// also read: separate findings the higher one outweighs (with alcohol and opioids, how the opioid
    /// withdrawal was judged), not lower bands of the same score, and not rules that only carry one
    /// decision into another (their need is shown under the decision they read).
    /// </summary>
    private Reason[] ReasonsBelow(Symbol target, int value)
    {
        var order = RuleSet.Compiled.EvaluationOrder;
        var setting = new List<(int Index, int Value, HashSet<Symbol> Reads)>();
        for (var i = 0; i < order.Length; i++)
        {
            if (Record.Outcome(i) != RuleOutcomeCode.Fired) continue;
            foreach (var action in order[i].Model.Actions)
            {
                if (action.Target == target) setting.Add((i, action.Value, [.. Language.Binding.BoundExprSymbols.Of(order[i].Condition)]));
            }
        }

        return setting
            .Where(r => r.Value < value && r.Reads.Any(s => s is not Decision) && !setting.Any(h => h.Value > r.Value && h.Reads.IsSupersetOf(r.Reads)))
            .OrderBy(r => order[r.Index].DeclarationIndex)
            .Select(r => new Reason(order[r.Index].Model.Id, order[r.Index].Model.Title, Record.RenderReason(order[r.Index]), order[r.Index].Model.Source))
            .ToArray();
    }

    private string[] BuildNotes()
    {
        var notes = new List<(int Order, string Text)>();
        var order = RuleSet.Compiled.EvaluationOrder;
        for (var i = 0; i < order.Length; i++)
        {
            if (Record.Outcome(i) == RuleOutcomeCode.Fired && order[i].Note is { } note) notes.Add((order[i].DeclarationIndex, note.Render(Record.Describe)));
        }

        return notes.OrderBy(n => n.Order).Select(n => n.Text).ToArray();
    }

    private ReviewFlag[] BuildFlags(RuleOutcomeCode outcome)
    {
        List<ReviewFlag>? flags = null;
        var order = RuleSet.Compiled.EvaluationOrder;
        foreach (var i in RuleSet.Compiled.FlagRules)
        {
            if (Record.Outcome(i) == outcome) (flags ??= []).Add(new ReviewFlag(order[i].Model.Id, order[i].Model.FlagTemplate!.Render(Record.Describe)));
        }

        return flags is null ? [] : flags.ToArray();
    }

    /// <summary>
    /// True when both were made by the same rule set (by sha256) from equal assessments: a
    /// recommendation is a pure function of the two, so everything else in it is equal too.
    /// </summary>
    public bool Equals(Recommendation? other) =>
        other is not null && (ReferenceEquals(this, other) || (RuleSet.Sha256 == other.RuleSet.Sha256 && Assessment.Equals(other.Assessment)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Recommendation);

    /// <inheritdoc />
    public override int GetHashCode() => Assessment.GetHashCode();

    /// <summary>What is built on first use; racing threads build equal values.</summary>
    private sealed class Details
    {
        public IReadOnlyDictionary<string, DecisionResult>? Decisions;
        public IReadOnlyDictionary<string, FactResult>? Facts;
        public IReadOnlyList<MissingCriterion>? Missing;
        public IReadOnlyList<string>? Notes;
        public IReadOnlyList<Criterion>? UnknownRequired;
        public IReadOnlyList<ReviewFlag>? Flags;
        public IReadOnlyList<ReviewFlag>? PossibleFlags;
    }
}
