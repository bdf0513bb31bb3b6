namespace Placement.Diagnostics;

/// <summary>Collects diagnostics in the order they are found.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public bool HasErrors { get; private set; }

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Error(string code, SourceLocation at, string message, string? suggestion = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, message, at.File, at.Line, at.Column, suggestion));

    public void Warning(string code, SourceLocation at, string message, string? suggestion = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, at.File, at.Line, at.Column, suggestion));

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Diagnostics sorted by file, line and column, errors and warnings together.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Line)
            .ThenBy(x => x.d.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToArray();
}
