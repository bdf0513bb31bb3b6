using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>One level of a decision, such as intensive outpatient.</summary>
public sealed class Level
{
    internal Level(string id, string name, string? category, IReadOnlyDictionary<string, string> codes, string? description, int ordinal, SourceLocation location)
    {
        Location = location;
        Id = id;
        Name = name;
        Category = category;
        Codes = codes;
        Description = description;
        Ordinal = ordinal;
    }

    /// <summary>The level's id, such as <c>iop</c>.</summary>
    public string Id { get; }

    /// <summary>Its display name.</summary>
    public string Name { get; }

    /// <summary>outpatient, iop, php or inpatient, when declared.</summary>
    public string? Category { get; }

    /// <summary>Codes in other schemes, such as <c>asam3: "2.1"</c>.</summary>
    public IReadOnlyDictionary<string, string> Codes { get; }

    /// <summary>What the level is.</summary>
    public string? Description { get; }

    /// <summary>Its position in the decision, 0 for the least intensive.</summary>
    public int Ordinal { get; }

    /// <summary>Where the level is declared.</summary>
    public SourceLocation Location { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
