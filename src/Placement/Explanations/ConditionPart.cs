namespace Placement.Explanations;

/// <summary>A part of a rule's condition with the values it saw.</summary>
/// <param name="Condition">The part as written in the rule, such as <c>ciwa_ar &gt;= 19</c>.</param>
/// <param name="Values">The values it read, such as <c>ciwa_ar = 12</c>.</param>
public sealed record ConditionPart(string Condition, IReadOnlyList<string> Values)
{
    /// <summary>The part in words with the declared labels, such as <c>CIWA-Ar score is at least 19</c>: what a clinician reads.</summary>
    public string Text { get; init; } = Condition;

    /// <summary>The values it read in words, such as <c>CIWA-Ar score: 12</c> or <c>Overnight support: no</c>.</summary>
    public IReadOnlyList<string> Readings { get; init; } = Values;
}
