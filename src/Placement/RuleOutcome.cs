namespace Placement;

/// <summary>What happened to one rule for one assessment.</summary>
public enum RuleOutcome
{
    /// <summary>Its condition was false.</summary>
    NotFired,

    /// <summary>Its condition depends on missing information: it could fire once that is known.</summary>
    MayFire,

    /// <summary>Its condition was true.</summary>
    Fired,
}
