namespace Placement;

/// <summary>Whether missing information could still change the recommendation.</summary>
public enum RecommendationStatus
{
    /// <summary>Every rule that matters could be decided: the levels are final.</summary>
    Recommended,

    /// <summary>
    /// Some rules depend on missing information; the levels are floors and could rise to their
    /// ceilings. <see cref="Recommendation.Missing"/> says what to ask.
    /// </summary>
    Provisional,
}
