namespace Placement;

/// <summary>Why a level was chosen: a rule that fired, its reason with the values filled in, and its source.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Text">The rule's <c>because</c> with the assessment's values.</param>
/// <param name="Source">The guideline it comes from.</param>
public sealed record Reason(string Rule, string? Title, string Text, string? Source);
