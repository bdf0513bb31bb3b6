namespace Placement.Model;

/// <summary>Whether a higher value of a criterion means more clinical risk.</summary>
public enum RiskDirection
{
    /// <summary>The values are not ordered by risk (for example, which substance).</summary>
    None,

    /// <summary>A higher value (or true) means more risk.</summary>
    Increasing,

    /// <summary>A higher value (or true) means less risk (for example, overnight support).</summary>
    Decreasing,
}
