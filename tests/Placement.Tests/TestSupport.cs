using System.Text;

namespace Placement.Tests;

/// <summary>
/// Shared helpers: the repository root, rule set 1.0 (the test fixture the engine tests are written
/// against), assessments from overrides.
/// </summary>
internal static class TestSupport
{
    private static readonly Lazy<RuleSet> Rules10 = new(() => RuleSet.Load(Rules10Folder));

    /// <summary>
    /// Rule set 1.0.0, kept as a test fixture in tests/fixtures/rules-1.0 since 2.0.0 became the
    /// embedded default; the engine tests and <see cref="Baseline"/> are written against it.
    /// </summary>
    public static RuleSet Rules => Rules10.Value;

    /// <summary>The folder of rule set 1.0 (tests/fixtures/rules-1.0).</summary>
    public static string Rules10Folder => Path.Combine(RepoRoot, "tests", "fixtures", "rules-1.0");

    /// <summary>The example assessments of rule set 1.0 (tests/fixtures/rules-1.0/examples).</summary>
    public static string Rules10Examples => Path.Combine(Rules10Folder, "examples");

    /// <summary>The repository root (the folder holding Placement.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Placement.sln not found above the test binaries");
        }
    }

    /// <summary>
    /// A complete assessment with no risk anywhere (no dependence, all ratings none or low, stable
    /// home, overnight support), so a test changes only what its rule reads.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Baseline = new Dictionary<string, string>
    {
        ["withdrawal_substance"] = "none",
        ["ciwa_ar"] = "0",
        ["cows"] = "0",
        ["pawss"] = "0",
        ["withdrawal_complicated"] = "false",
        ["history_withdrawal_seizure_or_dt"] = "false",
        ["biomedical_risk"] = "low",
        ["pregnant"] = "false",
        ["psychiatric_risk"] = "low",
        ["harm_risk"] = "none",
        ["readiness_risk"] = "low",
        ["relapse_risk"] = "low",
        ["failed_lower_level"] = "false",
        ["home_stability"] = "stable",
        ["night_support"] = "true",
        ["step_down_from"] = "none",
    };

    /// <summary>
    /// The baseline with changes written as "key=value, key=value"; "key=?" removes the key
    /// (unknown).
    /// </summary>
    public static string Yaml(string changes, IReadOnlyDictionary<string, string>? baseline = null)
    {
        var values = new Dictionary<string, string>(baseline ?? Baseline);
        foreach (var pair in changes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts[1] == "?") values.Remove(parts[0]);
            else values[parts[0]] = parts[1];
        }

        var sb = new StringBuilder();
        foreach (var (k, v) in values) sb.Append(k).Append(": ").Append(v).Append('\n');
        return sb.ToString();
    }

    public static Recommendation Recommend(string changes, RuleSet? rules = null)
    {
        rules ??= Rules;
        return rules.Recommend(Assessment.Parse(Yaml(changes), rules));
    }

    /// <summary>A rule set from one in-memory file.</summary>
    public static RuleSetLoadResult Load(string yaml, string name = "test.yaml") =>
        RuleSet.TryLoad([new RuleSource(name, yaml)]);

    /// <summary>A small valid rule-set header and declarations to build test rule sets on.</summary>
    public const string MiniHeader = """
        ruleset: { id: mini, version: 1.0.0 }
        types:
          rating: { values: [none, low, moderate, high, severe] }
        decisions:
          care:
            default: low
            levels:
              - { id: low, name: Low }
              - { id: middle, name: Middle }
              - { id: high, name: High }
        criteria:
          score: { type: integer, min: 0, max: 10 }
          flag: { type: boolean }
          risk: { type: rating }
          home: { type: enum, values: [stable, unstable, unsafe] }
        facts:
          severity: { type: enum, values: [none, mild, severe], default: none }
          alarm: { type: boolean }
        """;

    /// <summary>
    /// <see cref="MiniHeader"/> with a set criterion, <c>subs</c>, declared first (lines 1-19; rules start at line 21).
    /// </summary>
    public static readonly string SetsHeader = MiniHeader.Replace(
        "criteria:\n",
        "criteria:\n  subs: { type: set, values: [alcohol, opioid, sedative, stimulant], risk: increasing, label: Substances in withdrawal }\n",
        StringComparison.Ordinal);
}
