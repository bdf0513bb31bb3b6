using System.CommandLine;
using Placement.Analysis;

namespace Placement.Cli.Commands;

/// <summary><c>placement verify</c>: proves or refutes that worse answers never lower a level.</summary>
internal static class VerifyCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var command = new ToolCommand("verify", "Prove that worse answers never lower a level, or show a counterexample.", """
              0   proven
              1   refuted (a counterexample is printed) or not proven
              3   the rule set is invalid
            """, """
            Proves, or refutes with a concrete counterexample assessment, that worsening any criterion along
            its declared risk order never lowers any decision: a higher rating or score, a less stable home,
            true instead of false for a risk flag (risk: increasing), or false instead of true for a
            protective one (risk: decreasing). Criteria with risk: none are not varied.
            """)
        {
            rules,
        };
        command.SetAction(parse => Run(parse.GetValue(rules), io));
        return command;
    }

    private static int Run(string? rulesPath, Io io)
    {
        var stdout = io.Out;
        var rules = RuleSetOption.Load(rulesPath, io.Error);
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
        return result.Proven ? ExitCodes.Success : ExitCodes.Failed;
    }
}
