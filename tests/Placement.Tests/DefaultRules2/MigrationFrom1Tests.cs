namespace Placement.Tests.DefaultRules2;

/// <summary>
/// Assessments written for rule set 1.0 carry over to 2.0: an old id is an error naming the new one,
/// and `placement migrate` turns every 1.0 example into a valid 2.0 assessment, asking again what
/// cannot be mapped (which lower level failed).
/// </summary>
public sealed class MigrationFrom1Tests
{
    public static TheoryData<string> OldExamples => new(
        Directory.GetFiles(TestSupport.Rules10Examples).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(OldExamples))]
    public void Example1_0_MigratesToAValid2_0Assessment(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.Rules10Examples, file));

        Assessment.TryParse(text, V2.Rules, file).Diagnostics.Select(d => d.Code).Should().Contain("PL5007", "1.0 ids are named as replaced");
        var migration = V2.Rules.Migrate(text, file);

        migration.Success.Should().BeTrue(string.Join("\n", migration.Diagnostics));
        var assessment = Assessment.Parse(migration.Text!, V2.Rules, file);
        V2.Rules.Recommend(assessment).Decisions.Should().ContainKey("level_after_withdrawal");
    }

    [Fact]
    public void FailedLowerLevel_True_IsAskedAgainNotGuessed()
    {
        var migration = V2.Rules.Migrate("withdrawal_substance: opioid\nfailed_lower_level: true\n");

        migration.AskAgain.Select(c => c.To).Should().Equal("failed_level");
        var assessment = Assessment.Parse(migration.Text!, V2.Rules);
        assessment.IsKnown("failed_level").Should().BeFalse();
        assessment.Get("withdrawal_substances").Should().Be("[opioid]");
    }

    [Fact]
    public void BlockScalarAnswer_IsNotMigratedInPlaceButReported()
    {
        var migration = V2.Rules.Migrate("withdrawal_substance: >-\n  alcohol\nciwa_ar: 3\n");

        migration.Success.Should().BeFalse();
        migration.Diagnostics.Select(d => (d.Code, d.Line)).Should().Equal(("PL5008", 1));
    }
}
