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

    internal Criterion(string id, string? label, string? description, ValueDomain domain, RiskDirection risk, SourceLocation location, int slot, bool isRequired, string? requiredWhen, int? ask)
        : this(id, label, description, domain, risk, location, slot)
    {
        IsRequired = isRequired;
        RequiredWhen = requiredWhen;
        Ask = ask;
    }

    /// <summary>Whether a higher value means more risk.</summary>
    public RiskDirection Risk { get; }

    /// <summary>
    /// True when the criterion is always required (<c>required: true</c>): while it is unknown the
    /// recommendation's status is <c>insufficient</c>.
    /// </summary>
    public bool IsRequired { get; }

    /// <summary>
    /// The condition under which the criterion is required (<c>required: &lt;condition&gt;</c>), as
    /// written; it is required when the condition is true or still unknown. Null when it is not
    /// conditionally required.
    /// </summary>
    public string? RequiredWhen { get; }

    /// <summary>The tier in which to ask for it (<c>ask: 1</c> first); null when not declared (asked after every tier).</summary>
    public int? Ask { get; }
}
