namespace Placement.Model;

/// <summary>
/// The values a criterion, fact or decision can take. Every value is held as an ordered
/// integer: false/true as 0/1, enum words and levels by their position, integers as themselves.
/// </summary>
public sealed class ValueDomain
{
    private static readonly string[] BooleanWords = ["false", "true"];

    private ValueDomain(ValueKind kind, string name, IReadOnlyList<string> values, int min, int max)
    {
        Kind = kind;
        Name = name;
        Values = values;
        Min = min;
        Max = max;
    }

    /// <summary>The domain of booleans.</summary>
    public static ValueDomain Boolean { get; } = new(ValueKind.Boolean, "boolean", BooleanWords, 0, 1);

    /// <summary>Boolean, integer or enum.</summary>
    public ValueKind Kind { get; }

    /// <summary>The type's name: boolean, integer, enum, a named type such as rating, or a decision's id.</summary>
    public string Name { get; }

    /// <summary>The words of an enum in declared order (false, true for booleans; empty for integers).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The lowest value (0 for booleans and enums).</summary>
    public int Min { get; }

    /// <summary>The highest value.</summary>
    public int Max { get; }

    /// <summary>An integer domain from <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Integer is the rule language's name for the type.")]
    public static ValueDomain Integer(int min, int max) => new(ValueKind.Integer, "integer", Array.Empty<string>(), min, max);

    /// <summary>An enum domain of the given words, lowest first.</summary>
    public static ValueDomain Enum(string name, IReadOnlyList<string> values) => new(ValueKind.Enum, name, values, 0, values.Count - 1);

    /// <summary>The ordinal of a word of this domain, or -1.</summary>
    public int IndexOf(string word)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], word, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    /// <summary>A value as users write it: a word for enums and booleans, digits for integers.</summary>
    public string Format(int value) =>
        Kind == ValueKind.Integer ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Values[value];

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ValueKind.Integer => $"integer {Min}..{Max}",
        ValueKind.Boolean => "boolean",
        _ => $"{Name} [{string.Join(", ", Values)}]",
    };
}
