using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>Something a condition can read: a criterion, a derived fact or a decision.</summary>
public abstract class Symbol
{
    private protected Symbol(string id, string? label, string? description, ValueDomain domain, SourceLocation location, int slot)
    {
        Id = id;
        Label = label ?? id;
        Description = description;
        Domain = domain;
        Location = location;
        Slot = slot;
    }

    /// <summary>The id used in conditions, assessments and output.</summary>
    public string Id { get; }

    /// <summary>A short human name (the id when none was declared).</summary>
    public string Label { get; }

    /// <summary>What it means, for readers of the rules and the explanation.</summary>
    public string? Description { get; }

    /// <summary>The values it can take.</summary>
    public ValueDomain Domain { get; }

    /// <summary>Where it was declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>Its index in the evaluation state.</summary>
    internal int Slot { get; }
}
