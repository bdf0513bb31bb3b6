namespace Placement.Explanations;

/// <summary>Explains a recommendation: the last step of the pipeline, downstream of <see cref="Recommendation"/>.</summary>
public static class RecommendationExplanation
{
    /// <summary>The explanation: reasons with values, why not higher, facts, what is missing, notes.</summary>
    public static Explanation Explain(this Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return new Explanation(recommendation);
    }
}
