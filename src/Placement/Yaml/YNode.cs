using Placement.Diagnostics;

namespace Placement.Yaml;

/// <summary>A YAML node that remembers where it came from.</summary>
internal abstract class YNode
{
    protected YNode(SourceText source, int startIndex, SourceLocation start)
    {
        Source = source;
        StartIndex = startIndex;
        Start = start;
    }

    public SourceText Source { get; }

    /// <summary>0-based character index of the node's first character.</summary>
    public int StartIndex { get; }

    public SourceLocation Start { get; }

    /// <summary>How the node is described in messages: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: a single value.</summary>
internal sealed class YScalar : YNode
{
    public YScalar(SourceText source, int startIndex, SourceLocation start, int endIndex, string value, YamlDotNet.Core.ScalarStyle style)
        : base(source, startIndex, start)
    {
        EndIndex = endIndex;
        Value = value;
        Style = style;
    }

    public int EndIndex { get; }

    public string Value { get; }

    public YamlDotNet.Core.ScalarStyle Style { get; }

    public bool IsPlain => Style == YamlDotNet.Core.ScalarStyle.Plain;

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => "a single value";

    /// <summary>
    /// The file position of the character at <paramref name="offset"/> in <see cref="Value"/>.
    /// Exact for single-line scalars; for folded or multi-line ones, the position of the same
    /// non-space character in the source.
    /// </summary>
    public SourceLocation LocationAt(int offset)
    {
        if (offset <= 0 && Style is YamlDotNet.Core.ScalarStyle.Plain) return Start;
        var text = Source.Text;
        var i = StartIndex;
        switch (Style)
        {
            case YamlDotNet.Core.ScalarStyle.SingleQuoted:
            case YamlDotNet.Core.ScalarStyle.DoubleQuoted:
                i++;
                break;
            case YamlDotNet.Core.ScalarStyle.Literal:
            case YamlDotNet.Core.ScalarStyle.Folded:
                var newline = text.IndexOf('\n', i);
                i = newline < 0 ? text.Length : newline + 1;
                break;
        }

        offset = Math.Clamp(offset, 0, Value.Length);
        for (var k = 0; k <= offset && k < Value.Length; k++)
        {
            var c = Value[k];
            if (char.IsWhiteSpace(c) && k < offset) continue;
            while (i < text.Length && i < EndIndex && text[i] != c) i++;
            if (k < offset) i++;
        }

        return Source.LocationOf(Math.Min(i, Math.Max(EndIndex, StartIndex)));
    }
}

/// <summary>A mapping, with its keys in file order.</summary>
internal sealed class YMapping : YNode
{
    public YMapping(SourceText source, int startIndex, SourceLocation start, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries)
        : base(source, startIndex, start)
    {
        Entries = entries;
    }

    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; }

    public override string KindName => "a mapping";

    public YNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key) return entry.Value;
            }

            return null;
        }
    }
}

/// <summary>A sequence (list).</summary>
internal sealed class YSequence : YNode
{
    public YSequence(SourceText source, int startIndex, SourceLocation start, IReadOnlyList<YNode> items)
        : base(source, startIndex, start)
    {
        Items = items;
    }

    public IReadOnlyList<YNode> Items { get; }

    public override string KindName => "a list";
}
