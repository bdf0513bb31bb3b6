using System.Text;

namespace Placement.Diagnostics;

/// <summary>
/// Collects diagnostics in the order they are found: at most <see cref="PlacementLimits.MaxDiagnostics"/>,
/// then one that says how many more were found. Control and bidirectional-formatting characters in
/// messages (which could come from an id in a user's file) are written as <c>\uXXXX</c>, so a
/// message cannot move a terminal's cursor, change its colours or reorder what is shown.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private int _leftOut;
    private Diagnostic? _firstLeftOut;

    public bool HasErrors { get; private set; }

    /// <summary>Every error found, those left out past the limit included: compare it before and after a step to know whether the step found one.</summary>
    public int ErrorCount { get; private set; }

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Error(string code, SourceLocation at, string message, string? suggestion = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, message, at.File, at.Line, at.Column, suggestion));

    public void Warning(string code, SourceLocation at, string message, string? suggestion = null) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, at.File, at.Line, at.Column, suggestion));

    public void Add(Diagnostic diagnostic)
    {
        HasErrors |= diagnostic.IsError;
        if (diagnostic.IsError) ErrorCount++;
        if (_items.Count >= PlacementLimits.MaxDiagnostics)
        {
            _firstLeftOut ??= diagnostic;
            _leftOut++;
            return;
        }

        _items.Add(Printable(diagnostic));
    }

    /// <summary>The diagnostics in the order found, then the count of any left out (<see cref="Sorted"/> without the sorting).</summary>
    public IReadOnlyList<Diagnostic> Reported() => _firstLeftOut is null ? _items : [.. _items, LeftOut(_firstLeftOut)];

    /// <summary>Diagnostics sorted by file, line and column, errors and warnings together; then the count of any left out.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        var sorted = _items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Line)
            .ThenBy(x => x.d.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d);
        return _firstLeftOut is { } first ? [.. sorted, LeftOut(first)] : sorted.ToArray();
    }

    private Diagnostic LeftOut(Diagnostic first) => Printable(new Diagnostic(DiagnosticCodes.LimitExceeded, HasErrors ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        $"{_leftOut} more problem(s) found and not shown, from here on; only the first {PlacementLimits.MaxDiagnostics} are reported",
        first.File, first.Line, first.Column));

    private static Diagnostic Printable(Diagnostic d)
    {
        var message = Escape(d.Message);
        var suggestion = d.Suggestion is null ? null : Escape(d.Suggestion);
        if (message.Length > PlacementLimits.MaxMessageLength)
        {
            message = string.Concat(message.AsSpan(0, PlacementLimits.MaxMessageLength), $"… (cut at {PlacementLimits.MaxMessageLength} characters)");
            suggestion = null;
        }

        if (suggestion?.Length > PlacementLimits.MaxMessageLength) suggestion = null;
        var file = Escape(d.File);
        return ReferenceEquals(message, d.Message) && ReferenceEquals(suggestion, d.Suggestion) && ReferenceEquals(file, d.File)
            ? d
            : d with { Message = message, Suggestion = suggestion, File = file };
    }

    /// <summary>The text with every control or bidirectional-formatting character written as <c>\uXXXX</c>; the same string when it has none.</summary>
    internal static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !MustEscape(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (MustEscape(c)) sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
