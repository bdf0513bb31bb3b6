using System.Globalization;
using Placement.Explanations;
using Placement.Testing;

namespace Placement.Cli.Commands;

/// <summary><c>placement test</c>: runs the rule tests (<c>*.tests.yaml</c>) beside a rule set.</summary>
internal static class TestCommand
{
    public const string Help = """
        Usage: placement test [DIR] [--coverage] [--threshold PERCENT]

        Runs every case in the *.tests.yaml files in DIR against the rule set in DIR. Prints each
        failure with the case's file:line:col, what differed (expected and actual) and the
        explanation, then a closing line 'N passed, N failed'.

        A test file has an optional 'base' assessment merged under every case, and 'tests': a list of
        cases, each with 'name', 'assessment' (null makes a criterion unknown) and 'expect':
          status: recommended | provisional
          levels: { <decision>: <level> }       ceilings: { <decision>: <level> }
          facts: { <fact>: <value> }
          fired: [rule ids]   not_fired: [rule ids]   may_fire: [rule ids]
          missing: [criterion ids]               (exactly these)
          explanation_contains: [texts]

        Arguments:
          DIR                  The rule folder. Default: the current folder.

        Options:
          --coverage           Report, per rule, whether a case made it fire and a case made it not
                               fire, and per decision level whether a case reached it.
          --threshold PERCENT  With --coverage: fail when coverage is below PERCENT (0-100).
          -h, --help           Show this help.

        Exit codes: 0 all passed (and coverage met), 1 failures, coverage below the threshold or a
        usage error, 3 the rule set or a test file is invalid.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--threshold"], ["--coverage"]);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        double? threshold = null;
        if (line.Option("--threshold") is { } t)
        {
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p < 0 || p > 100)
            {
                stderr.WriteLine("placement test: --threshold takes a percentage from 0 to 100");
                return ExitCodes.Unexpected;
            }

            threshold = p;
        }

        if (line.Error is not null || line.Positional.Count > 1)
        {
            stderr.WriteLine($"placement test: {line.Error ?? "give at most one rule folder"}");
            return ExitCodes.Unexpected;
        }

        var dir = line.Positional.Count == 1 ? line.Positional[0] : ".";
        var loaded = RuleSet.TryLoad(dir);
        foreach (var d in loaded.Diagnostics) stderr.WriteLine(d);
        if (!loaded.Success) return ExitCodes.InvalidRuleSet;
        if (!Directory.Exists(dir))
        {
            stderr.WriteLine($"placement test: '{dir}' is not a folder; test files are found beside the rules");
            return ExitCodes.Unexpected;
        }

        var files = RuleTests.FindTestFiles(dir);
        var run = RuleTests.Run(loaded.RuleSet, files);
        foreach (var d in run.Diagnostics) stderr.WriteLine(d);

        foreach (var result in run.Results.Where(r => !r.Passed))
        {
            stdout.WriteLine($"{result.Location}: FAIL {result.Name}");
            foreach (var failure in result.Failures) stdout.WriteLine($"    {failure}");
            stdout.WriteLine("    --- explanation ---");
            foreach (var l in result.Recommendation.Explain().ToText().TrimEnd().Split('\n')) stdout.WriteLine("    " + l);
            stdout.WriteLine();
        }

        var coverageMet = true;
        if (line.Flag("--coverage"))
        {
            WriteCoverage(run.Coverage, stdout);
            if (threshold is { } min && run.Coverage.Percent < min)
            {
                stdout.WriteLine($"coverage {run.Coverage.Percent.ToString("F1", CultureInfo.InvariantCulture)}% is below the threshold of {min.ToString(CultureInfo.InvariantCulture)}%");
                coverageMet = false;
            }
        }

        if (files.Count == 0) stdout.WriteLine($"no test files (*.tests.yaml) in {dir}");
        stdout.WriteLine($"{run.Passed} passed, {run.Failed} failed");
        if (run.Diagnostics.Any(d => d.IsError)) return ExitCodes.InvalidRuleSet;
        return run.Failed == 0 && coverageMet ? ExitCodes.Success : ExitCodes.Unexpected;
    }

    private static void WriteCoverage(RuleCoverage coverage, TextWriter stdout)
    {
        stdout.WriteLine("Rule coverage (fired / not fired):");
        foreach (var r in coverage.Rules)
        {
            stdout.WriteLine($"  {r.Rule,-12} {(r.Fired ? "fired" : "NEVER FIRED"),-12} {(r.NotFired ? "not fired" : "ALWAYS FIRED")}");
        }

        stdout.WriteLine("Level coverage:");
        foreach (var group in coverage.Levels.GroupBy(l => l.Decision))
        {
            stdout.WriteLine($"  {group.Key}: " + string.Join(", ", group.Select(l => l.Reached ? l.Level : $"{l.Level} (NOT REACHED)")));
        }

        stdout.WriteLine($"Coverage: {coverage.Covered}/{coverage.Total} ({coverage.Percent.ToString("F1", CultureInfo.InvariantCulture)}%)");
    }
}
