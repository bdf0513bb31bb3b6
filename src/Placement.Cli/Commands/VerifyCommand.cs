using Placement.Analysis;

namespace Placement.Cli.Commands;

/// <summary><c>placement verify</c>: proves or refutes that worse answers never lower a level.</summary>
internal static class VerifyCommand
{
    public const string Help = """
        Usage: placement verify [DIR]

        Proves, or refutes with a concrete counterexample assessment, that worsening any criterion
        along its declared risk order never lowers any decision: a higher rating or score, a less
        stable home, true instead of false for a risk flag (risk: increasing), or false instead of
        true for a protective one (risk: decreasing). Criteria with risk: none are not varied.

        Arguments:
          DIR                A rule file or folder. Default: the embedded default rule set.

        Exit codes: 0 proven, 1 refuted (counterexample printed), not proven, or usage error,
        3 invalid rule set.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, [], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        if (line.Error is not null || line.Positional.Count > 1)
        {
            stderr.WriteLine($"placement verify: {line.Error ?? "give at most one rule folder"}");
            return ExitCodes.Unexpected;
        }

        var rules = RuleSetOption.Load(line.Positional.Count == 1 ? line.Positional[0] : null, stderr);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        var result = SafetyVerifier.Verify(rules);
        stdout.WriteLine($"Verified criteria: {string.Join(", ", result.Verified)}");
        if (result.Skipped.Count > 0) stdout.WriteLine($"Not risk-ordered (risk: none), not varied: {string.Join(", ", result.Skipped)}");
        foreach (var c in result.Counterexamples)
        {
            stdout.WriteLine();
            stdout.WriteLine("COUNTEREXAMPLE: " + c.ToText());
        }

        foreach (var u in result.Unresolved) stdout.WriteLine("NOT PROVEN: " + u);
        stdout.WriteLine(result.Proven
            ? "PROVEN: worsening any risk-ordered criterion never lowers any decision."
            : "NOT PROVEN: the rule set can lower a decision when a criterion gets worse (see above).");
        return result.Proven ? ExitCodes.Success : ExitCodes.Unexpected;
    }
}
