namespace Placement.Model;

/// <summary>What a rule does when it fires: raise a fact (<c>set</c>) or a decision (<c>require</c>) to at least a value.</summary>
/// <param name="Target">The fact or decision.</param>
/// <param name="Value">The value's ordinal in the target's domain.</param>
public sealed record RuleAction(Symbol Target, int Value)
{
    /// <summary>The value as a word (a level id for decisions).</summary>
    public string ValueText => Target.Domain.Format(Value);
}
