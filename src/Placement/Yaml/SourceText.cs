using Placement.Diagnostics;

namespace Placement.Yaml;

/// <summary>A user's file: its name as shown in diagnostics and its text.</summary>
internal sealed class SourceText
{
    private int[]? _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The 1-based line and column of a 0-based character index.</summary>
    public SourceLocation LocationOf(int index)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0) line = ~line - 1;
        return new SourceLocation(Path, line + 1, index - _lineStarts[line] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}
