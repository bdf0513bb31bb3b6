namespace Placement.Cli.Tests;

/// <summary><c>placement migrate</c>: assessments for an earlier rule set version rewritten for this one.</summary>
public sealed class MigrateCommandTests
{
    private const string Rules = """
        ruleset: { id: mini, version: 2.0.0 }
        decisions:
          care: { levels: [ { id: outpatient }, { id: iop }, { id: residential_low_intensity, category: inpatient } ] }
        criteria:
          withdrawal_substances: { type: set, values: [alcohol, opioid], risk: increasing }
          failed_level: { type: enum, values: [none, outpatient, iop, php], risk: increasing }
        rules:
          - { id: r1, when: withdrawal_substances has alcohol, require: { care: iop }, because: x, source: s }
          - { id: r2, when: failed_level >= iop, require: { care: residential_low_intensity }, because: x, source: s }
        migrations:
          withdrawal_substance:
            to: withdrawal_substances
            values: { none: [], alcohol: [alcohol], opioid: [opioid] }
          failed_lower_level:
            to: failed_level
            values: { true: ask, false: none }
        """;

    private static string RulesFile() => CliRunner.TempFile("rules.yaml", Rules);

    [Fact]
    public void Migrate_Yaml_WritesTheMigratedTextAndReportsWhatToAskAgain()
    {
        var input = CliRunner.TempFile("old.yaml", "# intake\nwithdrawal_substance: alcohol\nfailed_lower_level: true\n");

        var (exit, stdout, stderr) = CliRunner.Run("migrate", input, "-r", RulesFile());

        exit.Should().Be(0, stderr);
        stdout.Should().Be("# intake\nwithdrawal_substances: [alcohol]\nfailed_level: null  # ask again: the answer to failed_lower_level cannot be mapped to failed_level\n");
        stderr.Should().Be(
            $"{input}:3:1: ask again: failed_level (the answer to failed_lower_level cannot be mapped; it is now unknown)\n" +
            "placement migrate: 2 answers migrated; 1 to ask again\n");
    }

    [Fact]
    public void Migrate_Out_WritesTheFile_WhichRecommendReads()
    {
        var rules = RulesFile();
        var input = CliRunner.TempFile("old.json", "{ \"withdrawal_substance\": \"alcohol\", \"failed_lower_level\": false }");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "new.json");

        var (exit, stdout, _) = CliRunner.Run("migrate", input, "-r", rules, "--out", output);

