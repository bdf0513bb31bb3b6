using System.Text.Json;

namespace Placement.Cli.Tests;

/// <summary><c>placement schema</c>: the JSON Schema of the assessments a rule set accepts.</summary>
public sealed class SchemaCommandTests
{
    [Fact]
    public void Schema_WithoutRules_PrintsTheCheckedInSchemaOfTheDefaultRules()
    {
        var (exit, stdout, stderr) = CliRunner.Run("schema");

        exit.Should().Be(0, stderr);
        stdout.Should().Be(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "schemas", "assessment.schema.json")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Schema_Rules_DescribesThoseCriteria()
    {
        var rules = CliRunner.TempFile("rules.yaml", """
            ruleset: { id: mini, version: 2 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              score: { type: integer, min: 0, max: 10, label: Score }
            rules:
              - { id: r, when: score >= 5, require: { care: high }, because: x, source: s }
            """);

        var (exit, stdout, _) = CliRunner.Run("schema", "-r", rules);

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("title").GetString().Should().Be("Assessment for mini 2");
        doc.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("$schema", "score");
        doc.RootElement.GetProperty("properties").GetProperty("score").GetProperty("maximum").GetInt32().Should().Be(10);
    }

    [Fact]
    public void Schema_Out_WritesTheFile()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("placement-schema-").FullName, "assessment.schema.json");

        var (exit, stdout, _) = CliRunner.Run("schema", "--out", output);

        exit.Should().Be(0);
        stdout.Should().Be($"wrote {output}\n".ReplaceLineEndings());
        File.ReadAllText(output).Should().Be(CliRunner.Run("schema").Stdout);
    }

    [Fact]
    public void Schema_OutIntoAMissingFolder_ExitsTwoNamingTheOutput()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("placement-schema-").FullName, "missing", "a.json");

        var (exit, _, stderr) = CliRunner.Run("schema", "--out", output);

        exit.Should().Be(2);
        stderr.Should().Contain(output);
    }

    [Fact]
    public void Schema_InvalidRules_ExitsThree()
    {
        var rules = CliRunner.TempFile("rules.yaml", "ruleset: { id: x }\n");

        CliRunner.Run("schema", "--rules", rules).Exit.Should().Be(3);
    }
}
