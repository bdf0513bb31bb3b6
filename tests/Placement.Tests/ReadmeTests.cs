using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Placement.Explanations;

namespace Placement.Tests;

/// <summary>The README's promises: its C# example compiles and runs, its commands are what CI runs.</summary>
public sealed partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md"));

    [Fact]
    public void ReadmeExample_IsTheCodeThatThisTestCompilesAndRuns()
    {
        var block = CodeBlock("csharp").Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();

        block.Should().Equal(ExampleRegion(), "README.md's C# example must be the code in RunReadmeExample");
    }

    [Fact]
    public void ReadmeExample_NamesEveryNamespaceItNeeds()
    {
        var usings = CodeBlock("csharp").Where(l => l.StartsWith("using ", StringComparison.Ordinal))
            .Select(l => l.Split("//")[0].Trim()).ToArray();
        var thisFile = File.ReadAllLines(ThisFile()).Where(l => l.StartsWith("using Placement", StringComparison.Ordinal));

        usings.Should().Contain("using Placement;");
        usings.Should().Contain(thisFile, "the README's example must compile with the usings it shows");
    }

    [Fact]
    public void ReadmeExample_PrintsWhatTheReadmeSays()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            RunReadmeExample();
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split('\n');
        lines[0].Should().Be("Insufficient");
        lines[1].Should().Be("open");
        lines[2].Should().Be("Inpatient, medically monitored");
        lines[3].Should().Be("Inpatient, medically managed");
        output.ToString().Should().Contain("Ask first:");
    }

    [Fact]
    public void CiScript_RunsTheReadmeSetUpCommands()
    {
        var ci = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ".ci", "run"));
        var commands = CodeBlock("sh").Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal)).ToArray();

        commands.Should().HaveCount(2);
        commands.Should().OnlyContain(
            c => Regex.IsMatch(ci, "^" + Regex.Escape(c) + @"(\s|$)", RegexOptions.Multiline),
            "CI must run the README's two set-up commands as written");
    }

    [Fact]
    public void ReadmeSampleOutput_IsWhatTheToolPrints()
    {
        var sample = CodeBlock("text");
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", "medically-monitored-inpatient.yaml"));
        var actual = rules.Recommend(Assessment.Parse(text, rules)).Explain().ToText().Split('\n').Select(l => l.TrimEnd());

        sample.Should().NotBeEmpty();
        sample.Where(l => l != "...").Should().BeSubsetOf(actual);
    }

    private static void RunReadmeExample()
    {
        #region readme
        var rules = RuleSet.LoadDefault();
        var assessment = rules.NewAssessment().Set("withdrawal_substances", new[] { "alcohol" }).Set("ciwa_ar", 21).Build();
        var recommendation = rules.Recommend(assessment);
        Console.WriteLine(recommendation.Status);                                   // Insufficient: required answers are unknown
        Console.WriteLine(recommendation.Level("level_of_care")?.Name ?? "open");    // open: not determined yet
        Console.WriteLine(recommendation.Floor("level_of_care").Name);              // at least Inpatient, medically monitored
        Console.WriteLine(recommendation.Ceiling("level_of_care").Name);            // up to Inpatient, medically managed
        Console.WriteLine(recommendation.Explain().ToText());                       // why, the range, what to ask first
        #endregion
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string[] ExampleRegion([CallerFilePath] string path = "")
    {
        var source = File.ReadAllText(path);
        var match = RegionPattern().Match(source);
        return match.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }

    private static string[] CodeBlock(string language)
    {
        var match = Regex.Match(Readme, "```" + language + "\n(.*?)```", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"README.md has a ```{language} block");
        return match.Groups[1].Value.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Select(l => language == "text" ? l : l.Trim()).ToArray();
    }

    [GeneratedRegex(@"#region readme\s*\n(.*?)#endregion", RegexOptions.Singleline)]
    private static partial Regex RegionPattern();
}
