using System.Diagnostics.CodeAnalysis;
using Placement.Diagnostics;

namespace Placement;

/// <summary>The outcome of reading an assessment: the assessment, or the errors that stopped it.</summary>
/// <param name="Assessment">The assessment; null when there was any error.</param>
/// <param name="Diagnostics">Every problem found, in file order.</param>
public sealed record AssessmentParseResult(Assessment? Assessment, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the assessment is valid.</summary>
    [MemberNotNullWhen(true, nameof(Assessment))]
    public bool Success => Assessment is not null;

    /// <summary>
    /// The record key's value as raw JSON (a string with its quotes, or a number as written), when
    /// <c>TryParseJson</c> was given a record key and the object has one; null otherwise.
    /// </summary>
    public string? RecordKey { get; init; }
}
