namespace Placement.Engine;

/// <summary>A rule's outcome as the compiled program records it; the public <c>RuleOutcome</c> has the same values.</summary>
internal enum RuleOutcomeCode : byte
{
    /// <summary>The condition is false.</summary>
    NotFired = 0,

    /// <summary>The condition is unknown.</summary>
    MayFire = 1,

    /// <summary>The condition is true.</summary>
    Fired = 2,
}