        exit.Should().Be(0);
        stdout.Should().BeEmpty();
        File.ReadAllText(output).Should().Be("{ \"withdrawal_substances\": [\"alcohol\"], \"failed_level\": \"none\" }");
        CliRunner.Run("recommend", output, "-r", rules).Exit.Should().Be(0);
        CliRunner.Run("recommend", input, "-r", rules).Stderr.Should().Contain("error PL5007: 'withdrawal_substance' was replaced by 'withdrawal_substances'");
    }

    [Fact]
    public void Migrate_AnswerThatCannotBeMigrated_ExitsTwoWritingNothing()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput("withdrawal_substance: heroin\n", "migrate", "-", "-r", RulesFile());

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("<stdin>:1:23: error PL5008: 'withdrawal_substance' (replaced by 'withdrawal_substances'): the answer is not one the migration maps");
        stderr.Should().NotContain("heroin");
    }

    [Fact]
    public void Migrate_Ndjson_MigratesEachLine_KeepsInvalidLinesInPlace_AndNamesTheirKeys()
    {
        const string input = "{\"id\":\"A-1\",\"withdrawal_substance\":\"opioid\",\"failed_lower_level\":true}\n\n{\"id\":\"B-2\",\"withdrawal_substance\":\"other\"}\n";

        var (exit, stdout, stderr) = CliRunner.RunWithInput(input, "migrate", "-", "--ndjson", "-r", RulesFile());

        exit.Should().Be(2);
        stdout.Should().Be("{\"id\":\"A-1\",\"withdrawal_substances\":[\"opioid\"],\"failed_level\":null}\n\n{\"id\":\"B-2\",\"withdrawal_substance\":\"other\"}\n");
        stderr.Should().Contain("<stdin>:1:45: ask again: failed_level");
        stderr.Should().Contain("<stdin>:3:36: error PL5008: id \"B-2\": 'withdrawal_substance' (replaced by 'withdrawal_substances')");
        stderr.Should().EndWith("placement migrate: 2 answers migrated; 1 to ask again\n");
    }

    [Fact]
    public void Migrate_Ndjson_ALineOver1MiB_IsReportedAndNotKept_TheOthersMigrate()
    {
        var input = "{\"withdrawal_substance\":\"none\"}\n{\"x\":\"" + new string('a', 2_000_000) + "\"}\n{\"failed_lower_level\":false}\n";

        var (exit, stdout, stderr) = CliRunner.RunWithInput(input, "migrate", "-", "--ndjson", "-r", RulesFile());

        exit.Should().Be(2);
        stdout.Should().Be("{\"withdrawal_substances\":[]}\n\n{\"failed_level\":\"none\"}\n", "the long line is an empty line, so the others keep their line numbers");
        stderr.Should().Contain("<stdin>:2:1: error PL5009: the line is longer than 1048576 characters");
    }

    [Fact]
    public void Migrate_NdjsonFileToOut_WritesEveryLine()
    {
        var input = CliRunner.TempFile("old.ndjson", "{\"withdrawal_substance\":\"none\"}\r\n{\"failed_lower_level\":false}\r\n");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "new.ndjson");

        var (exit, stdout, stderr) = CliRunner.Run("migrate", input, "--ndjson", "--out", output, "-r", RulesFile());

        exit.Should().Be(0, stderr);
        stdout.Should().BeEmpty();
        File.ReadAllText(output).Should().Be("{\"withdrawal_substances\":[]}\n{\"failed_level\":\"none\"}\n");
        stderr.Should().Be("placement migrate: 2 answers migrated; 0 to ask again\n");
    }

    [Fact]
    public void Migrate_KeyNamingACriterion_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.RunWithInput("{}\n", "migrate", "-", "--ndjson", "--key", "failed_level", "-r", RulesFile());

        exit.Should().Be(64);
        stderr.Should().Contain("--key 'failed_level' names an answer in the rule set");
    }

    [Fact]
    public void Migrate_NoSuchFile_ExitsTwo_AndInvalidRules_ExitThree()
    {
        CliRunner.Run("migrate", "/no/such/file.yaml", "-r", RulesFile()).Exit.Should().Be(2);
        CliRunner.Run("migrate", "/no/such/file.yaml", "-r", CliRunner.TempFile("bad.yaml", Rules.Replace("to: failed_level", "to: failed", StringComparison.Ordinal))).Exit.Should().Be(3);
    }

    [Fact]
    public void Migrate_NothingToMigrate_PrintsTheInputUnchanged()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput("failed_level: iop\n", "migrate", "-", "-r", RulesFile());

        exit.Should().Be(0);
        stdout.Should().Be("failed_level: iop\n");
        stderr.Should().Be("placement migrate: nothing to migrate\n");
    }

    [Fact]
    public void Diff_Migrate_ReadsOldAssessmentsForTheNewRuleSet_AndShowsTheSplitLevel()
    {
        var oldRules = CliRunner.TempFile("old.yaml", """
            ruleset: { id: mini, version: 1.0.0 }
            decisions:
              care: { levels: [ { id: outpatient }, { id: iop }, { id: residential, category: inpatient } ] }
            criteria:
              withdrawal_substance: { type: enum, values: [none, alcohol, opioid] }
              failed_lower_level: { type: boolean, risk: increasing }
            rules:
              - { id: r1, when: withdrawal_substance == alcohol, require: { care: iop }, because: x, source: s }
              - { id: r2, when: failed_lower_level, require: { care: residential }, because: x, source: s }
            """);
        const string lines = "{\"id\":1,\"withdrawal_substance\":\"alcohol\",\"failed_lower_level\":false}\n{\"id\":2,\"withdrawal_substance\":\"none\",\"failed_lower_level\":false}\n";

        var plain = CliRunner.RunWithInput(lines, "diff", "-", "--old", oldRules, "--new", RulesFile());
        var (exit, stdout, stderr) = CliRunner.RunWithInput(lines, "diff", "-", "--old", oldRules, "--new", RulesFile(), "--migrate", "--format", "json");

        plain.Exit.Should().Be(2);
        plain.Stderr.Should().Contain("error PL5007: id 1: 'withdrawal_substance' was replaced by 'withdrawal_substances'");
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("\"compared\": 2");
    }

    [Fact]
    public void Batch_OutNamingTheInputFile_IsRefusedAndTheInputKept()
    {
        var input = CliRunner.TempFile("same.ndjson", "{\"ciwa_ar\": 12}\n");

        var (exit, _, stderr) = CliRunner.Run("batch", input, "--out", input);

        exit.Should().Be(2);
        stderr.Should().Contain("is the input file");
        File.ReadAllText(input).Should().Be("{\"ciwa_ar\": 12}\n", "the input is never erased");
    }

    [Fact]
    public void Batch_KeyNamingAReplacedCriterion_IsAUsageError()
    {
        var rules = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: r, version: 2 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              score: { type: integer, min: 0, max: 40, risk: increasing }
            rules:
              - { id: r1, when: score >= 20, require: { care: high }, because: x, source: s }
            migrations:
              old_score: { to: score }
            """);
        var input = CliRunner.TempFile("in.ndjson", "{\"old_score\": 25}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input, "--rules", rules, "--key", "old_score");

        exit.Should().Be(64);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("--key 'old_score' names an answer in the rule set").And.NotContain("25");
    }

    [Fact]
    public void Batch_LineWithAnUndecodableString_IsAnInvalidLineNotACrash()
    {
        var input = CliRunner.TempFile("in.ndjson", "{\"ciwa_ar\": 12}\n{\"home_stability\": \"\\ud800\"}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input);

        exit.Should().Be(2, stderr);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1);
        stderr.Should().Contain("PL1008");
    }

    [Fact]
    public void Recommend_EmptyPath_IsAnUnreadableFileNotACrash()
    {
        var (exit, _, stderr) = CliRunner.Run("recommend", "");

        exit.Should().Be(2, stderr);
    }
}
