using Placement.Model;

namespace Placement;

/// <summary>The outcome for one decision: the least and most intensive level it can still be, the level when those agree, and why.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Floor">The least intensive level it can be, whatever the unknown answers are: required by rules that fired (or the default).</param>
/// <param name="Ceiling">The most intensive level it can reach once the unknown answers are known; equal to <paramref name="Floor"/> when determined.</param>
/// <param name="Because">The rules that fired and required exactly <paramref name="Floor"/>; empty when it is the default.</param>
public sealed record DecisionResult(Decision Decision, Level Floor, Level Ceiling, IReadOnlyList<Reason> Because)
{
    /// <summary>
    /// Fired rules that call for a less intensive level than <see cref="Floor"/>, in declaration order:
    /// needs the higher level outweighs but that care at that level still addresses (a moderate mental
    /// health need in an inpatient stay for a physical one). A rule is left out when a fired rule calling
    /// for more read the same answers (a lower band of the same rating).
    /// </summary>
    public IReadOnlyList<Reason> AlsoFound { get; init; } = [];

    /// <summary>True when floor and ceiling agree: the level is decided.</summary>
    public bool IsDetermined => Ceiling.Ordinal == Floor.Ordinal;

    /// <summary>The recommended level when it is determined; null while it lies between floor and ceiling (never show the floor as the level).</summary>
    public Level? Level => IsDetermined ? Floor : null;
}
