namespace Placement.Diagnostics;

/// <summary>
/// A problem found in a user's file (a rule file or an assessment), with its position.
/// Formatted as <c>file:line:col: error CODE: message</c>.
/// </summary>
/// <param name="Code">A stable code such as <c>PL3002</c>; see docs/diagnostics.md.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, including any "did you mean" suggestion and the allowed values.</param>
/// <param name="File">The file's path or name as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Suggestion">The replacement a tool could offer, when there is one.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column,
    string? Suggestion = null)
{
    /// <summary>True when this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <inheritdoc />
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
