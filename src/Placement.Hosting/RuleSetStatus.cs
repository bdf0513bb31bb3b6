using Placement.Diagnostics;

namespace Placement.Hosting;

/// <summary>What one named rule set is serving now, and how its last reload went.</summary>
/// <param name="Name">The name the app addresses it with.</param>
/// <param name="Path">Its folder or file; null for the embedded default rule set.</param>
/// <param name="Watched">True when edits to its files are picked up.</param>
/// <param name="Current">The rule set serving now (see its id, version and sha256).</param>
/// <param name="LoadedAt">When <paramref name="Current"/> was loaded.</param>
/// <param name="LastReload">The last reload attempt, or null when there was none since the start.</param>
public sealed record RuleSetStatus(string Name, string? Path, bool Watched, RuleSet Current, DateTimeOffset LoadedAt, ReloadAttempt? LastReload)
{
    /// <summary>True unless the last reload failed (the previous rule set is still serving then).</summary>
    public bool IsHealthy => LastReload?.Succeeded != false;
}

/// <summary>One reload of a rule set's files.</summary>
/// <param name="At">When it finished.</param>
/// <param name="Succeeded">True when the files loaded with no error (the rule set was replaced, or was unchanged).</param>
/// <param name="Diagnostics">Every problem found, errors and warnings, each with file, line and column.</param>
public sealed record ReloadAttempt(DateTimeOffset At, bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The result of parsing an assessment and recommending on one rule set.</summary>
/// <param name="Recommendation">The recommendation, or null when the assessment was invalid.</param>
/// <param name="Diagnostics">Every problem with the assessment, each naming the criterion (never its value).</param>
public sealed record PlacementResult(Recommendation? Recommendation, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when a recommendation was made.</summary>
    public bool Success => Recommendation is not null;
}
