namespace Placement.Benchmarks;

/// <summary>
/// The rule sets the benchmarks run: the embedded default (2.0) and rule set 1.0, kept as a test
/// fixture in tests/fixtures/rules-1.0 for the benchmarks written against it.
/// </summary>
internal static class BenchmarkRules
{
    /// <summary>Rule set 1.0.0 from tests/fixtures/rules-1.0.</summary>
    public static RuleSet Rules10() => RuleSet.Load(Path.Combine(FindRepoRoot(), "tests", "fixtures", "rules-1.0"));

    /// <summary>One NDJSON line of benchmarks/batch/, without its line end.</summary>
    public static byte[] BatchCase(string name) =>
        File.ReadAllBytes(Path.Combine(FindRepoRoot(), "benchmarks", "batch", name)).AsSpan().TrimEnd("\r\n"u8).ToArray();

    // BenchmarkDotNet runs the benchmarks from a generated project under bin/, so the rules are
    // found by walking up to the folder holding Placement.sln.
    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Placement.sln not found above " + AppContext.BaseDirectory);
    }
}
