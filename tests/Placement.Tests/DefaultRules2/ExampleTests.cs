using NJsonSchema;
using Placement.Documentation;
using Placement.Tests.Schemas;

namespace Placement.Tests.DefaultRules2;

/// <summary>
/// The example assessments in rules/examples (rule set 2.0, the embedded default) give the status and levels their comment claims. Each
/// file has a "# Shows:" line in words and a "# expect:" line the test reads: <c>status=...</c>,
/// <c>decision=level</c> for a decided level, <c>floor.decision=level</c> and
/// <c>ceiling.decision=level</c> for a range.
/// </summary>
public sealed class ExampleTests
{
    private static string Folder => Path.Combine(TestSupport.RepoRoot, "rules", "examples");

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_GivesWhatItsCommentClaims(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var lines = text.Split('\n');
        lines[0].Should().Be("# yaml-language-server: $schema=../../schemas/assessment.schema.json", "each example names the assessment schema");
        lines.Should().Contain(l => l.StartsWith("# Shows: ", StringComparison.Ordinal), "each example says what it shows");
        var expect = lines.Single(l => l.StartsWith("# expect: ", StringComparison.Ordinal))["# expect: ".Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var rec = V2.Rules.Recommend(Assessment.Parse(text, V2.Rules, file));

        expect.Should().ContainKey("status");
        foreach (var (key, value) in expect)
        {
            var actual = key switch
            {
                "status" => rec.Status.ToString().ToLowerInvariant(),
                _ when key.StartsWith("floor.", StringComparison.Ordinal) => rec.Floor(key["floor.".Length..]).Id,
                _ when key.StartsWith("ceiling.", StringComparison.Ordinal) => rec.Ceiling(key["ceiling.".Length..]).Id,
                _ => rec.Level(key)?.Id,
            };
            actual.Should().Be(value, $"{file}: {key}");
        }
    }

    [Fact]
    public void SchemaFile_IsWhatRuleSet2Accepts()
    {
        var file = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "schemas", "assessment.schema.json")).ReplaceLineEndings("\n");

        (file == AssessmentSchema.ToJson(V2.Rules)).Should().BeTrue(
            "schemas/assessment.schema.json must be generated from rules/: dotnet run --project src/Placement.Cli -- schema --out schemas/assessment.schema.json");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Example_ValidatesAgainstTheSchema(string file)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestSupport.RepoRoot, "schemas", "assessment.schema.json"));
        var text = File.ReadAllText(Path.Combine(Folder, file));

        Assessment.TryParse(text, V2.Rules, file).Diagnostics.Should().BeEmpty();
        schema.Errors(SchemaFiles.YamlToJson(text)).Should().BeEmpty();
    }

    [Fact]
    public void Examples_CoverEveryLevelOfEveryDecision_AndTheNamedSituations()
    {
        var reached = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Folder))
        {
            var rec = V2.Rules.Recommend(Assessment.Parse(File.ReadAllText(file), V2.Rules, file));
            foreach (var decision in V2.Rules.Decisions)
            {
                if (rec.Level(decision) is { } level) reached.Add($"{decision.Id}={level.Id}");
            }

            reached.Add(rec.Status.ToString().ToLowerInvariant());
        }

        foreach (var decision in V2.Rules.Decisions)
        {
            foreach (var level in decision.Levels) reached.Should().Contain($"{decision.Id}={level.Id}");
        }

        reached.Should().Contain(["recommended", "provisional", "insufficient"]);
        Directory.GetFiles(Folder).Select(Path.GetFileName).Should().Contain(
            ["polysubstance.yaml", "pregnancy-opioid.yaml", "moud-maintenance.yaml", "phone-screen-insufficient.yaml", "provisional.yaml"]);
        Directory.GetFiles(Folder).Should().HaveCountGreaterThanOrEqualTo(12);
    }
}
