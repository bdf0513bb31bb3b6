using System.Text;
using Placement.Diagnostics;
using Placement.Testing;

namespace Placement.Tests.Migrations;

/// <summary>
/// The <c>migrations:</c> section: loaded and checked with positions, old ids rejected by every
/// assessment reader with a message naming the replacement, and <see cref="RuleSet.Migrate"/>.
/// The rule set is a small stand-in for 1.0 → 2.0 (the real migrations live with rule set 2.0).
/// </summary>
public sealed class MigrationTests
{
    /// <summary>Lines 1-19; a migration section added after it starts on line 20.</summary>
    private const string Rules = """
        ruleset: { id: mini, version: 2.0.0 }
        decisions:
          care:
            levels:
              - { id: outpatient }
              - { id: iop }
              - { id: residential_low_intensity, category: inpatient }
              - { id: residential_high_intensity, category: inpatient }
        criteria:
          withdrawal_substances: { type: set, values: [alcohol, sedative, opioid, other], risk: increasing }
          failed_level: { type: enum, values: [none, outpatient, iop, php], risk: increasing }
          ciwa_ar: { type: integer, min: 0, max: 67, risk: increasing }
          pregnant: { type: boolean, risk: increasing }
        facts:
          severe: { type: boolean }
        rules:
          - { id: r1, when: withdrawal_substances has alcohol and ciwa_ar >= 10, require: { care: iop }, because: x, source: s }
          - { id: r2, when: failed_level >= iop or pregnant, require: { care: residential_low_intensity }, set: { severe: true }, because: x, source: s }
          - { id: r3, when: severe, require: { care: residential_high_intensity }, because: x, source: s }

        """;

    private const string Migrations = """
        migrations:
          withdrawal_substance:
            to: withdrawal_substances
            description: 2.0 lists every substance of current dependence.
            values: { none: [], alcohol: [alcohol], sedative: [sedative], opioid: [opioid], other: [other] }
          failed_lower_level:
            to: failed_level
            values: { true: ask, false: none }
          ciwa:
            to: ciwa_ar

        """;

    private static readonly RuleSet Mini = RuleSet.Load([new RuleSource("rules.yaml", Rules + Migrations)]);

