using System.Text.RegularExpressions;
using Placement.Documentation;

namespace Placement.Tests.Documentation;

/// <summary>
/// The clinical documentation of rule set 2.0 (rules/v2, not yet the embedded default) keeps up
/// with its rules: the generated sign-off document is what <see cref="RuleSetDocument"/> renders
/// for rules/v2 today, and the hand-written page names the version and every rule, criterion and
/// review flag.
/// </summary>
public sealed class ClinicalDocs2Tests
{
    private const string GeneratedPath = "docs/clinical/default-rules-2.0.generated.md";
    private const string ClinicalPath = "docs/clinical/default-rules-2.0.md";
    private const string Regenerate = "dotnet run --project src/Placement.Cli -- docs --rules rules/v2 --out " + GeneratedPath;

    private static RuleSet Rules2() => RuleSet.Load(Path.Combine(TestSupport.RepoRoot, "rules", "v2"));

    [Fact]
    public void GeneratedDocument_MatchesWhatPlacementDocsRendersForRulesV2()
    {
        var path = Path.Combine(TestSupport.RepoRoot, GeneratedPath);
        File.Exists(path).Should().BeTrue($"{GeneratedPath} is the sign-off document of rule set 2.0; create it with `{Regenerate}`");

        var expected = Normalize(RuleSetDocument.ToMarkdown(Rules2()));
        var actual = Normalize(File.ReadAllText(path));

        actual.Should().Be(expected,
            $"{GeneratedPath} is out of date with rules/v2; regenerate it with `{Regenerate}` " +
            $"from the repository root, review the diff, and update {ClinicalPath} to match");
    }

    [Fact]
    public void ClinicalPage_NamesTheVersionEveryRuleEveryCriterionAndEveryFlag()
    {
        var rules = Rules2();
        var page = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ClinicalPath));

        page.Should().Contain($"version {rules.Version}", $"{ClinicalPath} documents rule set {rules.Version}");
        page.Should().Contain("default-rules-2.0.generated.md", $"{ClinicalPath} links the generated sign-off document");
        foreach (var rule in rules.Rules)
        {
            Regex.IsMatch(page, $@"\b{Regex.Escape(rule.Id)}\b").Should().BeTrue($"{ClinicalPath} explains rule {rule.Id}");
        }

        foreach (var flag in rules.Rules.Where(r => r.Flag is not null))
        {
            Regex.IsMatch(page, $@"\*\*{Regex.Escape(flag.Id)}\*\*").Should().BeTrue(
                $"{ClinicalPath} explains review flag {flag.Id} (in bold, in the section on review flags)");
        }

        foreach (var criterion in rules.Criteria)
        {
            page.Should().Contain($"`{criterion.Id}`", $"{ClinicalPath} explains criterion {criterion.Id}");
        }
    }

    /// <summary>Line endings and trailing spaces do not count: editors and git may change them.</summary>
    private static string Normalize(string markdown) =>
        string.Join('\n', markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
}
