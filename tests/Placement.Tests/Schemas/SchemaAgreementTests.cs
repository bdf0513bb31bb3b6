using System.Text.Json.Nodes;

namespace Placement.Tests.Schemas;

/// <summary>The JSON Schemas in schemas/ agree with the loader: editors flag what the loader rejects.</summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string> AcceptedRuleFiles()
    {
        var data = new TheoryData<string>();
        data.Add(TestSupport.MiniHeader + "\nrules:\n  - { id: r-1.a, title: T, when: flag, set: { alarm: true }, because: x, note: n, source: s }\n");
        data.Add(TestSupport.MiniHeader + "\nrules:\n  - { id: f1, when: flag, flag: 'Review {score}.', source: s }\n");
        data.Add(TestSupport.MiniHeader + "\nrules:\n  - { id: f1, when: flag, require: { care: high }, because: x, flag: Review., note: n, source: s }\n");
        data.Add("ruleset: { id: x, version: 2 }\ndecisions:\n  d: { levels: [ { id: lo, codes: { asam3: 1 } }, { id: hi, category: inpatient } ] }\n");
        data.Add("""
            ruleset: { id: x, version: 1 }
            types:
              substance: { values: [alcohol, opioid, sedative] }
            decisions:
              d: { levels: [ { id: lo }, { id: hi } ] }
            criteria:
              current: { type: set, of: substance, risk: increasing, label: Current substances }
              past: { type: set, values: [alcohol, opioid, other], risk: none }
              score: { type: integer, min: 0, max: 9 }
            rules:
              - { id: r1, when: 'current has any [alcohol, sedative] and score in 3..5', require: { d: hi }, because: 'x {current}', source: s }
              - { id: r2, when: 'count(past) >= 2 or current has all [opioid, sedative] or score in [7, 9]', require: { d: hi }, because: x, source: s }
            """);
        data.Add("""
            ruleset: { id: x, version: 1 }
            decisions:
              d: { levels: [ { id: lo }, { id: hi } ] }
            criteria:
              substance: { type: enum, values: [none, opioid], required: true, ask: 1 }
              cows: { type: integer, min: 0, max: 48, required: substance == opioid, ask: 2 }
              flag: { type: boolean, required: false }
            rules:
              - { id: r1, when: cows >= 13, require: { d: hi }, because: x, source: s }
            """);
        data.Add("""
            ruleset: { id: x, version: 2.0.0 }
            decisions:
              d: { levels: [ { id: lo }, { id: hi } ] }
            criteria:
              substances: { type: set, values: [alcohol, opioid], risk: increasing }
              failed: { type: enum, values: [none, iop], risk: increasing }
              score: { type: integer, min: 0, max: 9 }
              flag: { type: boolean }
              other: { type: boolean }
            rules:
              - { id: r1, when: 'substances has alcohol or failed == iop or score > 3 or flag or other', require: { d: hi }, because: x, source: s }
            migrations:
              substance:
                to: substances
                description: 2.0 lists every substance.
                values: { none: [], alcohol: [alcohol], opioid: [opioid] }
              failed_lower: { to: failed, values: { true: ask, false: none } }
              old_score: { to: score, values: { high: 9, low: 0 } }
              old_flag: { to: flag, values: { yes: true, no: false } }
              renamed: { to: other }
            """);
        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedRuleFiles))]
    public async Task RuleFileTheLoaderAccepts_ValidatesAgainstTheSchema(string yaml)
    {
        var schema = await SchemaFiles.LoadAsync("ruleset.schema.json");

        TestSupport.Load(yaml).Errors.Should().BeEmpty();

        schema.Errors(SchemaFiles.YamlToJson(yaml)).Should().BeEmpty();
    }

    [Fact]
    public async Task DefaultRuleFiles_LoadTogetherAndEachValidatesAgainstTheSchema()
    {
        var schema = await SchemaFiles.LoadAsync("ruleset.schema.json");
        var folder = Path.Combine(TestSupport.RepoRoot, "rules");
        RuleSet.TryLoad(folder).Errors.Should().BeEmpty();

        foreach (var f in Directory.GetFiles(folder, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            schema.Errors(SchemaFiles.YamlToJson(File.ReadAllText(f))).Should().BeEmpty(f);
        }
    }

    // Structurally broken rule files: the loader's code, and the schema must reject them too.
    public static TheoryData<string, string> StructurallyBroken => new()
    {
        { "ruleset: { id: x, version: 1 }\nrulez: []\n", "PL1003" },
        { "ruleset: { id: x }\n", "PL1004" },
        { "ruleset: { id: x, version: 1 }\nrules: { id: r1 }\n", "PL1002" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: boolean, labl: A }\n", "PL1003" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { label: A }\n", "PL1004" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  a: { type: boolean, risk: higher }\n", "PL1007" },
        { "ruleset: { id: x, version: 1 }\ndecisions:\n  d: { levels: [ { id: lo, category: acute }, { id: hi } ] }\n", "PL1007" },
        { "ruleset: { id: x, version: 1 }\ndecisions:\n  d: { levels: [ { name: Low }, { id: hi } ] }\n", "PL1004" },
        { "ruleset: { id: x, version: 1 }\ndecisions:\n  d: { levels: [ { id: lo } ] }\n", "PL2005" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  Bad-Id: { type: boolean }\n", "PL2002" },
        { "ruleset: { id: x, version: 1 }\ntypes:\n  r: { values: [a] }\n", "PL2005" },
        { "ruleset: { id: x, version: 1 }\nrules:\n  - { id: r1, wen: x }\n", "PL1003" },
        { "ruleset: { id: x, version: 1 }\nrules:\n  - { id: 1r, when: x }\n", "PL2002" },
        { "ruleset: { id: x, version: 1 }\nfacts:\n  f: { type: boolean, output: maybe }\n", "PL1007" },
        { "ruleset: { id: x, version: 1 }\ntypes:\n  t: { values: [a, b] }\nfacts:\n  f: { type: t, of: t }\n", "PL1003" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  s: { type: set, values: [a] }\n", "PL2005" },
        { "ruleset: { id: x, version: 1 }\ncriteria:\n  s: { type: set, of: [a, b] }\n", "PL1002" },
        { "ruleset: { id: x, version: 1 }\nrules:\n  - { id: r1, when: x, flags: y }\n", "PL1003" },
        { "ruleset: { id: x, version: 1 }\nmigrations:\n  old: { values: { a: b } }\n", "PL1004" },
        { "ruleset: { id: x, version: 1 }\nmigrations:\n  old: { to: x, value: { a: b } }\n", "PL1003" },
        { "ruleset: { id: x, version: 1 }\nmigrations:\n  Old: { to: x }\n", "PL2002" },
        { "ruleset: { id: x, version: 1 }\nmigrations:\n  - { to: x }\n", "PL1002" },
    };

    [Theory]
    [MemberData(nameof(StructurallyBroken))]
    public async Task StructurallyBrokenRuleFile_IsRejectedByLoaderAndSchema(string yaml, string code)
    {
        var schema = await SchemaFiles.LoadAsync("ruleset.schema.json");

        TestSupport.Load(yaml).Errors.Select(d => d.Code).Should().Contain(code);

        schema.Errors(SchemaFiles.YamlToJson(yaml)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task DefaultTestFile_ValidatesAgainstTheTestSchema()
    {
        var schema = await SchemaFiles.LoadAsync("tests.schema.json");
        var yaml = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "default.tests.yaml"));

        schema.Errors(SchemaFiles.YamlToJson(yaml)).Should().BeEmpty();
    }

    [Fact]
    public async Task TestFileWithSetLists_ValidatesAgainstTheTestSchemaAndRuns()
    {
        var schema = await SchemaFiles.LoadAsync("tests.schema.json");
        var rules = TestSupport.Load(TestSupport.SetsHeader).RuleSet!;
        const string yaml = "base: { subs: [], score: 1 }\ntests:\n  - { name: a, assessment: { subs: [alcohol, opioid] }, expect: { levels: { care: low } } }\n";

        Placement.Testing.RuleTests.Run(rules, [new RuleSource("t.tests.yaml", yaml)]).Diagnostics.Should().BeEmpty();
        schema.Errors(SchemaFiles.YamlToJson(yaml)).Should().BeEmpty();
        schema.Errors(SchemaFiles.YamlToJson(yaml.Replace("[alcohol, opioid]", "[[alcohol]]", StringComparison.Ordinal))).Should().NotBeEmpty();
    }

    public static TheoryData<string> BrokenTestFiles => new()
    {
        "tests:\n  - { name: a, expect: { levels: { care: high } }, extra: 1 }\n",
        "tests:\n  - { expect: {} }\n",
        "tests:\n  - { name: a, expect: { status: final } }\n",
        "tests:\n  - { name: a, expect: { fird: [r] } }\n",
        "tests:\n  - { name: a, expect: { flags: { r: x } } }\n",
        "base: []\ntests: []\n",
    };

    [Theory]
    [MemberData(nameof(BrokenTestFiles))]
    public async Task StructurallyBrokenTestFile_IsRejectedByRunnerAndSchema(string yaml)
    {
        var schema = await SchemaFiles.LoadAsync("tests.schema.json");
        var rules = TestSupport.Load(TestSupport.MiniHeader).RuleSet!;

        Placement.Testing.RuleTests.Run(rules, [new RuleSource("t.tests.yaml", yaml)]).Diagnostics.Should().Contain(d => d.IsError);
        schema.Errors(SchemaFiles.YamlToJson(yaml)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("ruleset.schema.json")]
    [InlineData("tests.schema.json")]
    [InlineData("recommendation.schema.json")]
    [InlineData("diagnostics.schema.json")]
    [InlineData("batch-line.schema.json")]
    [InlineData("assessment.schema.json")]
    public void Schema_DescribesEveryPropertyAndRejectsUnknownOnes(string name)
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaFiles.PathOf(name)))!;
        var undescribed = new List<string>();
        var open = new List<string>();
        Walk(schema, "$", undescribed, open);

        undescribed.Should().BeEmpty("every property has a description");
        open.Should().BeEmpty("every object with fixed properties rejects unknown ones");
    }

    [Fact]
    public void EveryYamlFileOfTheRuleSet_ReferencesItsSchemaOnTheFirstLine()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "rules"), "*.yaml"))
        {
            var schema = f.EndsWith(".tests.yaml", StringComparison.Ordinal) ? "tests.schema.json" : "ruleset.schema.json";
            File.ReadLines(f).First().Should().Be($"# yaml-language-server: $schema=../schemas/{schema}", f);
        }
    }

    private static void Walk(JsonNode? node, string path, List<string> undescribed, List<string> open)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject props)
            {
                foreach (var (key, value) in props)
                {
                    if (value?["description"] is null) undescribed.Add($"{path}.properties.{key}");
                }

                if (obj["additionalProperties"] is not JsonValue v || v.GetValue<bool>()) open.Add(path);
            }

            foreach (var (key, value) in obj) Walk(value, $"{path}.{key}", undescribed, open);
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", undescribed, open);
        }
    }
}