    public static TheoryData<string, string, string, int, int, string> Broken => new()
    {
        // name, migrations section, code, line, column, exact message
        {
            "a from id that is still a criterion",
            "migrations:\n  ciwa_ar: { to: pregnant }\n",
            "PL2008", 21, 3,
            "'ciwa_ar' is still a criterion of this rule set, so answers to it need no migration; a migration is keyed by the id of a criterion that was removed or renamed"
        },
        {
            "a from id that is a fact",
            "migrations:\n  severe: { to: pregnant }\n",
            "PL2008", 21, 3,
            "'severe' is still a fact of this rule set, so answers to it need no migration; a migration is keyed by the id of a criterion that was removed or renamed"
        },
        {
            "an unknown target, with a suggestion",
            "migrations:\n  substance: { to: withdrawal_substance }\n",
            "PL2009", 21, 20,
            "'withdrawal_substance' is not a criterion of this rule set; did you mean 'withdrawal_substances'?; the migration of 'substance' must name the criterion that replaced it"
        },
        {
            "a target that is a decision",
            "migrations:\n  level: { to: care }\n",
            "PL2009", 21, 16,
            "'care' is a decision that the rules derive; the migration of 'level' must name the criterion that replaced it"
        },
        {
            "two migrations into one criterion",
            "migrations:\n  a: { to: ciwa_ar }\n  b: { to: ciwa_ar }\n",
            "PL2009", 22, 3,
            "'ciwa_ar' is already the target of the migration of 'a' at rules.yaml:21:3; each criterion replaces at most one old criterion"
        },
        {
            "a word that is not a value of the set, with a suggestion",
            "migrations:\n  substance: { to: withdrawal_substances, values: { alcohol: [alcohl] } }\n",
            "PL2010", 21, 63,
            "'alcohl' is not a value of 'withdrawal_substances'; did you mean 'alcohol'?; a migrated answer of 'substance' must be one of alcohol, sedative, opioid, other, or 'ask'"
        },
        {
            "a single word for a set",
            "migrations:\n  substance: { to: withdrawal_substances, values: { alcohol: alcohol } }\n",
            "PL2010", 21, 62,
            "'withdrawal_substances' is a set: map each old answer of 'substance' to a list of values from alcohol, sedative, opioid, other ([] for none), or to 'ask'"
        },
        {
            "a word that is not a value of the enum",
            "migrations:\n  failed: { to: failed_level, values: { true: residential } }\n",
            "PL2010", 21, 47,
            "'residential' is not a value of 'failed_level'; a migrated answer of 'failed' must be one of none, outpatient, iop, php, or 'ask'"
        },
        {
            "a number out of the target's range",
            "migrations:\n  ciwa: { to: ciwa_ar, values: { high: 90 } }\n",
            "PL2010", 21, 40,
            "'90' is not a value of 'ciwa_ar'; a migrated answer of 'ciwa' must be a whole number from 0 to 67, or 'ask'"
        },
        {
            "a word for a boolean",
            "migrations:\n  preg: { to: pregnant, values: { yes: maybe } }\n",
            "PL2010", 21, 40,
            "'maybe' is not a value of 'pregnant'; a migrated answer of 'preg' must be true or false, or 'ask'"
        },
        {
            "an empty value map",
            "migrations:\n  preg: { to: pregnant, values: {} }\n",
            "PL2010", 21, 33,
            "the migration of 'preg' maps no values; list each old answer, or leave out 'values' to carry answers over unchanged"
        },
        {
            "no target",
            "migrations:\n  preg: { values: { yes: true } }\n",
            "PL1004", 21, 9,
            "the migration of 'preg' is missing 'to'"
        },
        {
            "an unknown property",
            "migrations:\n  preg: { to: pregnant, value: { yes: true } }\n",
            "PL1003", 21, 25,
            "the migration of 'preg' has no property 'value'; did you mean 'values'?; allowed: to, values, description"
        },
        {
            "an invalid old id",
            "migrations:\n  Old-Id: { to: pregnant }\n",
            "PL2002", 21, 3,
            "'Old-Id' is not a valid migrated criterion id; use lower-case letters, digits and underscores, starting with a letter"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenMigration_IsReportedWithCodePositionAndMessage(string name, string section, string code, int line, int column, string message)
    {
        var result = RuleSet.TryLoad([new RuleSource("rules.yaml", Rules + section)]);

        result.Success.Should().BeFalse(name);
        result.Errors.Should().ContainSingle(name).Which.Should().BeEquivalentTo(
            new { Code = code, Line = line, Column = column, Message = message }, o => o.ExcludingMissingMembers(), name);
    }

    [Fact]
    public void MigrationsInTwoFiles_ForTheSameOldId_AreADuplicate()
    {
        var result = RuleSet.TryLoad([
            new RuleSource("a.yaml", Rules + "migrations:\n  ciwa: { to: ciwa_ar }\n"),
            new RuleSource("b.yaml", "migrations:\n  ciwa: { to: pregnant }\n"),
        ]);

        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "b.yaml:2:3: error PL2001: a migration of 'ciwa' is already declared at a.yaml:21:3");
    }

    [Fact]
    public void ValidMigrations_Load()
    {
        RuleSet.TryLoad([new RuleSource("rules.yaml", Rules + Migrations)]).Diagnostics.Should().BeEmpty();
    }

    // Reading: every reader names the replacement and never the answer.
    [Fact]
    public void TryParse_OldIds_NameTheReplacementAndTheMigration_AllAtOnce()
    {
        var result = Assessment.TryParse("withdrawal_substance: alcohol\nfailed_lower_level: true\nciwa_ar: 99\n", Mini, "a.yaml");

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "a.yaml:1:1: error PL5007: 'withdrawal_substance' was replaced by 'withdrawal_substances' in this rule set; run 'placement migrate' on the assessment, or answer withdrawal_substances instead (a list of values from alcohol, sedative, opioid, other)",
            "a.yaml:2:1: error PL5007: 'failed_lower_level' was replaced by 'failed_level' in this rule set; run 'placement migrate' on the assessment, or answer failed_level instead (one of none, outpatient, iop, php)",
            "a.yaml:3:10: error PL5003: ciwa_ar: out of range; allowed 0 to 67");
        result.Diagnostics[0].Suggestion.Should().Be("withdrawal_substances");
        string.Concat(result.Diagnostics.Select(d => d.Message)).Should().NotContain("alcohol]").And.NotContain("true");
    }

