using System.Text.Json;

namespace Placement.Cli.Tests;

/// <summary>
/// The command line itself: the shared --rules option, typed options, exit codes, help, typo
/// corrections and completions. Each defect named in the CLI review has a test here.
/// </summary>
public sealed class CommandLineTests
{
    private const int Usage = 64;
    private const string Severe = """{"withdrawal_substances":["alcohol"],"ciwa_ar":25}""";

    private static string Rules => Path.Combine(CliRunner.RepoRoot, "rules");

    private static string MiniRules(string? tests = null)
    {
        var file = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: mini, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: middle }, { id: high } ] }
            criteria:
              score: { type: integer, min: 0, max: 10, risk: increasing }
            rules:
              - { id: r, when: score >= 5, require: { care: high }, because: 'Score {score}', source: s }
            """);
        var dir = Path.GetDirectoryName(file)!;
        if (tests is not null) File.WriteAllText(Path.Combine(dir, "mini.tests.yaml"), tests);
        return dir;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // --- One --rules option, defaulting to the embedded rules, in every command -------------

    [Fact]
    public void Check_WithoutRules_ChecksTheEmbeddedRuleSet()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check");

        // The embedded rules (2.0) have no warnings: every criterion has a risk order.
        exit.Should().Be(0, stderr);
        stdout.Trim().Should().Be("0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Test_WithoutRules_RunsTheTestsShippedWithTheEmbeddedRules()
    {
        var (exit, stdout, stderr) = CliRunner.Run("test");

        exit.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("rules/default.tests.yaml");
        Lines(stdout)[^1].Should().MatchRegex(@"^[1-9]\d* passed, 0 failed$");
    }

    [Fact]
    public void Test_RulesWithoutAnyTestFile_FailsInsteadOfPassingWithZeroTests()
    {
        var dir = MiniRules();

        var (exit, stdout, _) = CliRunner.Run("test", "--rules", dir);

        exit.Should().Be(1);
        stdout.Should().Contain("no test cases").And.Contain(dir);
    }

    [Fact]
    public void Test_RulesFile_IsAUsageErrorBecauseTestsAreFoundBesideTheRules()
    {
        var (exit, _, stderr) = CliRunner.Run("test", "--rules", Path.Combine(MiniRules(), "rules.yaml"));

        exit.Should().Be(Usage);
        stderr.Should().Contain("give the folder");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    [InlineData("verify")]
    [InlineData("docs")]
    [InlineData("schema")]
    public void RuleAuthorCommands_TakeTheRulesAsAnOptionWithTheShortAlias(string command)
    {
        var dir = MiniRules("tests:\n  - { name: five is high, assessment: { score: 5 }, expect: { levels: { care: high } } }\n");

        var (exit, stdout, stderr) = CliRunner.Run(command, "-r", dir);

        exit.Should().Be(0, stdout + stderr);
        stdout.Should().NotContain("adult-sud-placement", "the rules given with -r are used, not the embedded ones");
    }

    [Fact]
    public void Recommend_ShortRulesAlias_IsAnOptionNotAnAssessment()
    {
        var (exit, stdout, stderr) = CliRunner.Run("recommend", CliRunner.Example("iop.yaml"), "-r", Rules);

        exit.Should().Be(0, stderr);
        stdout.Should().StartWith("Status: RECOMMENDED");
    }

    [Fact]
    public void Explain_AndBatch_TakeTheShortRulesAlias()
    {
        CliRunner.Run("explain", CliRunner.Example("php.yaml"), "--rule", "L2", "-r", Rules).Exit.Should().Be(0);
        CliRunner.RunWithInput(Severe + "\n", "batch", "-", "-r", Rules).Exit.Should().Be(0);
    }

    [Fact]
    public void Docs_RulesOption_RendersThoseRules()
    {
        var (exit, stdout, _) = CliRunner.Run("docs", "--rules", MiniRules());

        exit.Should().Be(0);
        stdout.Should().Contain("mini");
    }

    // --- Typed options -------------------------------------------------------------------

    [Fact]
    public void Batch_ExplainFalse_DoesNotTurnTheFlagOn()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(Severe + "\n", "batch", "-", "--explain=false");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.TryGetProperty("recommendation", out _).Should().BeFalse();
        doc.RootElement.TryGetProperty("decisions", out _).Should().BeTrue();
    }

    [Fact]
    public void Test_CoverageFalse_DoesNotReportCoverage()
    {
        var dir = MiniRules("tests:\n  - { name: five is high, assessment: { score: 5 }, expect: { levels: { care: high } } }\n");

        var (exit, stdout, _) = CliRunner.Run("test", "--rules", dir, "--coverage=false");

        exit.Should().Be(0);
        stdout.Should().NotContain("Coverage");
    }

    [Fact]
    public void Test_Threshold_TurnsCoverageOn()
    {
        var dir = MiniRules("tests:\n  - { name: five is high, assessment: { score: 5 }, expect: { levels: { care: high } } }\n");

        var (exit, stdout, _) = CliRunner.Run("test", "--rules", dir, "--threshold", "90");

        exit.Should().Be(1);
        stdout.Should().Contain("Coverage: 2/5 (40.0%)").And.Contain("coverage 40.0% is below the threshold of 90%");
    }

    [Fact]
    public void Test_ThresholdWithCoverageFalse_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.Run("test", "--threshold", "90", "--coverage=false");

        exit.Should().Be(Usage);
        stderr.Should().Contain("--threshold");
    }

    [Theory]
    [InlineData("--parallel", "batch", "-", "--parallel", "0")]
    [InlineData("--parallel", "batch", "-", "--parallel", "two")]
    [InlineData("--parallel", "batch", "-", "--parallel", "100000")]
    [InlineData("--threshold", "test", "--threshold", "101")]
    [InlineData("--threshold", "test", "--threshold", "-1")]
    [InlineData("--threshold", "test", "--threshold", "most")]
    [InlineData("--format", "recommend", "a.yaml", "--format", "pdf")]
    [InlineData("--format", "check", "--format", "markdown")]
    public void InvalidOptionValue_IsAUsageErrorNamingTheOption(string option, params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);

        exit.Should().Be(Usage);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("placement ").And.Contain(option);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    public void Format_IsCaseInsensitive(string format)
    {
        var (exit, stdout, _) = CliRunner.Run("recommend", CliRunner.Example("php.yaml"), "--format", format);

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("status").GetString().Should().Be("recommended");
    }

    // --- Exit codes --------------------------------------------------------------------------

    [Fact]
    public void NoArguments_PrintsHelpAndExitsWithUsage()
    {
        var (exit, stdout, _) = CliRunner.Run();

        exit.Should().Be(Usage);
        stdout.Should().Contain("recommend").And.Contain("batch").And.Contain("diff");
    }

    [Fact]
    public void MisspeltCommand_SuggestsTheCommandAndExitsWithUsage()
    {
        var (exit, stdout, stderr) = CliRunner.Run("recomend", "a.yaml");

        exit.Should().Be(Usage);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("'recomend'").And.Contain("Did you mean").And.Contain("recommend");
    }

    [Theory]
    [InlineData("recommend", "{0}")]
    [InlineData("explain", "{0}", "--rule", "P1")]
    [InlineData("batch", "{0}")]
    [InlineData("diff", "--old", "{1}", "--new", "{1}", "{0}")]
    public void MissingInputFile_ExitsTwoInEveryCommand(params string[] template)
    {
        var missing = Path.Combine(Directory.CreateTempSubdirectory("placement-missing-").FullName, "no-such-input");
        var args = template.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, missing, Rules)).ToArray();

        var (exit, _, stderr) = CliRunner.Run(args);

        exit.Should().Be(2);
        stderr.Should().Contain($"{missing}:1:1: error PL1006: no such file");
    }

    [Fact]
    public void Batch_OutIntoAMissingFolder_NamesTheOutputPathAndExitsTwo()
    {
        var input = CliRunner.TempFile("in.ndjson", Severe + "\n");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "missing-folder", "out.ndjson");

        var (exit, _, stderr) = CliRunner.Run("batch", input, "--out", output);

        exit.Should().Be(2);
        stderr.Should().Contain(output).And.NotContain(input + ":");
    }

    [Fact]
    public void Docs_OutIntoAMissingFolder_NamesTheOutputPathAndExitsTwo()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("placement-docs-").FullName, "missing-folder", "rules.md");

        var (exit, _, stderr) = CliRunner.Run("docs", "--out", output);

        exit.Should().Be(2);
        stderr.Should().Contain(output);
    }

    [Fact]
    public void Explain_UnknownRule_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.Run("explain", CliRunner.Example("php.yaml"), "--rule", "L41");

        exit.Should().Be(Usage);
        stderr.Should().StartWith("placement explain: 'L41' is not a rule of rule set adult-sud-placement; did you mean 'L");
    }

    // --- Help, version, completion --------------------------------------------------------------

    [Theory]
    [InlineData("recommend", "--rules")]
    [InlineData("check", "--rules")]
    [InlineData("test", "--threshold")]
    [InlineData("verify", "--rules")]
    [InlineData("explain", "--rule")]
    [InlineData("docs", "--out")]
    [InlineData("schema", "--out")]
    [InlineData("batch", "--parallel")]
    [InlineData("diff", "--no-examples")]
    [InlineData("batch", "--key")]
    [InlineData("diff", "--key")]
    public void CommandHelp_ListsOptionsAndExitCodes(string command, string option)
    {
        var (exit, stdout, _) = CliRunner.Run(command, "--help");

        exit.Should().Be(0);
        stdout.Should().Contain($"placement {command}").And.Contain(option);
        stdout.Should().Contain("Exit codes:").And.Contain("64").And.Contain("70");
    }

    [Fact]
    public void RootHelp_ListsEveryCommandAndEveryExitCode()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");

        exit.Should().Be(0);
        stdout.Should().Contain("placement [command] [options]");
        foreach (var command in new[] { "recommend <assessment>", "check", "test", "verify", "explain <assessment>", "docs", "schema", "batch <input>", "diff <assessments>" })
        {
            stdout.Should().Contain("  " + command + " ");
        }

        foreach (var code in new[] { "0", "1", "2", "3", "64", "70" }) stdout.Should().MatchRegex($@"(?m)^  {code} +\S");
    }

    [Fact]
    public void SuggestDirective_CompletesACommand()
    {
        var (exit, stdout, _) = CliRunner.Run("[suggest:3]", "rec");

        exit.Should().Be(0);
        Lines(stdout).Select(l => l.Trim()).Should().Contain("recommend");
    }

    [Fact]
    public void SuggestDirective_CompletesOptionsAndFormatNames()
    {
        Lines(CliRunner.Run("[suggest:17]", "recommend a.yaml --f").Stdout).Select(l => l.Trim()).Should().Contain("--format");
        Lines(CliRunner.Run("[suggest:26]", "recommend a.yaml --format ").Stdout).Select(l => l.Trim())
            .Should().Contain(["text", "markdown", "json"]);
    }

    [Theory]
    [InlineData("rec", "recommend")]
    [InlineData("recommend a.yaml --", "--rules")]
    [InlineData("recommend a.yaml --format ", "json")]
    [InlineData("test --", "--threshold")]
    [InlineData("diff --", "--no-examples")]
    public void ParseApi_ReturnsCompletions(string commandLine, string expected)
    {
        var io = new Commands.Io(new StringReader(""), new StringWriter(), new StringWriter());

        var completions = PlacementApp.CreateRootCommand(io).Parse(commandLine).GetCompletions(commandLine.Length);

        completions.Select(c => c.Label).Should().Contain(expected);
    }

    [Fact]
    public void HelpCommand_IsTheCommandsHelp()
    {
        var (exit, stdout, _) = CliRunner.Run("help", "verify");

        exit.Should().Be(0);
        stdout.Should().Contain("placement verify [options]").And.Contain("1   refuted");
    }
}
