using Placement.Diagnostics;

namespace Placement.Yaml;

/// <summary>
/// Reads one mapping of a rule file against the properties the format allows there:
/// unknown properties and missing required ones are reported with positions.
/// </summary>
internal sealed class MappingReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    public MappingReader(YMapping mapping, string what, DiagnosticBag diagnostics, params string[] allowed)
    {
        Mapping = mapping;
        _what = what;
        _diagnostics = diagnostics;
        foreach (var entry in mapping.Entries)
        {
            if (Array.IndexOf(allowed, entry.Key.Value) >= 0) continue;
            var suggested = Suggestions.Find(entry.Key.Value, allowed);
            diagnostics.Error(DiagnosticCodes.UnknownProperty, entry.Key.Start,
                $"{what} has no property '{entry.Key.Value}'{suggested.DidYouMean}; allowed: {Suggestions.List(allowed)}",
                suggested.Best);
        }
    }

    public YMapping Mapping { get; }

    public YNode? Node(string key, bool required = false)
    {
        var node = Mapping[key];
        if (node is null && required)
        {
            _diagnostics.Error(DiagnosticCodes.MissingProperty, Mapping.Start, $"{_what} is missing '{key}'");
        }

        return node;
    }

    public YScalar? Scalar(string key, bool required = false) => As<YScalar>(Node(key, required), key, _diagnostics);

    public string? Text(string key, bool required = false)
    {
        var scalar = Scalar(key, required);
        if (scalar is null) return null;
        if (scalar.IsNull || scalar.Value.Trim().Length == 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.Start, $"'{key}' of {_what} is empty");
            return null;
        }

        return scalar.Value.Trim();
    }

    public YMapping? Map(string key, bool required = false) => As<YMapping>(Node(key, required), key, _diagnostics);

    public YSequence? Sequence(string key, bool required = false) => As<YSequence>(Node(key, required), key, _diagnostics);

    /// <summary>The node as <typeparamref name="T"/>, or a diagnostic saying what was expected.</summary>
    public static T? As<T>(YNode? node, string what, DiagnosticBag diagnostics)
        where T : YNode
    {
        if (node is null or T) return (T?)node;
        var expected = typeof(T) == typeof(YMapping) ? "a mapping" : typeof(T) == typeof(YSequence) ? "a list" : "a single value";
        diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Start, $"'{what}' must be {expected}, not {node.KindName}");
        return null;
    }
}