    [Fact]
    public void TryParseJson_OldIds_NameTheReplacement()
    {
        var result = Assessment.TryParseJson("{\"id\":\"A-1\",\"withdrawal_substance\":\"opioid\",\"ciwa\":[1]}"u8, Mini, "in.ndjson", 7, recordKey: "id");

        result.Success.Should().BeFalse();
        result.RecordKey.Should().Be("\"A-1\"");
        result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).Should().Equal(("PL5007", 7, 13), ("PL5007", 7, 45));
        result.Diagnostics[1].Message.Should().StartWith("'ciwa' was replaced by 'ciwa_ar' in this rule set;");
    }

    [Fact]
    public void Builder_OldId_ThrowsNamingTheReplacement()
    {
        var act = () => Mini.NewAssessment().Set("failed_lower_level", true);

        act.Should().Throw<ArgumentException>().WithMessage("'failed_lower_level' was replaced by 'failed_level' in this rule set;*");
    }

    [Fact]
    public void RuleTests_OldIdInACase_IsReportedWithItsPosition()
    {
        var tests = new RuleSource("rules.tests.yaml", """
            tests:
              - name: old
                assessment: { withdrawal_substance: alcohol }
                expect: { levels: { care: outpatient } }
            """);

        var run = RuleTests.Run(Mini, [tests]);

        run.Success.Should().BeFalse();
        run.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ReplacedCriterion)
            .Which.Should().BeEquivalentTo(new { File = "rules.tests.yaml", Line = 3, Column = 19 }, o => o.ExcludingMissingMembers());
    }

    // Migrating.
    [Fact]
    public void Migrate_Yaml_RenamesAndMapsInPlace_KeepingCommentsAndOtherAnswers()
    {
        const string old = """
            # yaml-language-server: $schema=old.schema.json
            withdrawal_substance: alcohol   # from intake
            failed_lower_level: true
            ciwa: 12
            pregnant: false
            """;

        var result = Mini.Migrate(old, "a.yaml");

        result.Diagnostics.Should().BeEmpty();
        result.Success.Should().BeTrue();
        result.Text.Should().Be("""
            # yaml-language-server: $schema=old.schema.json
            withdrawal_substances: [alcohol]   # from intake
            failed_level: null  # ask again: the answer to failed_lower_level cannot be mapped to failed_level
            ciwa_ar: 12
            pregnant: false
            """);
        result.Changes.Should().Equal(
            new MigratedAnswer("withdrawal_substance", "withdrawal_substances", false, new SourceLocation("a.yaml", 2, 1)),
            new MigratedAnswer("failed_lower_level", "failed_level", true, new SourceLocation("a.yaml", 3, 1)),
            new MigratedAnswer("ciwa", "ciwa_ar", false, new SourceLocation("a.yaml", 4, 1)));
        result.AskAgain.Select(c => c.To).Should().Equal("failed_level");

        var assessment = Assessment.Parse(result.Text!, Mini);
        assessment.Get("withdrawal_substances").Should().Be("[alcohol]");
        assessment.IsKnown("failed_level").Should().BeFalse();
        assessment.Get("ciwa_ar").Should().Be("12");
    }

    [Theory]
    [InlineData("withdrawal_substance: none\n", "withdrawal_substances: []\n")]
    [InlineData("failed_lower_level: false\n", "failed_level: none\n")]
    [InlineData("withdrawal_substance: null\n", "withdrawal_substances: null\n")]
    [InlineData("withdrawal_substance:\n", "withdrawal_substances:\n")]
    [InlineData("{ \"withdrawal_substance\": \"sedative\" }", "{ \"withdrawal_substances\": [\"sedative\"] }")]
    [InlineData("{\"failed_lower_level\":true,\"ciwa\":3}", "{\"failed_level\":null,\"ciwa_ar\":3}")]
    [InlineData("\"withdrawal_substance\": 'opioid'\n", "\"withdrawal_substances\": [opioid]\n")]
    [InlineData("pregnant: true\n", "pregnant: true\n")]
    public void Migrate_MapsEachForm(string old, string expected)
    {
        var result = Mini.Migrate(old);

        result.Diagnostics.Should().BeEmpty();
        result.Text.Should().Be(expected);
    }

    [Fact]
    public void Migrate_NothingToMigrate_ReturnsTheTextUnchanged()
    {
        var result = Mini.Migrate("# new already\nwithdrawal_substances: [opioid]\n");

        result.Success.Should().BeTrue();
        result.Changes.Should().BeEmpty();
        result.Text.Should().Be("# new already\nwithdrawal_substances: [opioid]\n");
    }

    [Fact]
    public void Migrate_AnswerTheMigrationDoesNotMap_IsAnError_WithEveryOtherProblem_AndNoAnswerShown()
    {
        var result = Mini.Migrate("withdrawal_substance: heroin\nciwa: 99\nfailed_lower_level: [true]\npregnant: maybe\n", "a.yaml");

        result.Success.Should().BeFalse();
        result.Text.Should().BeNull();
        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "a.yaml:1:23: error PL5008: 'withdrawal_substance' (replaced by 'withdrawal_substances'): the answer is not one the migration maps (allowed: none, alcohol, sedative, opioid, other); answer withdrawal_substances instead (a list of values from alcohol, sedative, opioid, other)",
            "a.yaml:3:21: error PL5008: 'failed_lower_level' (replaced by 'failed_level'): the answer is not one the migration maps (allowed: true, false); answer failed_level instead (one of none, outpatient, iop, php)",
            "a.yaml:2:10: error PL5003: ciwa_ar: out of range; allowed 0 to 67",
            "a.yaml:4:11: error PL5002: pregnant: expected true or false (or null when unknown)");
        string.Concat(result.Diagnostics.Select(d => d.Message)).Should().NotContain("heroin").And.NotContain("maybe").And.NotContain("99");
    }

    [Theory]
    [InlineData("failed_lower_level: \"true\"\n")]
    [InlineData("{\"failed_lower_level\": \"false\"}")]
    [InlineData("failed_lower_level: [true]\n")]
    [InlineData("failed_lower_level: True\n")]
    public void Migrate_AnswerNoReaderAccepts_IsNotMapped(string old)
    {
        var result = Mini.Migrate(old);

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.CannotMigrate);
    }

    [Fact]
    public void Migrate_OldKeyTwice_IsTheYamlErrorOnly()
    {
        var result = Mini.Migrate("withdrawal_substance: alcohol\nwithdrawal_substance: opioid\n", "a.yaml");

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be("a.yaml:2:1: error PL1005: duplicate key 'withdrawal_substance' in this mapping");
    }

    [Fact]
    public void Migrate_OldAndNewBothGiven_IsAnError()
    {
        var result = Mini.Migrate("withdrawal_substance: alcohol\nwithdrawal_substances: [opioid]\n", "a.yaml");

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "a.yaml:1:1: error PL5008: both 'withdrawal_substance' and 'withdrawal_substances' are given, and 'withdrawal_substance' was replaced by 'withdrawal_substances'; remove one of them and run again");
    }

    [Theory]
    [InlineData("[1, 2]", "PL5005")]
    [InlineData("{ \"ciwa\": ", "PL1008")]
    [InlineData("", "PL5005")]
    public void Migrate_NotAnAssessment_SaysWhy(string text, string code)
    {
        var result = Mini.Migrate(text);

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(code);
    }

    [Fact]
    public void MigrateJsonLine_KeepsTheRecordKey_AndPositionsCarryTheLine()
    {
        var ok = Mini.MigrateJsonLine("{\"id\":\"A-1\",\"withdrawal_substance\":\"opioid\",\"failed_lower_level\":false}", "in.ndjson", 4, "id");
        var bad = Mini.MigrateJsonLine("{\"id\":2,\"withdrawal_substance\":\"heroin\"}", "in.ndjson", 5, "id");

        ok.Text.Should().Be("{\"id\":\"A-1\",\"withdrawal_substances\":[\"opioid\"],\"failed_level\":\"none\"}");
        ok.Changes.Select(c => c.Location.Line).Should().Equal(4, 4);
        bad.Success.Should().BeFalse();
        bad.Diagnostics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "PL5008", Line = 5 }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public void Migrate_ThenRecommend_GivesWhatTheNewIdsWouldGive()
    {
        var migrated = Mini.Migrate("withdrawal_substance: alcohol\nciwa: 12\nfailed_lower_level: false\npregnant: false\n");
        var direct = Assessment.Parse("withdrawal_substances: [alcohol]\nciwa_ar: 12\nfailed_level: none\npregnant: false\n", Mini);

        Mini.Recommend(Assessment.Parse(migrated.Text!, Mini)).Level("care")!.Id.Should().Be(Mini.Recommend(direct).Level("care")!.Id).And.Be("iop");
        Encoding.UTF8.GetByteCount(migrated.Text!).Should().BePositive();
    }

    [Fact]
    public void SignOffDocument_ListsEachMappedAnswer()
    {
        var markdown = Placement.Documentation.RuleSetDocument.ToMarkdown(Mini);

        markdown.Should().Contain("## Answers from earlier versions (migrations)");
        markdown.Should().Contain("| `failed_lower_level` | `failed_level` | true | ask again |  |");
        markdown.Should().Contain("| `withdrawal_substance` | `withdrawal_substances` | none | [] | 2.0 lists every substance of current dependence. |");
        markdown.Should().Contain("| `ciwa` | `ciwa_ar` | any | the same answer |  |");
        markdown.IndexOf("## Answers from earlier versions", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("## Sign-off", StringComparison.Ordinal));
    }
}
