namespace Placement.Explanations;

/// <summary>How one rule's condition was evaluated for one assessment, part by part.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Outcome">Fired, may fire or not fired.</param>
/// <param name="Condition">The root of the condition, with its parts.</param>
/// <param name="Actions">What the rule sets or requires, as "target >= value".</param>
public sealed record RuleTrace(string Rule, string? Title, RuleOutcome Outcome, RuleTrace.Part Condition, IReadOnlyList<string> Actions)
{
    /// <summary>A part of the condition with its verdict.</summary>
    /// <param name="Text">The part as written.</param>
    /// <param name="Verdict">true, false or unknown.</param>
    /// <param name="Values">The values it read, such as <c>ciwa_ar = 12</c>.</param>
    /// <param name="Parts">Its sub-parts (the operands of and, or, not and count).</param>
    public sealed record Part(string Text, string Verdict, IReadOnlyList<string> Values, IReadOnlyList<Part> Parts);

    /// <summary>The trace as indented text.</summary>
    public string ToText()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("Rule ").Append(Rule);
        if (Title is not null) sb.Append(": ").Append(Title);
        sb.AppendLine();
        sb.Append("Outcome: ").AppendLine(Outcome switch
        {
            RuleOutcome.Fired => "fired",
            RuleOutcome.MayFire => "may fire (depends on missing information)",
            _ => "did not fire",
        });
        if (Actions.Count > 0) sb.Append("Action: ").AppendLine(string.Join(", ", Actions));
        sb.AppendLine("Condition:");
        Write(sb, Condition, 1);
        return sb.ToString();
    }

    private static void Write(System.Text.StringBuilder sb, Part part, int depth)
    {
        sb.Append(' ', depth * 2).Append('[').Append(part.Verdict).Append("] ").Append(part.Text);
        if (part.Parts.Count == 0 && part.Values.Count > 0) sb.Append("   (").Append(string.Join(", ", part.Values)).Append(')');
        sb.AppendLine();
        foreach (var child in part.Parts) Write(sb, child, depth + 1);
    }
}
