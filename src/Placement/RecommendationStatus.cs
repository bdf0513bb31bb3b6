namespace Placement;

/// <summary>Whether the levels are decided, and if not, why not.</summary>
public enum RecommendationStatus
{
    /// <summary>Every decision is determined: whatever the unknown answers are, the levels are these.</summary>
    Recommended,

    /// <summary>
    /// Some decision (or fact marked <c>output</c>) is not determined yet: it lies between its floor and
    /// its ceiling until more answers are known. Every required answer was given.
    /// <see cref="Recommendation.Missing"/> says what to ask first.
    /// </summary>
    Provisional,

    /// <summary>
    /// A required answer is unknown (<c>required: true</c>, or a <c>required</c> condition that is true
    /// or unknown): ask it before relying on any level. Floors and ceilings are still reported.
    /// </summary>
    Insufficient,
}
