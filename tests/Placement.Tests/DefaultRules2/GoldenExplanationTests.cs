using Placement.Explanations;

namespace Placement.Tests.DefaultRules2;

/// <summary>
/// The explanation a clinician reads for every example of the default rule set, as text and
/// Markdown: golden files in tests/Placement.Tests/DefaultRules2/golden, reviewed like code (the
/// sha256 is masked). Set PLACEMENT_UPDATE_GOLDEN=1 to rewrite them after an intended change, and
/// read the diff as a clinician would.
/// </summary>
public sealed class GoldenExplanationTests
{
    public static TheoryData<string> Examples => new(
        Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "rules", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ExplanationMatchesItsReviewedGoldenFiles(string example)
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", example));
        var rec = rules.Recommend(Assessment.Parse(text, rules, example));
        var dir = Path.Combine(TestSupport.RepoRoot, "tests", "Placement.Tests", "DefaultRules2", "golden");
        foreach (var (ext, actual) in new[] { ("txt", rec.Explain().ToText()), ("md", rec.Explain().ToMarkdown()) })
        {
            var masked = actual.Replace(rec.RuleSet.Sha256, "<sha256>", StringComparison.Ordinal);
            var path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(example)}.{ext}");
            if (Environment.GetEnvironmentVariable("PLACEMENT_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(path, masked);
            }

            masked.Should().Be(File.ReadAllText(path), $"{path} is the reviewed output; rerun with PLACEMENT_UPDATE_GOLDEN=1 after an intended change");
        }
    }
}
