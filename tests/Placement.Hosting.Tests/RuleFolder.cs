namespace Placement.Hosting.Tests;

/// <summary>A temporary rule folder holding one small rule set whose threshold and version the test sets.</summary>
internal sealed class RuleFolder : IDisposable
{
    public RuleFolder(int threshold = 5, string id = "small")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "placement-hosting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Id = id;
        Write(threshold);
    }

    public string Path { get; }

    public string Id { get; }

    public string File => System.IO.Path.Combine(Path, "ruleset.yaml");

    /// <summary>A rule set whose version is 1.0.<paramref name="threshold"/> and whose rule R1 raises care to high at a score of at least <paramref name="threshold"/>.</summary>
    public static string Text(int threshold, string id = "small") => $$"""
        ruleset: { id: {{id}}, version: 1.0.{{threshold}} }
        decisions:
          care:
            default: low
            levels:
              - { id: low, name: Low }
              - { id: high, name: High }
        criteria:
          score: { type: integer, min: 0, max: 20, risk: increasing, label: Score }
          home: { type: enum, values: [stable, unsafe], risk: increasing, label: Home }
        rules:
          - { id: R1, title: High score, when: score >= {{threshold}}, require: { care: high }, because: "A score of {score}.", source: test }
          - { id: R2, title: Unsafe home, when: home >= unsafe, require: { care: high }, because: The home is unsafe., source: test }
        """;

    /// <summary>A rule file that does not load: a condition missing its right-hand side.</summary>
    public const string Broken = """
        ruleset: { id: small, version: 9.9.9 }
        decisions:
          care:
            default: low
            levels:
              - { id: low, name: Low }
              - { id: high, name: High }
        criteria:
          score: { type: integer, min: 0, max: 20, risk: increasing, label: Score }
        rules:
          - { id: R1, title: High score, when: score >=, require: { care: high }, because: x, source: test }
        """;

    public void Write(int threshold) => System.IO.File.WriteAllText(File, Text(threshold, Id));

    public void WriteBroken() => System.IO.File.WriteAllText(File, Broken);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned up by the system.
        }
    }
}
