using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>A value derived by rules (<c>set</c>), read by later rules.</summary>
public sealed class Fact : Symbol
{
    internal Fact(string id, string? label, string? description, ValueDomain domain, int defaultValue, SourceLocation location, int slot)
        : base(id, label, description, domain, location, slot)
    {
        DefaultValue = defaultValue;
    }

    /// <summary>The value when no rule sets it.</summary>
    public int DefaultValue { get; }

    /// <summary>The default value as a word.</summary>
    public string Default => Domain.Format(DefaultValue);
}
