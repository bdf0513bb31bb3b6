namespace Placement.Diagnostics;

/// <summary>A position in a user's file.</summary>
/// <param name="File">The file's path or name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
