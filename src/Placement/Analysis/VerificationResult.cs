namespace Placement.Analysis;

/// <summary>The outcome of <see cref="SafetyVerifier.Verify"/>.</summary>
/// <param name="Proven">
/// True when, on complete assessments, worsening any criterion along its risk order can never lower
/// any decision. It says nothing about changing the criteria in <paramref name="Skipped"/>; <see cref="Verdict"/> names them.
/// </param>
/// <param name="Verified">The criteria varied (those with risk increasing or decreasing).</param>
/// <param name="Skipped">
/// The criteria not varied because no risk order is declared for them (risk: none). Every one of their
/// values is tried as context, but nothing is proven about changing them.
/// </param>
/// <param name="Counterexamples">Concrete refutations, each a different smallest change, each once.</param>
/// <param name="Unresolved">Rules that could not be proven monotone where no counterexample was found; they need a review.</param>
public sealed record VerificationResult(
    bool Proven,
    IReadOnlyList<string> Verified,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<Counterexample> Counterexamples,
    IReadOnlyList<string> Unresolved)
{
    /// <summary>
    /// The verdict in one line. A proof names the criteria that were not varied beside it
    /// ("PROVEN for the criteria with a risk order; not varied: ..."), never a bare PROVEN.
    /// </summary>
    public string Verdict
    {
        get
        {
            if (!Proven)
            {
                return Counterexamples.Count > 0
                    ? $"NOT PROVEN: worsening a criterion can lower a decision ({Counterexamples.Count} counterexample(s) above)" +
                      (Unresolved.Count > 0 ? $", and {Unresolved.Count} rule problem(s) are unresolved." : ".")
                    : $"NOT PROVEN: no counterexample was found, but {Unresolved.Count} rule problem(s) could not be resolved (see above).";
            }

            return Skipped.Count == 0
                ? "PROVEN: worsening any criterion along its risk order never lowers any decision."
                : $"PROVEN for the criteria with a risk order; not varied: {string.Join(", ", Skipped)} (no risk declared). " +
                  "Worsening any criterion along its risk order never lowers any decision.";
        }
    }
}
