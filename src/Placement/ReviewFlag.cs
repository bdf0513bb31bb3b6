namespace Placement;

/// <summary>
/// Something a clinician must review before acting on the recommendation: a rule's <c>flag</c>
/// with the assessment's values filled in.
/// </summary>
/// <param name="Rule">The id of the rule that raised it.</param>
/// <param name="Text">The rule's <c>flag</c> text with the values filled in.</param>
public sealed record ReviewFlag(string Rule, string Text);
