using Placement.Diagnostics;

namespace Placement.Testing;

/// <summary>The outcome of one rule test case.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Location">Where the case is in its test file.</param>
/// <param name="Failures">What differed from the expectations, one line each; empty when it passed.</param>
/// <param name="Recommendation">The recommendation the case produced.</param>
public sealed record RuleTestResult(string Name, SourceLocation Location, IReadOnlyList<string> Failures, Recommendation Recommendation)
{
    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}
