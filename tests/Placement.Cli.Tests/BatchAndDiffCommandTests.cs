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

        var (exit, _, stderr) = CliRunner.Run("batch", input, "--out", output, "--parallel", "2", "--rules", Rules);

        exit.Should().Be(0, stderr);
        stderr.Trim().Should().Be("20000 assessments: 10000 recommended, 10000 provisional, 0 insufficient, 0 invalid (skipped)");
        var results = File.ReadAllLines(output);
        results.Should().HaveCount(20000);
        for (var i = 0; i < results.Length; i += 997)
        {
            using var doc = JsonDocument.Parse(results[i]);
            var root = doc.RootElement;
            root.GetProperty("line").GetInt32().Should().Be(i + 1);
            root.GetProperty("decisions").GetProperty("level_of_care").GetProperty("floor").GetString()
                .Should().Be(i % 2 == 0 ? "iop" : "medically_monitored_inpatient");
        }
    }

    [Fact]
    public void Batch_RequiredAnswerMissing_IsCountedAndWrittenAsInsufficient()
    {
        var rules = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: r, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              substance: { type: enum, values: [none, opioid], required: true }
              cows: { type: integer, min: 0, max: 48, risk: increasing }
            rules:
              - { id: r1, when: cows >= 13, require: { care: high }, because: x, source: s }
            """);
        var input = CliRunner.TempFile("in.ndjson", "{\"substance\": \"none\", \"cows\": 3}\n{\"cows\": 20}\n{\"substance\": \"opioid\"}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input, "--rules", rules);

        exit.Should().Be(0, stderr);
        stderr.Trim().Should().Be("3 assessments: 1 recommended, 1 provisional, 1 insufficient, 0 invalid (skipped)");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines[1].GetProperty("status").GetString().Should().Be("insufficient");
        lines[1].GetProperty("missing").EnumerateArray().Select(e => e.GetString()).Should().Equal("substance");
        lines[1].GetProperty("decisions").GetProperty("care").GetProperty("level").GetString().Should().Be("high");
        lines[2].GetProperty("decisions").GetProperty("care").TryGetProperty("level", out _).Should().BeFalse("cows is unknown");
    }

    [Fact]
    public void Batch_InvalidLines_AreReportedWithLineNumbersAndSkipped()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{{\"ciwa_ar\": 99}}\n\n{{\"relapse_rsk\": \"low\"}}\nnot json\n{Severe}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input, "--rules", Rules);

        exit.Should().Be(2);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32())
            .Should().Equal(1, 6);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{input}:2:13: error PL5003: ciwa_ar: out of range; allowed 0 to 67",
            $"{input}:4:2: error PL5001: unknown criterion 'relapse_rsk'; did you mean 'relapse_risk'?",
            $"{input}:5:2: error PL1008: invalid JSON",
            "5 assessments: 1 recommended, 1 provisional, 0 insufficient, 3 invalid (skipped)");
    }

    [Fact]
    public void Batch_Stdin_WithExplain_WritesTheFullExplanation()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(Severe + "\n", "batch", "-", "--rules", Rules, "--explain");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("recommendation").GetProperty("decisions").GetProperty("withdrawal_management")
            .GetProperty("because")[0].GetProperty("rule").GetString().Should().Be("M2");
    }

    private const string IopWithId = """{"id":"A-1","withdrawal_substance":"stimulant","relapse_risk":"moderate","psychiatric_risk":"low","biomedical_risk":"low","harm_risk":"none","readiness_risk":"low","home_stability":"stable","step_down_from":"none","failed_lower_level":false,"withdrawal_complicated":false}""";

    private static JsonElement[] Results(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

    [Fact]
    public void Batch_RecordKey_IsEchoedAndNotReadAsACriterion()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{IopWithId}\n{{\"withdrawal_substance\":\"alcohol\",\"ciwa_ar\":25,\"id\":42}}\n{Severe}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input, "--rules", Rules);

        exit.Should().Be(0, stderr);
        var results = Results(stdout);
        results.Select(r => r.GetProperty("line").GetInt32()).Should().Equal(1, 2, 3);
        results[0].GetProperty("key").GetString().Should().Be("A-1");
        results[0].GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetString().Should().Be("iop");
        results[1].GetProperty("key").GetInt32().Should().Be(42);
        results[2].TryGetProperty("key", out _).Should().BeFalse("a line without a key gets none");
    }

    [Fact]
    public void Batch_RecordKey_IsEchoedWithTheFullExplanation()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(IopWithId + "\n", "batch", "-", "--rules", Rules, "--explain");

        exit.Should().Be(0);
        var result = Results(stdout).Single();
        result.GetProperty("key").GetString().Should().Be("A-1");
        result.GetProperty("recommendation").GetProperty("status").GetString().Should().Be("recommended");
    }

    [Fact]
    public void Batch_InvalidLineWithAKey_ErrorsNameTheKey()
    {
        var input = CliRunner.TempFile("in.ndjson", "{\"id\":\"A-2\",\"ciwa_ar\":99,\"relapse_rsk\":\"low\"}\n{\"ciwa_ar\":99,\"id\":7}\n{\"ciwa_ar\":99}\n");

        var (exit, stdout, stderr) = CliRunner.Run("batch", input, "--rules", Rules);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{input}:1:23: error PL5003: id \"A-2\": ciwa_ar: out of range; allowed 0 to 67",
            $"{input}:1:26: error PL5001: id \"A-2\": unknown criterion 'relapse_rsk'; did you mean 'relapse_risk'?",
            $"{input}:2:12: error PL5003: id 7: ciwa_ar: out of range; allowed 0 to 67",
            $"{input}:3:12: error PL5003: ciwa_ar: out of range; allowed 0 to 67",
            "3 assessments: 0 recommended, 0 provisional, 0 insufficient, 3 invalid (skipped)");
    }

    [Fact]
    public void Batch_KeyThatIsNotAStringOrNumber_IsInvalidAndNeverPrinted()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput("{\"id\":{\"name\":\"Jane Doe\"},\"cows\":3}\n", "batch", "-", "--rules", Rules);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("<stdin>:1:7: error PL5002: id: a record key must be a string or a number").And.NotContain("Jane");
    }

    [Fact]
    public void Batch_KeyOption_NamesAnotherProperty()
    {
        var line = IopWithId.Replace("\"id\"", "\"mrn\"", StringComparison.Ordinal);

        var renamed = CliRunner.RunWithInput(line + "\n", "batch", "-", "--rules", Rules, "--key", "mrn");
        var unknown = CliRunner.RunWithInput(IopWithId + "\n", "batch", "-", "--rules", Rules, "--key", "mrn");

        renamed.Exit.Should().Be(0);
        Results(renamed.Stdout).Single().GetProperty("key").GetString().Should().Be("A-1");
        unknown.Exit.Should().Be(2);
        unknown.Stderr.Should().Contain("error PL5001: unknown criterion 'id'");
    }

    [Fact]
    public void Batch_KeyNamingACriterion_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.RunWithInput(Severe + "\n", "batch", "-", "--rules", Rules, "--key", "ciwa_ar");

        exit.Should().Be(64);
        stderr.Should().Be("placement batch: --key 'ciwa_ar' names an answer in the rule set (a criterion, or one a migration replaces); choose another name for the record key\n".ReplaceLineEndings());
    }

    [Fact]
    public void Batch_DefaultKey_GivesWayToACriterionNamedId()
    {
        var rules = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: ids, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              id: { type: integer, min: 0, max: 10 }
            rules:
              - { id: r, when: id >= 5, require: { care: high }, because: x, source: s }
            """);

        var (exit, stdout, stderr) = CliRunner.RunWithInput("{\"id\":7}\n", "batch", "-", "-r", rules);

        exit.Should().Be(0, stderr);
        var result = Results(stdout).Single();
        result.TryGetProperty("key", out _).Should().BeFalse();
        result.GetProperty("decisions").GetProperty("care").GetProperty("level").GetString().Should().Be("high", "the answer is read, not taken for a key");
    }

    [Fact]
    public void Diff_RecordKey_IsSkippedAndGivenWithEachExample()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{IopWithId}\n{Severe}\n{{\"id\":\"A-3\",\"ciwa_ar\":99}}\n");

        var (exit, stdout, stderr) = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input, "--format", "json");

        exit.Should().Be(2);
        stderr.Should().Contain($"{input}:3:23: error PL5003: id \"A-3\": ciwa_ar: out of range; allowed 0 to 67");
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("compared").GetInt32().Should().Be(2);
        var example = doc.RootElement.GetProperty("decisions").GetProperty("level_of_care").GetProperty("changes")[0].GetProperty("examples")[0];
        example.GetProperty("line").GetInt32().Should().Be(1);
        example.GetProperty("key").GetString().Should().Be("A-1");
    }

    [Fact]
    public void Diff_KeyOption_NamesAnotherProperty()
    {
        var input = CliRunner.TempFile("in.ndjson", IopWithId.Replace("\"id\"", "\"mrn\"", StringComparison.Ordinal) + "\n");

        var (exit, _, stderr) = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input, "--key", "mrn");

        exit.Should().Be(0, stderr);
    }

    private static string ChangedRules()
    {
        var changed = Directory.CreateTempSubdirectory("placement-new-").FullName;
        foreach (var f in Directory.GetFiles(Rules, "*.yaml")) File.Copy(f, Path.Combine(changed, Path.GetFileName(f)));
        var loc = Path.Combine(changed, "level-of-care.yaml");
        File.WriteAllText(loc, File.ReadAllText(loc).Replace("when: relapse_risk >= moderate\n", "when: relapse_risk >= high\n", StringComparison.Ordinal));
        return changed;
    }

    // Batch and diff are tested on rule set 1.0, the test fixture: their counts, orders and
    // examples were worked out on it, and its answers are complete without rule set 2.0's required ones.
    private static string Rules => CliRunner.Rules10;

    [Fact]
    public void Diff_ReportsChangesAsAMatrixWithExamples()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{Severe}\n{Iop}\n");

        var (exit, stdout, stderr) = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input);

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("Compared 3 assessments");
        stdout.Should().Contain("level_of_care: 2 of 3 changed (66.7%)");
        stdout.Should().Contain("  iop -> outpatient: 2 assessment(s), for example:");
        stdout.Should().Contain("withdrawal_management: 0 of 3 changed (0.0%)");
        var lines = stdout.Split('\n');
        var example = Array.FindIndex(lines, l => l.StartsWith("    line 1: ", StringComparison.Ordinal));
        var continued = lines.Skip(example + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim());
        string.Concat(new[] { lines[example]["    line 1: ".Length..] }.Concat(continued)).Should().Be(Iop, "an example is the assessment, wrapped");
    }

    [Fact]
    public void Diff_TextOutput_FitsInOneHundredColumns()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{Severe}\n{Iop}\n");

        var (exit, stdout, _) = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input);

        exit.Should().Be(0);
        stdout.Split('\n').Where(l => l.Length > 100).Should().BeEmpty();
    }

    [Fact]
    public void Diff_NoExamples_LeavesOutThePatientData()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{Severe}\n{Iop}\n");

        var text = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input, "--no-examples");
        var json = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input, "--no-examples", "--format", "json");

        text.Exit.Should().Be(0);
        text.Stdout.Should().Contain("  iop -> outpatient: 2 assessment(s)").And.NotContain("relapse_risk").And.NotContain("line 1");
        json.Exit.Should().Be(0);
        json.Stdout.Should().NotContain("relapse_risk").And.NotContain("examples");
    }

    [Fact]
    public void Diff_FormatJson_GivesCountsMatrixAndExamples()
    {
        var input = CliRunner.TempFile("in.ndjson", $"{Iop}\n{Severe}\n{Iop}\n");

        var (exit, stdout, stderr) = CliRunner.Run("diff", "--old", Rules, "--new", ChangedRules(), input, "--format", "json");

        exit.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("compared").GetInt32().Should().Be(3);
        root.GetProperty("invalid").GetInt32().Should().Be(0);
        root.GetProperty("old").GetProperty("sha256").GetString().Should().Be(RuleSet.Load(Rules).Sha256);
        var care = root.GetProperty("decisions").GetProperty("level_of_care");
        care.GetProperty("changed").GetInt32().Should().Be(2);
        var change = care.GetProperty("changes").EnumerateArray().Should().ContainSingle().Subject;
        (change.GetProperty("old").GetString(), change.GetProperty("new").GetString(), change.GetProperty("count").GetInt32())
            .Should().Be(("iop", "outpatient", 2));
        var example = change.GetProperty("examples")[0];
        example.GetProperty("line").GetInt32().Should().Be(1);
        example.GetProperty("assessment").GetProperty("relapse_risk").GetString().Should().Be("moderate");
        care.GetProperty("matrix").GetProperty("iop").GetProperty("outpatient").GetInt32().Should().Be(2);
    }

    [Fact]
    public void Diff_UndecidedLevels_HaveTheirOwnRowsSoTheMatrixAddsUp()
    {
        var input = CliRunner.TempFile("in.ndjson", "{}\n{\"withdrawal_complicated\": true}\n");
        var (exit, stdout, stderr) = CliRunner.Run("diff", "--old", Rules, "--new", Rules, input, "--format", "json");

        exit.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var total = 0;
        foreach (var decision in doc.RootElement.GetProperty("decisions").EnumerateObject())
        {
            var matrix = decision.Value.GetProperty("matrix");
            var sum = matrix.EnumerateObject().Sum(row => row.Value.EnumerateObject().Sum(cell => cell.Value.GetInt32()));
            sum.Should().Be(2, $"every assessment is counted in {decision.Name}'s matrix");
            total += sum;
        }

        total.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Batch_ALineOverTheLimit_IsReportedAndSkipped_WithoutKeepingIt_AndTheOtherLinesAreRecommended()
    {
        var good = """{"ciwa_ar": 3}""";
        var text = good + "\n{\"note\":\"" + new string('x', 3 * 1024 * 1024) + "\"}\n" + good + "\n";
        var file = CliRunner.TempFile("long.ndjson", text);

        foreach (var (exit, stdout, stderr, name) in new[]
        {
            Append(CliRunner.Run("batch", file), file),
            Append(CliRunner.RunWithInput(text, "batch", "-"), "<stdin>"),
        })
        {
            exit.Should().Be(2);
            stderr.Should().Contain($"{name}:2:1: error PL5009: the line is longer than 1048576 bytes");
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32())
                .Should().Equal(1, 3);
        }

        static (int, string, string, string) Append((int Exit, string Stdout, string Stderr) r, string name) => (r.Exit, r.Stdout, r.Stderr, name);
    }

    [Theory]
    [InlineData(50_000, false, 0)]
    [InlineData(2_000, true, 0)]
    [InlineData(40, false, 600_000)]
    public void Batch_ManyChunks_EachLineGetsItsOwnResult_InInputOrder(int count, bool explain, int keyPadding)
    {
        // Enough lines for several chunks (8,192 lines, 256 with --explain, 4 MiB of input or about
        // 4 MiB of results, whichever comes first), so chunks are reused once written: every result
        // must still be its own line's, and the totals must add up.
        var pad = new string('k', keyPadding);
        var lines = Enumerable.Range(0, count).Select(i =>
            $$"""{"id":"{{pad}}{{i}}","harm_risk":"none","withdrawal_complicated":false,"withdrawal_substances":["alcohol"{{(i % 3 == 0 ? ",\"opioid\"" : "")}}],"ciwa_ar":{{i % 68}},"cows":{{i % 49}},"history_withdrawal_seizure_or_dt":false,"pawss":{{i % 11}},"intoxicated":false,"pregnant":false,"biomedical_risk":"low","psychiatric_risk":"moderate","age":{{12 + (i % 90)}},"moud":"none","sedative_high_risk":false,"home_stability":"unstable","night_support":true,"able_to_attend":true,"relapse_risk":"high","failed_level":"none","readiness_risk":"moderate","step_down_from":"none"}""").ToArray();
        var input = CliRunner.TempFile("in.ndjson", string.Join("\n", lines) + "\n");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out.ndjson");

        var args = new List<string> { "batch", input, "--out", output, "--parallel", "2" };
        if (explain) args.Add("--explain");
        var (exit, _, stderr) = CliRunner.Run([.. args]);

        exit.Should().Be(0, stderr);
        var rules = RuleSet.LoadDefault();
        var statuses = lines.Select(l => rules.Recommend(Assessment.TryParseJson(System.Text.Encoding.UTF8.GetBytes(l), rules, recordKey: "id").Assessment!).Status).ToArray();
        stderr.Trim().Should().Be($"{count} assessments: {statuses.Count(s => s == RecommendationStatus.Recommended)} recommended, "
            + $"{statuses.Count(s => s == RecommendationStatus.Provisional)} provisional, {statuses.Count(s => s == RecommendationStatus.Insufficient)} insufficient, 0 invalid (skipped)");
        var results = File.ReadAllLines(output);
        results.Should().HaveCount(count);
        var step = Math.Max(1, count / 500);
        for (var i = 0; i < count; i += step)
        {
            var parsed = Assessment.TryParseJson(System.Text.Encoding.UTF8.GetBytes(lines[i]), rules, input, i + 1, "id");
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Placement.Explanations.BatchResultJson.Write(writer, rules.Recommend(parsed.Assessment!), i + 1, explain, parsed.RecordKey);
            }

            results[i].Should().Be(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), $"line {i + 1}");
        }
    }
}
