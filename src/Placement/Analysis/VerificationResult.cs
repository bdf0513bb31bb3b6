namespace Placement.Analysis;

/// <summary>The outcome of <see cref="SafetyVerifier.Verify"/>.</summary>
/// <param name="Proven">True when worsening any risk-ordered criterion can never lower any decision.</param>
/// <param name="Verified">The criteria checked (those with risk increasing or decreasing).</param>
/// <param name="Skipped">The criteria not checked because their values are not ordered by risk (risk: none).</param>
/// <param name="Counterexamples">Concrete refutations, at most one per rule and criterion.</param>
/// <param name="Unresolved">Rules that are not monotone where no counterexample was found; they need a review.</param>
public sealed record VerificationResult(
    bool Proven,
    IReadOnlyList<string> Verified,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<Counterexample> Counterexamples,
    IReadOnlyList<string> Unresolved);
