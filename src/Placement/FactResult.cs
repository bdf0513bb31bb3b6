using Placement.Model;

namespace Placement;

/// <summary>A derived fact's value for one assessment.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Floor">Its value from rules that fired (or its default).</param>
/// <param name="Ceiling">The highest value it could take once missing information is known.</param>
/// <param name="DerivedBy">The fired rules that set it to <paramref name="Floor"/>.</param>
public sealed record FactResult(Fact Fact, string Floor, string Ceiling, IReadOnlyList<string> DerivedBy)
{
    /// <summary>True when missing information could raise it.</summary>
    public bool IsProvisional => Floor != Ceiling;
}
