using System.Text.Json;
using Placement.Explanations;

namespace Placement.Tests.Explanations;

/// <summary>Apps store recommendations and assessments as JSON and read them back, equal and re-checked.</summary>
public sealed class PlacementJsonTests
{
    public static TheoryData<string> Examples => new(
        Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "rules", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Recommendation_RoundTrips_EqualToTheOriginal_InTheShapeOfFormatJson(string example)
    {
        var rules = RuleSet.LoadDefault();
        var rec = rules.Recommend(Assessment.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", example)), rules));

        var json = JsonSerializer.Serialize(rec, PlacementJson.Default.Recommendation);
        var back = JsonSerializer.Deserialize(json, PlacementJson.Default.Recommendation)!;

        back.Should().Be(rec);
        back.Should().NotBeSameAs(rec);
        back.Explain().ToJson().Should().Be(rec.Explain().ToJson());
        using var doc = JsonDocument.Parse(json);
        using var cli = JsonDocument.Parse(rec.Explain().ToJson());
        doc.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(cli.RootElement.EnumerateObject().Select(p => p.Name), "the same shape as --format json");
        doc.RootElement.GetProperty("assessment").EnumerateObject().Count().Should().Be(rec.Assessment.Known().Count);
    }

    [Fact]
    public void Assessment_RoundTrips_AsItsAnswers()
    {
        var rules = RuleSet.LoadDefault();
        var a = rules.NewAssessment().Set("withdrawal_substances", ["alcohol", "opioid"]).Set("ciwa_ar", 12).Set("pregnant", false).Set("home_stability", "unsafe").Build();

        var json = JsonSerializer.Serialize(a, PlacementJson.Default.Assessment);

        json.Should().Be("""{"withdrawal_substances":["alcohol","opioid"],"ciwa_ar":12,"pregnant":false,"home_stability":"unsafe"}""");
        JsonSerializer.Deserialize(json, PlacementJson.Default.Assessment).Should().Be(a);
        Assessment.Parse(json, rules).Should().Be(a, "it is the assessment file format");
    }

    [Fact]
    public void Recommendation_ByAnotherRuleSet_NeedsThatRuleSet_AndATamperedResultIsRefused()
    {
        var rules = TestSupport.Rules; // rule set 1.0, not the embedded default
        var rec = TestSupport.Recommend("withdrawal_substance=alcohol, ciwa_ar=21");
        var json = JsonSerializer.Serialize(rec, PlacementJson.For(rules).Recommendation);

        var unknown = () => JsonSerializer.Deserialize(json, PlacementJson.Default.Recommendation);
        unknown.Should().Throw<JsonException>().WithMessage($"*rule set adult-sud-placement 1.0.0 (sha256 {rules.Sha256}), which this context does not know*");
        JsonSerializer.Deserialize(json, PlacementJson.For(rules).Recommendation).Should().Be(rec);

        var level = rec.Floor("level_of_care").Id;
        var tampered = json.Replace($"\"floor\":{{\"id\":\"{level}\"", "\"floor\":{\"id\":\"outpatient\"", StringComparison.Ordinal);
        tampered.Should().NotBe(json);
        var read = () => JsonSerializer.Deserialize(tampered, PlacementJson.For(rules).Recommendation);
        read.Should().Throw<JsonException>().WithMessage("*the stored 'level_of_care' is not what rule set adult-sud-placement 1.0.0 gives*");
    }

    [Fact]
    public void AsAResolver_ItServesOptionsOfAnApp()
    {
        // As in an app whose options already resolve its own types (ASP.NET Core's do by reflection or its own context).
        var options = new JsonSerializerOptions();
        options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        options.TypeInfoResolverChain.Insert(0, PlacementJson.Default);
        var rules = RuleSet.LoadDefault();
        var rec = rules.Recommend(rules.NewAssessment().Set("ciwa_ar", 5).Build());

        var wrapped = JsonSerializer.Serialize(new Dictionary<string, Recommendation> { ["result"] = rec }, options);

        JsonSerializer.Deserialize<Dictionary<string, Recommendation>>(wrapped, options)!["result"].Should().Be(rec);
    }
}
