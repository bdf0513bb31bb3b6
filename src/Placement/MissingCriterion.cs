using Placement.Model;

namespace Placement;

/// <summary>
/// An unknown answer worth asking: one that is required, or one whose answer alone can change a
/// decision or an output fact. Listed in the order to ask: by <c>ask</c> tier, then by how far the
/// answer alone could move the decisions.
/// </summary>
/// <param name="Criterion">The criterion to ask about.</param>
/// <param name="CouldRaise">Decision id to the level this answer alone could establish as the floor, for decisions whose floor it could raise.</param>
/// <param name="Rules">The rules that may fire because it is unknown (directly or through facts).</param>
public sealed record MissingCriterion(Criterion Criterion, IReadOnlyDictionary<string, Level> CouldRaise, IReadOnlyList<string> Rules)
{
    /// <summary>True when the criterion is required now: the status stays <c>insufficient</c> until it is answered.</summary>
    public bool IsRequired { get; init; }
}
