using Placement.Model;

namespace Placement;

/// <summary>The outcome for one decision: the level, how high missing information could take it, and why.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Level">The recommended level: the highest level required by a rule that fired (or the default).</param>
/// <param name="Ceiling">The highest level it could reach once missing information is known; equal to <paramref name="Level"/> when final.</param>
/// <param name="Because">The rules that fired and required exactly <paramref name="Level"/>; empty when it is the default.</param>
public sealed record DecisionResult(Decision Decision, Level Level, Level Ceiling, IReadOnlyList<Reason> Because)
{
    /// <summary>True when missing information could raise the level.</summary>
    public bool IsProvisional => Ceiling.Ordinal > Level.Ordinal;
}
