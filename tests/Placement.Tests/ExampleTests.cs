namespace Placement.Tests;

/// <summary>The example assessments in tests/fixtures/rules-1.0/examples give the levels their names promise.</summary>
public sealed class ExampleTests
{
    // file, status, level_of_care, withdrawal_management
    public static TheoryData<string, string, string, string> Examples => new()
    {
        { "outpatient.yaml", "recommended", "outpatient", "none" },
        { "iop.yaml", "recommended", "iop", "none" },
        { "opioid-ambulatory.json", "recommended", "iop", "ambulatory" },
        { "php.yaml", "recommended", "php", "none" },
        { "residential.yaml", "recommended", "residential", "none" },
        { "medically-monitored-inpatient.yaml", "recommended", "medically_monitored_inpatient", "medically_monitored" },
        { "medically-managed-inpatient.yaml", "recommended", "medically_managed_inpatient", "medically_managed" },
        { "provisional.yaml", "provisional", "outpatient", "ambulatory_extended" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_GivesItsLevel(string file, string status, string levelOfCare, string withdrawal)
    {
        var rules = TestSupport.Rules;
        var text = File.ReadAllText(Path.Combine(TestSupport.Rules10Examples, file));

        var rec = rules.Recommend(Assessment.Parse(text, rules, file));

        rec.Status.ToString().ToLowerInvariant().Should().Be(status);
        rec.Floor("level_of_care").Id.Should().Be(levelOfCare);
        rec.Floor("withdrawal_management").Id.Should().Be(withdrawal);
    }

    [Fact]
    public void Examples_AllAreInTheTable()
    {
        var files = Directory.GetFiles(TestSupport.Rules10Examples).Select(Path.GetFileName);

        files.Should().BeEquivalentTo(Examples.Select(row => (string)row[0]));
    }
}
