using System.Diagnostics;
using System.Text.Json;

namespace Placement.Cli.Tests;

public sealed class RecommendCommandTests
{
    [Fact]
    public void Recommend_Example_PrintsTheExplanationAndExitsZero()
    {
        var (exit, stdout, stderr) = CliRunner.Run("recommend", CliRunner.Example("medically-monitored-inpatient.yaml"));

        exit.Should().Be(0, stderr);
        stderr.Should().BeEmpty();
        stdout.Should().StartWith("Status: RECOMMENDED");
        stdout.Should().Contain("Level of care: Inpatient, medically monitored [asam3 3.7");
        stdout.Should().Contain("Rule set: adult-sud-placement 2.0.0, sha256 " + RuleSet.LoadDefault().Sha256);
        stdout.Should().Contain("This recommendation supports, and does not replace, clinical judgement.");
    }

    [Fact]
    public void Recommend_Provisional_ExitsZero()
    {
        var (exit, stdout, _) = CliRunner.Run("recommend", CliRunner.Example("provisional.yaml"));

        exit.Should().Be(0);
        stdout.Should().StartWith("Status: PROVISIONAL").And.Contain("Missing information:");
    }

    [Fact]
    public void Recommend_FormatJson_PrintsOneJsonObjectWithTheDocumentedFields()
    {
        var (exit, stdout, _) = CliRunner.Run("recommend", CliRunner.Example("php.yaml"), "--format", "json");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Contain(
            ["status", "ruleSet", "decisions", "facts", "firedRules", "mayFireRules", "missing", "notes"]);
        root.GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetProperty("id").GetString().Should().Be("php");
        root.GetProperty("decisions").GetProperty("level_of_care").GetProperty("because")[0].GetProperty("rule").GetString().Should().Be("L2");
    }

    [Fact]
    public void Recommend_FormatMarkdown_PrintsMarkdown()
    {
        var (exit, stdout, _) = CliRunner.Run("recommend", CliRunner.Example("iop.yaml"), "--format=markdown");

        exit.Should().Be(0);
        stdout.Should().StartWith("# Placement recommendation (recommended)");
    }

    [Fact]
    public void Recommend_Stdin_ReadsTheAssessment()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput("withdrawal_complicated: true\nwithdrawal_substances: [alcohol]\n", "recommend", "-", "--format", "json");

