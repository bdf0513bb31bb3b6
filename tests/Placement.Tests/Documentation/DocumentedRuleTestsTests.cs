using System.Text.RegularExpressions;
using Placement.Testing;

namespace Placement.Tests.Documentation;

/// <summary>The rule-test examples in README.md and docs/rules-language.md run, and pass, on the default rule set.</summary>
public sealed partial class DocumentedRuleTestsTests
{
    [Theory]
    [InlineData("README.md", 1)]
    [InlineData("docs/rules-language.md", 2)]
    public void RuleTestExample_PassesOnTheDefaultRules(string page, int cases)
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, page)).ReplaceLineEndings("\n");
        var example = YamlBlocks().Matches(text).Select(m => Unindent(m.Groups["body"].Value, m.Groups["indent"].Value))
            .Single(b => b.Contains("base:", StringComparison.Ordinal) && b.Contains("tests:", StringComparison.Ordinal) && b.Contains("expect:", StringComparison.Ordinal));

        var run = RuleTests.Run(RuleSet.LoadDefault(), [new RuleSource(page + ".tests.yaml", example)]);

        run.Diagnostics.Should().BeEmpty();
        run.Results.Where(r => !r.Passed).Select(r => $"{r.Name}: {string.Join("; ", r.Failures)}").Should().BeEmpty();
        run.Results.Should().HaveCount(cases);
    }

    private static string Unindent(string body, string indent) =>
        string.Join('\n', body.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l));

    [GeneratedRegex(@"^(?<indent>[ ]*)```yaml\n(?<body>.*?)^\k<indent>```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlocks();
}
