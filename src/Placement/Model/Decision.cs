using Placement.Diagnostics;

namespace Placement.Model;

/// <summary>An outcome with ordered levels, least to most intensive; rules <c>require</c> levels of it.</summary>
public sealed class Decision : Symbol
{
    internal Decision(string id, string? label, string? description, IReadOnlyList<Level> levels, Level defaultLevel, SourceLocation location, int slot)
        : base(id, label, description, ValueDomain.Enum(id, levels.Select(l => l.Id).ToArray()), location, slot)
    {
        LevelArray = levels.ToArray();
        Default = defaultLevel;
    }

    /// <summary>The levels, least intensive first.</summary>
    public IReadOnlyList<Level> Levels => LevelArray;

    /// <summary>The levels as an array, for the hot path.</summary>
    internal Level[] LevelArray { get; }

    /// <summary>The level when no rule requires more.</summary>
    public Level Default { get; }
}
