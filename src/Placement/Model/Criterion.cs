using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>An input of the assessment, such as a score or a rating.</summary>
public sealed class Criterion : Symbol
{
    internal Criterion(string id, string? label, string? description, ValueDomain domain, RiskDirection risk, SourceLocation location, int slot)
        : base(id, label, description, domain, location, slot)
    {
        Risk = risk;
    }

    /// <summary>Whether a higher value means more risk.</summary>
    public RiskDirection Risk { get; }
}
