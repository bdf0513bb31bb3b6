using System.Text.Json;

namespace Placement.Cli.Tests;

public sealed class BatchAndDiffCommandTests
{
    private const string Iop = """{"withdrawal_substance":"stimulant","relapse_risk":"moderate","psychiatric_risk":"low","biomedical_risk":"low","harm_risk":"none","readiness_risk":"low","home_stability":"stable","step_down_from":"none","failed_lower_level":false,"withdrawal_complicated":false}""";
    private const string Severe = """{"withdrawal_substance":"alcohol","ciwa_ar":25}""";

    [Fact]
    public void Batch_WritesOneResultPerLineInInputOrder()
    {
        var lines = Enumerable.Range(0, 20000).Select(i => i % 2 == 0 ? Iop : Severe).ToArray();
        var input = CliRunner.TempFile("in.ndjson", string.Join("\n", lines) + "\n");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out.ndjson");

        var (exit, _, stderr) = CliRunner.Run("batch", input, "--out", output, "--parallel", "2");

        exit.Should().Be(0, stderr);
        stderr.Trim().Should().Be("20000 assessments: 10000 recommended, 10000 provisional, 0 invalid (skipped)");
        var results = File.ReadAllLines(output);
        results.Should().HaveCount(20000);
        for (var i = 0; i < results.Length; i += 997)
        {
            using var doc = JsonDocument.Parse(results[i]);
            var root = doc.RootElement;
            root.GetProperty("line").GetInt32().Should().Be(i + 1);
            root.GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetString()
                .Should().Be(i % 2 == 0 ? "iop" : "medically_monitored_inpatient");
        }
    }

    [Fact]
    public void Batch_InvalidLines_AreReportedWithLineNumbersAndSkipped()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{{\"ciwa_ar\": 99}}\n\n{{\"relapse_rsk\": \"low\"}}\nnot json\n{Severe}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input);

        exit.Should().Be(2);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32())
            .Should().Equal(1, 6);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{input}:2:13: error PL5003: ciwa_ar: out of range; allowed 0 to 67",
            $"{input}:4:2: error PL5001: unknown criterion 'relapse_rsk'; did you mean 'relapse_risk'?",
            $"{input}:5:2: error PL1001: invalid JSON",
            "5 assessments: 1 recommended, 1 provisional, 3 invalid (skipped)");
    }

    [Fact]
    public void Batch_Stdin_WithExplain_WritesTheFullExplanation()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(Severe + "\n", "batch", "-", "--explain");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("recommendation").GetProperty("decisions").GetProperty("withdrawal_management")
            .GetProperty("because")[0].GetProperty("rule").GetString().Should().Be("M2");
    }

    [Fact]
    public void Diff_ReportsChangesAsAMatrixWithExamples()
    {
        var rules = Path.Combine(CliRunner.RepoRoot, "rules");
        var changed = Directory.CreateTempSubdirectory("placement-new-").FullName;
        foreach (var f in Directory.GetFiles(rules, "*.yaml")) File.Copy(f, Path.Combine(changed, Path.GetFileName(f)));
        var loc = Path.Combine(changed, "level-of-care.yaml");
        File.WriteAllText(loc, File.ReadAllText(loc).Replace("when: relapse_risk >= moderate\n", "when: relapse_risk >= high\n", StringComparison.Ordinal));
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{Severe}\n{Iop}\n");

        var (exit, stdout, stderr) = CliRunner.Run("diff", "--old", rules, "--new", changed, input);

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("Compared 3 assessments");
        stdout.Should().Contain("level_of_care: 2 of 3 changed (66.7%)");
        stdout.Should().Contain("  iop -> outpatient: 2 assessment(s), for example:");
        stdout.Should().Contain("    line 1: " + Iop);
        stdout.Should().Contain("withdrawal_management: 0 of 3 changed (0.0%)");
    }
}
