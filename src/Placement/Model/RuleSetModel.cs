namespace Placement.Model;

/// <summary>
/// The declarations of a rule set: criteria, then facts, then decisions, each with its slot in the
/// evaluation state (criteria first), and all of them by id; and the ids whose declaration failed
/// (<see cref="Poisoned"/>), whose uses are not reported again.
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
