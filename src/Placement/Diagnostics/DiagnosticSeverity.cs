namespace Placement.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something to look at; the rule set still loads.</summary>
    Warning,

    /// <summary>A problem that stops the rule set (or assessment) from loading.</summary>
    Error,
}
