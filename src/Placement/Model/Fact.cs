using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>A value derived by rules (<c>set</c>), read by later rules.</summary>
public sealed class Fact : Symbol
{
    internal Fact(string id, string? label, string? description, ValueDomain domain, int defaultValue, bool isOutput, SourceLocation location, int slot)
        : base(id, label, description, domain, location, slot)
    {
        DefaultValue = defaultValue;
        IsOutput = isOutput;
    }

    /// <summary>
    /// True for a fact reported with the recommendation rather than read by rules (<c>output: true</c>);
    /// <c>placement check</c> does not warn that no rule reads it.
    /// </summary>
    public bool IsOutput { get; }

    /// <summary>The value when no rule sets it.</summary>
    public int DefaultValue { get; }

    /// <summary>The default value as a word.</summary>
    public string Default => Domain.Format(DefaultValue);
}
