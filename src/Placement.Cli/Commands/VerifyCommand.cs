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
            Proves, or refutes with a concrete counterexample assessment, that on complete assessments
            worsening any criterion along its declared risk order never lowers any decision: a higher rating
            or score, a less stable home, true instead of false for a risk flag (risk: increasing), or false
            instead of true for a protective one (risk: decreasing). Criteria without a risk order are not
            varied: every one of their values is tried as context, nothing is proven about changing them, and
            the verdict names them. Each counterexample is printed once, as the smallest change found. A rule
            that cannot be decided (arithmetic between criteria over large ranges) is NOT PROVEN, never PROVEN.
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
        stdout.WriteLine($"Varied along their risk order: {Names(result.Verified)}");
        if (result.Skipped.Count > 0) stdout.WriteLine($"Not varied (no risk declared), every value tried as context: {Names(result.Skipped)}");
        foreach (var c in result.Counterexamples)
        {
            stdout.WriteLine();
            stdout.WriteLine("COUNTEREXAMPLE: " + c.ToText());
        }

        if (result.Unresolved.Count > 0) stdout.WriteLine();
        foreach (var u in result.Unresolved) stdout.WriteLine("UNRESOLVED: " + u);
        stdout.WriteLine();
        stdout.WriteLine(result.Verdict);
        return result.Proven ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static string Names(IReadOnlyList<string> ids) => ids.Count == 0 ? "(none)" : string.Join(", ", ids);
}
