using System.Text.Json;

namespace Placement.Cli.Tests;

/// <summary>The rule authors' commands: check, test, verify, explain, docs.</summary>
public sealed class AuthoringCommandTests
{
    // Rule set 1.0 (the test fixture): its two criteria without a risk order exercise the warnings and
    // the "not varied" verdict, which the embedded default (2.0, every criterion ordered) never shows.
    private static string Rules => CliRunner.Rules10;

    private static string MiniRules(string rules, string? tests = null)
    {
        var file = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: mini, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: middle }, { id: high } ] }
            criteria:
              score: { type: integer, min: 0, max: 10, risk: increasing }
              flag: { type: boolean, risk: increasing }
            rules:

            """ + rules);
        var dir = Path.GetDirectoryName(file)!;
        if (tests is not null) File.WriteAllText(Path.Combine(dir, "mini.tests.yaml"), tests);
        return dir;
    }

    [Fact]
    public void Check_DefaultRules_IsCleanAndExitsZero()
    {
        var embedded = CliRunner.Run("check");
        embedded.Exit.Should().Be(0);
        embedded.Stdout.TrimEnd().Split('\n')[^1].Should().Be("0 error(s), 0 warning(s)");

        var (exit, stdout, _) = CliRunner.Run("check", "--rules", Rules);

        // The two criteria without a risk order are true warnings: verify cannot vary them.
        exit.Should().Be(0);
        stdout.Should().Contain("warning PL6006: criterion 'withdrawal_substance' has no risk order").And.Contain("warning PL6006: criterion 'step_down_from' has no risk order");
        stdout.TrimEnd().Split('\n')[^1].Should().Be("0 error(s), 2 warning(s)");
    }

    [Fact]
    public void Check_WarningsOnly_ExitsZeroAndPrintsThem()
    {
        var dir = MiniRules("  - { id: r, when: score > 11, require: { care: high }, because: x, source: s }\n");

        var (exit, stdout, _) = CliRunner.Run("check", "--rules", dir);

        exit.Should().Be(0);
        stdout.Should().Contain("warning PL6002: rule 'r' can never fire").And.Contain("warning PL6001: criterion 'flag' is not read by any rule");
    }

    [Fact]
    public void Check_HostileRuleFiles_ExitThree_WithAnEscapedMessageOrTheLimit()
    {
        // A terminal escape in an id is shown as text, never sent to the terminal.
        var escape = MiniRules("  - { id: \"r\\u001b[2J\", when: flag, require: { care: high }, because: x, source: s }\n");
        var (exit, stdout, stderr) = CliRunner.Run("check", "--rules", escape);
        exit.Should().Be(3);
        (stdout + stderr).Should().NotContain("\u001b").And.Contain("error PL2002: 'r\\u001B[2J' is not a valid rule id");

        // A 60 MB rule file is refused before it is read.
        var huge = CliRunner.TempFile("rules.yaml", "# " + new string('x', 60_000_000) + "\n");
        (exit, stdout, stderr) = CliRunner.Run("check", "--rules", huge);
        File.Delete(huge);
        exit.Should().Be(3);
        (stdout + stderr).Should().Contain("error PL1010: the rule file is larger than 1048576 bytes, the limit");
    }

    [Fact]
    public void Check_Errors_ExitsThreeWithJsonForCi()
    {
        var dir = MiniRules("  - { id: r, when: scor > 5, require: { care: high }, because: x, source: s }\n");

        var (exit, stdout, _) = CliRunner.Run("check", "--rules", dir, "--format", "json");

        exit.Should().Be(3);
        using var doc = JsonDocument.Parse(stdout);
        var d = doc.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        (d.GetProperty("code").GetString(), d.GetProperty("severity").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("suggestion").GetString())
            .Should().Be(("PL3002", "error", 8, 20, "score"));
    }

    [Fact]
    public void Test_DefaultRules_PassWithFullCoverage()
    {
        var (exit, stdout, stderr) = CliRunner.Run("test", "--coverage", "--threshold", "100");

        exit.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("Coverage: 192/192 (100.0%)");
        stdout.TrimEnd().Split('\n')[^1].Should().MatchRegex(@"^\d+ passed, 0 failed$");
    }

    [Fact]
    public void Test_Rules10Fixture_PassWithFullCoverage()
    {
        var (exit, stdout, stderr) = CliRunner.Run("test", "--rules", Rules, "--coverage", "--threshold", "100");

        exit.Should().Be(0, stdout + stderr);
        stdout.Should().Contain("Coverage: 88/88 (100.0%)");
        stdout.TrimEnd().Split('\n')[^1].Should().MatchRegex(@"^\d+ passed, 0 failed$");
    }

    [Fact]
    public void Test_Failure_PrintsLocationDifferenceExplanationAndExitsNonZero()
    {
        var dir = MiniRules(
            "  - { id: r, when: score >= 5, require: { care: high }, because: 'Score {score}', source: s }\n",
            "tests:\n  - name: five is middle\n    assessment: { score: 5, flag: false }\n    expect: { levels: { care: middle } }\n");

        var (exit, stdout, _) = CliRunner.Run("test", "--rules", dir);

        exit.Should().Be(1);
        stdout.Should().Contain($"{Path.Combine(dir, "mini.tests.yaml")}:2:5: FAIL five is middle");
        stdout.Should().Contain("    care: expected middle, got high");
        stdout.Should().Contain("    --- explanation ---").And.Contain("[r] Score 5");
        stdout.TrimEnd().Split('\n')[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Test_CoverageBelowThreshold_ExitsNonZero()
    {
        var dir = MiniRules(
            "  - { id: r, when: score >= 5, require: { care: high }, because: x, source: s }\n",
            "tests:\n  - { name: high, assessment: { score: 5 }, expect: { levels: { care: high } } }\n");

        var (exit, stdout, _) = CliRunner.Run("test", "--rules", dir, "--coverage", "--threshold", "90");

        exit.Should().Be(1);
        stdout.Should().Contain("r            fired        ALWAYS FIRED");
        stdout.Should().Contain("care: low (NOT REACHED), middle (NOT REACHED), high");
        stdout.Should().Contain("coverage 40.0% is below the threshold of 90%");
        stdout.TrimEnd().Split('\n')[^1].Should().Be("1 passed, 0 failed");
    }

    [Fact]
    public void Verify_Default_IsProvenAndBrokenIsRefuted()
    {
        var embedded = CliRunner.Run("verify");
        embedded.Exit.Should().Be(0);
        embedded.Stdout.TrimEnd().Split('\n')[^1].Should().Be("PROVEN: worsening any criterion along its risk order never lowers any decision.");

        var proven = CliRunner.Run("verify", "--rules", Rules);
        proven.Exit.Should().Be(0);
        proven.Stdout.TrimEnd().Split('\n')[^1].Should().Be(
            "PROVEN for the criteria with a risk order; not varied: withdrawal_substance, step_down_from (no risk declared). Worsening any criterion along its risk order never lowers any decision.");

        var dir = MiniRules("  - { id: r, when: score >= 3 and score <= 6, require: { care: middle }, because: x, source: s }\n");
        var (exit, stdout, _) = CliRunner.Run("verify", "--rules", dir);

        exit.Should().Be(1);
        stdout.Should().Contain("COUNTEREXAMPLE: Worsening score from 6 to 7 lowers care from middle to low (rule r stops firing).");
        stdout.Should().Contain("  score: 6");
    }

    [Fact]
    public void Verify_BandThroughMinAndMax_PrintsTheCounterexampleOnceWithTheSmallestChange()
    {
        var dir = MiniRules("  - { id: band, when: \"min(score, 8) >= 6 and max(score, 8) <= 8\", require: { care: high }, because: x, source: s }\n" +
            "  - { id: other, when: flag and score >= 0, require: { care: middle }, because: x, source: s }\n");

        var (exit, stdout, _) = CliRunner.Run("verify", "--rules", dir);

        exit.Should().Be(1);
        stdout.Split("COUNTEREXAMPLE").Should().HaveCount(2, stdout);
        stdout.Should().Contain("COUNTEREXAMPLE: Worsening score from 8 to 9 lowers care from high to low (rule band stops firing).");
        stdout.Should().Contain("  score: 8\n  flag: false");
        stdout.TrimEnd().Split('\n')[^1].Should().StartWith("NOT PROVEN");
    }

    [Fact]
    public void Explain_ShowsTheRulePartByPart()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", CliRunner.Example10("php.yaml"), "--rule", "P14", "--rules", Rules);

        exit.Should().Be(0);
        stdout.Should().StartWith("Rule P14: Instability in several dimensions\nOutcome: fired");
        stdout.Should().Contain("[true] psychiatric_risk >= moderate   (psychiatric_risk = moderate)");
    }

    [Fact]
    public void Docs_WritesTheDocument()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("placement-docs-").FullName, "rules.md");

        var (exit, _, _) = CliRunner.Run("docs", "--rules", Rules, "--out", output);

        exit.Should().Be(0);
        File.ReadAllText(output).Should().StartWith("# Adult substance use disorder level-of-care placement").And.Contain("## Sign-off");
    }
}
