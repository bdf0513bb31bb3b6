using Placement.Model;

namespace Placement.Explanations;

/// <summary>The explanation of one decision.</summary>
/// <param name="Result">The level, ceiling and reasons.</param>
/// <param name="NextLevel">The next more intensive level, or null at the top.</param>
/// <param name="WhyNotHigher">The rules requiring <paramref name="NextLevel"/> that did not fire, and why.</param>
/// <param name="CouldRaise">Rules that may fire once missing information is known and would raise this decision.</param>
public sealed record DecisionExplanation(
    DecisionResult Result,
    Level? NextLevel,
    IReadOnlyList<BlockedRule> WhyNotHigher,
    IReadOnlyList<BlockedRule> CouldRaise);
