using Placement.Diagnostics;

namespace Placement;

/// <summary>Thrown by <see cref="Assessment.Parse"/> for an invalid assessment. Messages name criteria, never values.</summary>
public sealed class AssessmentException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public AssessmentException(IReadOnlyList<Diagnostic> diagnostics)
        : base($"the assessment is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
