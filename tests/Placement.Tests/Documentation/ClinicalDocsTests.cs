using System.Text.RegularExpressions;
using Placement.Documentation;

namespace Placement.Tests.Documentation;

/// <summary>
/// The clinical documentation in docs/clinical keeps up with the embedded default rules: the
/// generated sign-off document is what <see cref="RuleSetDocument"/> renders today, and the
/// hand-written page names the shipped version (2.0.0) and every rule, criterion and review flag.
/// </summary>
public sealed class ClinicalDocsTests
{
    private const string GeneratedPath = "docs/clinical/default-rules.generated.md";
    private const string ClinicalPath = "docs/clinical/default-rules.md";
    private const string Regenerate = "dotnet run --project src/Placement.Cli -- docs --out " + GeneratedPath;

    [Fact]
    public void GeneratedDocument_MatchesWhatPlacementDocsRendersForTheEmbeddedRules()
    {
        var path = Path.Combine(TestSupport.RepoRoot, GeneratedPath);
        File.Exists(path).Should().BeTrue($"{GeneratedPath} is the sign-off document of the default rules; create it with `{Regenerate}`");

        var expected = Normalize(RuleSetDocument.ToMarkdown(RuleSet.LoadDefault()));
        var actual = Normalize(File.ReadAllText(path));

        actual.Should().Be(expected,
            $"{GeneratedPath} is out of date with the embedded rules (rules/*.yaml); regenerate it with `{Regenerate}` " +
            $"from the repository root, review the diff, and update {ClinicalPath} to match");
    }

    [Fact]
    public void ClinicalPage_NamesTheShippedVersionEveryRuleEveryCriterionAndEveryFlag()
    {
        var rules = RuleSet.LoadDefault();
        var page = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ClinicalPath));

        page.Should().Contain($"version {rules.Version}", $"{ClinicalPath} documents the rule set as shipped");
        page.Should().Contain("default-rules.generated.md", $"{ClinicalPath} links the generated sign-off document");
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
