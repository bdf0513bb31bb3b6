namespace Placement.Model;

/// <summary>
/// The values a criterion, fact or decision can take. Every value is held as an ordered
/// integer: false/true as 0/1, enum words and levels by their position, integers as themselves,
/// and a set as the bit mask of the words chosen (bit i for <see cref="Values"/>[i]).
/// </summary>
public sealed class ValueDomain
{
    private static readonly string[] BooleanWords = ["false", "true"];

    private ValueDomain(ValueKind kind, string name, IReadOnlyList<string> values, int min, int max, IReadOnlyList<string>? labels = null)
    {
        Kind = kind;
        Name = name;
        Values = values;
        Min = min;
        Max = max;
        Labels = labels ?? values.Select(v => v.Replace('_', ' ')).ToArray();
    }

    /// <summary>The most words a set can have: its value, a bit mask, is one <see cref="int"/> below the unknown marker, and analysis enumerates it.</summary>
    internal const int MaxSetValues = PlacementLimits.MaxSetValues;

    /// <summary>The domain of booleans.</summary>
    public static ValueDomain Boolean { get; } = new(ValueKind.Boolean, "boolean", BooleanWords, 0, 1);

    /// <summary>Boolean, integer, enum or set.</summary>
    public ValueKind Kind { get; }

    /// <summary>The type's name: boolean, integer, enum, a named type such as rating, or a decision's id.</summary>
    public string Name { get; }

    /// <summary>The words of an enum or set in declared order (false, true for booleans; empty for integers).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// How each word of an enum or set is shown to clinicians, in the order of <see cref="Values"/>:
    /// its declared <c>labels</c> entry, else the word with spaces for underscores ("yes"/"no" are
    /// not used here: booleans show as false and true).
    /// </summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The words for reference documents: each word, followed by its label in parentheses when one was declared.</summary>
    internal IEnumerable<string> WordsWithLabels() =>
        Values.Select((v, i) => Labels[i] == v.Replace('_', ' ') ? v : $"{v} ({Labels[i]})");

    /// <summary>A copy with declared labels, by the index of each word.</summary>
    internal ValueDomain WithLabels(IReadOnlyList<string> labels) => new(Kind, Name, Values, Min, Max, labels);

    /// <summary>The lowest value (0 for booleans, enums and sets: the empty set).</summary>
    public int Min { get; }

    /// <summary>The highest value (for a set, the mask of every word).</summary>
    public int Max { get; }

    /// <summary>An integer domain from <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Integer is the rule language's name for the type.")]
    public static ValueDomain Integer(int min, int max) => new(ValueKind.Integer, "integer", Array.Empty<string>(), min, max);

    /// <summary>An enum domain of the given words, lowest first.</summary>
    public static ValueDomain Enum(string name, IReadOnlyList<string> values) => new(ValueKind.Enum, name, values, 0, values.Count - 1);

    /// <summary>A set domain: any number of the given words, at most <see cref="MaxSetValues"/>.</summary>
    internal static ValueDomain Set(string name, IReadOnlyList<string> values) => new(ValueKind.Set, name, values, 0, (1 << values.Count) - 1);

    /// <summary>The ordinal of a word of this domain, or -1.</summary>
    public int IndexOf(string word)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], word, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    /// <summary>A value as users write it: a word for enums and booleans, digits for integers, <c>[a, b]</c> for sets.</summary>
    public string Format(int value) => Kind switch
    {
        ValueKind.Integer => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ValueKind.Set => "[" + string.Join(", ", Values.Where((_, i) => (value & (1 << i)) != 0)) + "]",
        _ => Values[value],
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ValueKind.Integer => $"integer {Min}..{Max}",
        ValueKind.Boolean => "boolean",
        ValueKind.Set => $"set of {Name} [{string.Join(", ", Values)}]",
        _ => $"{Name} [{string.Join(", ", Values)}]",
    };
}
