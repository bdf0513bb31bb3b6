namespace Placement;

/// <summary>The text of one rule file, for loading a rule set from memory.</summary>
/// <param name="Name">The name used in diagnostics, such as <c>rules/withdrawal.yaml</c>.</param>
/// <param name="Text">The YAML text.</param>
public sealed record RuleSource(string Name, string Text);
