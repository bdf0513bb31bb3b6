namespace Placement.Model;

/// <summary>
/// The declarations of a rule set: criteria (each set criterion followed by its hidden members),
/// then facts, then decisions, each with its slot in the evaluation state, in slot order; by id
/// all of them that rules and assessments name (not set members); and the ids whose declaration
/// failed (<see cref="Poisoned"/>), whose uses are not reported again.
/// </summary>
internal sealed record RuleSetModel(
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyDictionary<string, Symbol> Symbols,
    IReadOnlySet<string> Poisoned)
{
    /// <summary>The number of slots: every criterion, fact and decision.</summary>
    public int SlotCount => Criteria.Count + Facts.Count + Decisions.Count;
}
