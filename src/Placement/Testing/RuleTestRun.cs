using Placement.Diagnostics;

namespace Placement.Testing;

/// <summary>The outcome of running rule test files.</summary>
/// <param name="Results">One result per case, in file order.</param>
/// <param name="Diagnostics">Problems in the test files themselves; cases with problems are not run.</param>
/// <param name="Coverage">What the cases exercised.</param>
public sealed record RuleTestRun(IReadOnlyList<RuleTestResult> Results, IReadOnlyList<Diagnostic> Diagnostics, RuleCoverage Coverage)
{
    /// <summary>Cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Cases that failed.</summary>
    public int Failed => Results.Count(r => !r.Passed);

    /// <summary>True when the test files were valid and every case passed.</summary>
    public bool Success => Failed == 0 && !Diagnostics.Any(d => d.IsError);
}
