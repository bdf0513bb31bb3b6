using Placement.Model;

namespace Placement.Explanations;

/// <summary>A rule that would have required a more intensive level, and the parts of its condition that were false.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Requires">The level it would have required.</param>
/// <param name="Parts">The parts of its condition that were false (or, for rules that may fire, still unknown), with the values seen.</param>
public sealed record BlockedRule(string Rule, string? Title, Level Requires, IReadOnlyList<ConditionPart> Parts);
