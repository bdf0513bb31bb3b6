using Placement.Model;

namespace Placement;

/// <summary>A derived fact's value for one assessment.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Floor">Its value from rules that fired (or its default).</param>
/// <param name="Ceiling">The highest value it could take once missing information is known.</param>
/// <param name="Because">The fired rules that set it to <paramref name="Floor"/>, with their reasons.</param>
public sealed record FactResult(Fact Fact, string Floor, string Ceiling, IReadOnlyList<Reason> Because)
{
    /// <summary>True when floor and ceiling agree: the value is decided.</summary>
    public bool IsDetermined => Floor == Ceiling;

    /// <summary>
    /// Fired rules that set it to a lower value than <see cref="Floor"/>, in declaration order: findings
    /// the higher one outweighs but a clinician still wants to see (with several substances, how each
    /// withdrawal was judged).
    /// </summary>
    public IReadOnlyList<Reason> AlsoFound { get; init; } = [];

    /// <summary>The ids of the rules that set it to <see cref="Floor"/>.</summary>
    public IReadOnlyList<string> DerivedBy => Because.Select(r => r.Rule).ToArray();
}
