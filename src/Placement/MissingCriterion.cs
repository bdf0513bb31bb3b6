using Placement.Model;

namespace Placement;

/// <summary>An unknown criterion that rules which may fire depend on, and how high it could take each decision.</summary>
/// <param name="Criterion">The criterion to ask about.</param>
/// <param name="CouldRaise">Decision id to the highest level it could take that decision to, for decisions it could raise.</param>
/// <param name="Rules">The rules that may fire because it is unknown (directly or through facts).</param>
public sealed record MissingCriterion(Criterion Criterion, IReadOnlyDictionary<string, Level> CouldRaise, IReadOnlyList<string> Rules);
