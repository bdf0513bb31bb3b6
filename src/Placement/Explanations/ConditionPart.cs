namespace Placement.Explanations;

/// <summary>A part of a rule's condition with the values it saw.</summary>
/// <param name="Condition">The part as written in the rule, such as <c>ciwa_ar &gt;= 19</c>.</param>
/// <param name="Values">The values it read, such as <c>ciwa_ar = 12</c>.</param>
public sealed record ConditionPart(string Condition, IReadOnlyList<string> Values);
