using System.CommandLine;
using System.Globalization;
using Placement.Explanations;
using Placement.Testing;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>placement test</c>: runs the rule tests (<c>*.tests.yaml</c>) beside a rule set, or, without
/// <c>--rules</c>, the default rule set's tests, which ship with the tool.
/// </summary>
internal static class TestCommand
{
    private const string EmbeddedPrefix = "Placement.Cli.DefaultTests.";

    public static Command Create(Option<string?> rules, Io io)
    {
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Report per rule whether a case made it fire and one made it not fire, and per level whether a case reached it.",
        };
        var threshold = CliOptions.Percentage("--threshold", "Fail when coverage is below PERCENT (0-100). Turns on --coverage.");
        var command = new ToolCommand("test", "Run the rule tests (*.tests.yaml) beside a rule set.", """
              0   every case passed (and coverage met the threshold)
              1   a case failed, coverage is below the threshold, or there were no test cases
              3   the rule set or a test file is invalid
            """, """
            With --rules FOLDER, runs every case in the *.tests.yaml files in FOLDER against the rule set
            there. Without --rules, runs the default rule set's tests (rules/default.tests.yaml, shipped
            with the tool) against the embedded rules. Prints each failure with its file:line:col, what
            differed and the explanation, then 'N passed, N failed'. No test cases at all is a failure.

            A test file has an optional 'base' assessment merged under every case, and 'tests': a list of
            cases, each with 'name', 'assessment' (null makes a criterion unknown) and 'expect':
              status: recommended | provisional | insufficient
              levels: { <decision>: <level> }       (decided levels; fails while only a range is known)
              floors: { <decision>: <level> }       ceilings: { <decision>: <level> }
              facts: { <fact>: <value> }
              fired: [rule ids]   not_fired: [rule ids]   may_fire: [rule ids]
              missing: [criterion ids]               (exactly these)
              flags: [rule ids]                     (exactly these rules' review flags)
              explanation_contains: [texts]
            """)
        {
            rules, coverage, threshold,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(threshold) is not null && result.GetResult(coverage) is not null && !result.GetValue(coverage))
            {
                result.AddError("--threshold measures coverage; leave out --coverage=false");
            }
        });
        command.SetAction(parse =>
            Run(parse.GetValue(rules), parse.GetValue(coverage) || parse.GetValue(threshold) is not null, parse.GetValue(threshold), io));
        return command;
    }

    private static int Run(string? rulesPath, bool coverage, double? threshold, Io io)
    {
        var (stdout, stderr) = (io.Out, io.Error);
        var loaded = RuleSetOption.TryLoad(rulesPath);
        foreach (var d in loaded.Diagnostics) stderr.WriteLine(d);
        if (!loaded.Success) return ExitCodes.InvalidRuleSet;

        IReadOnlyList<RuleSource> files;
        if (rulesPath is null)
        {
            files = EmbeddedTests();
        }
        else if (Directory.Exists(rulesPath))
        {
            try
            {
                files = RuleTests.FindTestFiles(rulesPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(new Placement.Diagnostics.Diagnostic(Placement.Diagnostics.DiagnosticCodes.FileNotReadable, Placement.Diagnostics.DiagnosticSeverity.Error,
                    "a rule test file cannot be read: " + ex.GetType().Name, rulesPath, 1, 1));
                return ExitCodes.InvalidRuleSet;
            }
        }
        else
        {
            stderr.WriteLine($"placement test: --rules {rulesPath} is a file; give the folder: test files (*.tests.yaml) are found beside the rules");
            return ExitCodes.Usage;
        }

        var where = rulesPath is null ? "beside the embedded default rules" : $"in {rulesPath}";
        stdout.WriteLine(files.Count == 0
            ? $"Test files: none (*.tests.yaml) {where}"
            : $"Test files: {string.Join(", ", files.Select(f => f.Name))}{(rulesPath is null ? " (the default rule set's tests, shipped with the tool)" : "")}");
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
        if (coverage)
        {
            WriteCoverage(run.Coverage, stdout);
            if (threshold is { } min && run.Coverage.Percent < min)
            {
                stdout.WriteLine($"coverage {run.Coverage.Percent.ToString("F1", CultureInfo.InvariantCulture)}% is below the threshold of {min.ToString(CultureInfo.InvariantCulture)}%");
                coverageMet = false;
            }
        }

        if (run.Results.Count == 0) stdout.WriteLine($"no test cases {where}: nothing was tested");
        stdout.WriteLine($"{run.Passed} passed, {run.Failed} failed");
        if (run.Diagnostics.Any(d => d.IsError)) return ExitCodes.InvalidRuleSet;
        return run.Failed == 0 && run.Results.Count > 0 && coverageMet ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The default rule set's tests, embedded in the tool, named as in the repository.</summary>
    private static IReadOnlyList<RuleSource> EmbeddedTests()
    {
        var assembly = typeof(TestCommand).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new RuleSource("rules/" + n[EmbeddedPrefix.Length..], reader.ReadToEnd());
            })
            .ToArray();
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
