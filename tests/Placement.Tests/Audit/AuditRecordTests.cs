using System.Text.Json;
using Placement.Audit;

namespace Placement.Tests.Audit;

/// <summary>Overrides and audit records: what was recommended, what was done and why, and whether it reproduces.</summary>
public sealed class AuditRecordTests
{
    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    private static Recommendation Example(string name) =>
        Rules.Recommend(Assessment.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", name)), Rules));

    [Fact]
    public void ARecord_HoldsTimeRuleSetAnswersResultAndOverride_AndReproduces()
    {
        var rec = Example("php.yaml");
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        var o = PlacementOverride.Create(rec, "level_of_care", "iop", OverrideReasons.ServiceNotAvailable, "no PHP within reach");

        var json = AuditRecord.Create(rec, at, o);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("recordedAt").GetDateTimeOffset().Should().Be(at);
        root.GetProperty("ruleSet").GetProperty("sha256").GetString().Should().Be(Rules.Sha256);
        root.GetProperty("assessment").GetProperty("relapse_risk").GetString().Should().NotBeNull();
        root.GetProperty("result").GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetString().Should().Be("php");
        root.GetProperty("override").GetProperty("indicated").GetString().Should().Be("php");
        root.GetProperty("override").GetProperty("actual").GetString().Should().Be("iop");
        var verified = AuditRecord.Verify(json);
        verified.Problem.Should().BeNull();
        verified.Differences.Should().BeEmpty();
        verified.Reproduces.Should().BeTrue();
        AuditRecord.Verify(AuditRecord.Create(Rules.Recommend(Rules.NewAssessment().Set("ciwa_ar", 3).Build()), at)).Differences.Should().BeEmpty("a record of an insufficient recommendation reproduces too");
    }

    [Fact]
    public void ATamperedOrForeignRecord_DoesNotReproduce_AndSaysWhy()
    {
        var json = AuditRecord.Create(Example("php.yaml"), DateTimeOffset.UtcNow);

        var tampered = AuditRecord.Verify(json.Replace("\"level\": \"php\"", "\"level\": \"iop\"", StringComparison.Ordinal));
        tampered.Reproduces.Should().BeFalse();
        tampered.Differences.Should().Contain("decisions level_of_care level: recorded \"iop\", now \"php\"");

        var foreign = AuditRecord.Verify(json.Replace(Rules.Sha256, new string('0', 64), StringComparison.Ordinal));
        foreign.Problem.Should().StartWith("the record was made by rule set adult-sud-placement 2.0.0 (sha256 0000");
        AuditRecord.Verify("{}").Problem.Should().Be("not an audit record: it needs the objects 'ruleSet', 'assessment' and 'result'");
    }

    [Fact]
    public void ServiceNotAvailable_SuggestsTheNextMoreIntensiveLevel_NeverLess()
    {
        var rec = Example("iop.yaml");

        PlacementOverride.SuggestWhenUnavailable(rec, "level_of_care")!.Id.Should().Be("php");
        PlacementOverride.SuggestWhenUnavailable(Example("medically-managed-inpatient.yaml"), "level_of_care").Should().BeNull("nothing is more intensive");
        var bad = () => PlacementOverride.Create(rec, "level_of_care", "iop", "weather");
        bad.Should().Throw<ArgumentException>().WithMessage("'weather' is not an override reason; reasons: service-not-available, *");
    }

    [Theory]
    [InlineData("""{"ruleSet": 1, "assessment": {}, "result": {}}""")]
    [InlineData("""{"ruleSet": [], "assessment": {}, "result": {}}""")]
    [InlineData("""{"ruleSet": {}, "assessment": "x", "result": {}}""")]
    [InlineData("""{"ruleSet": {}, "assessment": {}, "result": null}""")]
    [InlineData("""[1]""")]
    public void ARecordOfTheWrongShape_IsRefused_NotAnException(string json)
    {
        var verification = AuditRecord.Verify(json);

        verification.Reproduces.Should().BeFalse();
        verification.Problem.Should().StartWith("not an audit record");
    }
}