        exit.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetProperty("id").GetString()
            .Should().Be("medically_managed_inpatient", "complicated alcohol withdrawal alone settles the most intensive level");
    }

    [Fact]
    public void Recommend_InvalidAssessment_ExitsTwoWithPositionedErrors()
    {
        var path = CliRunner.TempFile("bad.yaml", "ciwa_ar: 99\nhome_stability: unsfe\n");

        var (exit, stdout, stderr) = CliRunner.Run("recommend", path);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{path}:1:10: error PL5003: ciwa_ar: out of range; allowed 0 to 67",
            $"{path}:2:17: error PL5004: home_stability: not an allowed value; allowed: stable, unstable, unsafe");
    }

    [Fact]
    public void Recommend_MissingAssessmentFile_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("recommend", "no-such-assessment.yaml");

        exit.Should().Be(2);
        stderr.Trim().Should().Be("no-such-assessment.yaml:1:1: error PL1006: no such file");
    }

    [Fact]
    public void Recommend_InvalidRuleSet_ExitsThreeWithEveryError()
    {
        var rulesFile = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: broken, version: 1 }
            criteria:
              score: { type: integer, min: 0, max: 10 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            rules:
              - { id: r1, when: scroe > 3, require: { care: hihg }, because: x, source: s }
            """);

        var (exit, stdout, stderr) = CliRunner.Run("recommend", CliRunner.Example("iop.yaml"), "--rules", Path.GetDirectoryName(rulesFile)!);

        exit.Should().Be(3);
        stdout.Should().BeEmpty();
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{rulesFile}:7:21: error PL3002: 'scroe' is not a declared criterion, fact or decision; did you mean 'score'?",
            $"{rulesFile}:7:49: error PL3004: 'hihg' is not a level of care; did you mean 'high'?; allowed: low, high");
    }

    [Fact]
    public void Recommend_RulesFolder_GivesTheSameResultAsTheEmbeddedRules()
    {
        var embedded = CliRunner.Run("recommend", CliRunner.Example("residential-high-intensity.yaml"), "--format", "json");
        var fromDisk = CliRunner.Run("recommend", CliRunner.Example("residential-high-intensity.yaml"), "--format", "json", "--rules", Path.Combine(CliRunner.RepoRoot, "rules"));

        fromDisk.Exit.Should().Be(0);
        fromDisk.Stdout.Should().Be(embedded.Stdout);
    }

    [Theory]
    [InlineData("recommend")]
    [InlineData("recommend", "a.yaml", "b.yaml")]
    [InlineData("recommend", "a.yaml", "--format", "pdf")]
    [InlineData("recommend", "a.yaml", "--colour")]
    [InlineData("recommend", "a.yaml", "--rules")]
    [InlineData("frobnicate")]
    public void UsageError_ExitsSixtyFourAndSaysWhatIsWrong(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);

        exit.Should().Be(64);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("placement");
    }

    [Fact]
    public void Help_ListsCommandsAndExitCodes()
    {
        CliRunner.Run("--help").Stdout.Should().Contain("recommend <assessment>");
        var (exit, stdout, _) = CliRunner.Run("recommend", "--help");

        exit.Should().Be(0);
        stdout.Should().Contain("placement recommend <assessment> [options]").And.Contain("3   the rule set is invalid");
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");

        exit.Should().Be(0);
        stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public void Program_AsAProcess_ReturnsTheExitCodeAndWritesErrorsToStderr()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Placement.Cli.dll");
        var bad = CliRunner.TempFile("bad.yaml", "pregnant: maybe\n");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "recommend", bad }) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(2);
        stderr.Trim().Should().Be($"{bad}:1:11: error PL5002: pregnant: expected true or false (or null when unknown)");
    }

    [Fact]
    public void Recommend_DetailFull_ShowsEveryRuleThatCouldChangeALevel()
    {
        var example = CliRunner.Example("phone-screen-insufficient.yaml");
        var (_, standard, _) = CliRunner.Run("recommend", example);
        var (exit, full, stderr) = CliRunner.Run("recommend", example, "--detail", "full");

        exit.Should().Be(0, stderr);
        standard.Should().Contain("What the answers so far establish:").And.NotContain("Could change once known");
        full.Should().Contain("Could change once known").And.Contain("[rules ");
    }

    [Fact]
    public void Recommend_UnknownDetail_IsAUsageErrorNamingTheChoices()
    {
        var (exit, _, stderr) = CliRunner.Run("recommend", CliRunner.Example("iop.yaml"), "--detail", "everything");

        exit.Should().Be(64);
        stderr.Should().Contain("unknown --detail 'everything'; use standard or full");
    }

    [Fact]
    public void Recommend_WhatIf_ListsTheNearestChangeOfEachAnswer()
    {
        var (exit, stdout, stderr) = CliRunner.Run("recommend", CliRunner.Example("outpatient-ambulatory-withdrawal.yaml"), "--what-if");

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("What would change it (one answer at a time):").And.Contain("  - If Overnight support were no (now yes)");
    }

    [Fact]
    public void RecommendWithAudit_ThenAuditVerify_Reproduces_AndATamperedRecordExits1()
    {
        var record = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        CliRunner.Run("recommend", CliRunner.Example("php.yaml"), "--audit", record).Exit.Should().Be(0);

        var (exit, stdout, _) = CliRunner.Run("audit", "verify", record);
        exit.Should().Be(0);
        stdout.Should().StartWith("REPRODUCES");

        File.WriteAllText(record, File.ReadAllText(record).Replace("\"level\": \"php\"", "\"level\": \"iop\"", StringComparison.Ordinal));
        var (exit2, stdout2, _) = CliRunner.Run("audit", "verify", record);
        exit2.Should().Be(1);
        stdout2.Should().Contain("DOES NOT REPRODUCE").And.Contain("level_of_care level: recorded \"iop\", now \"php\"");
    }

    [Fact]
    public void Recommend_AnAssessmentOverTheLimit_IsRefusedBeforeItIsRead_FromAFileOrStdin()
    {
        var big = CliRunner.TempFile("big.yaml", "ciwa_ar: 12\nnote: \"" + new string('x', 2 * 1024 * 1024) + "\"\n");

        var (exit, _, stderr) = CliRunner.Run("recommend", big);
        exit.Should().Be(2);
        stderr.Trim().Should().Be($"{big}:1:1: error PL5009: the assessment is larger than 1048576 bytes; an assessment is usually about 1 KB");

        var (exit2, _, stderr2) = CliRunner.RunWithInput(File.ReadAllText(big), "recommend", "-");
        exit2.Should().Be(2);
        stderr2.Should().Contain("<stdin>:1:1: error PL5009");
    }
}
