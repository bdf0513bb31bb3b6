using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Placement.Hosting.Tests;

/// <summary>What an app developer sees from <c>AddPlacement()</c>: the engine, named rule sets, checks at start.</summary>
public sealed class DependencyInjectionTests
{
    private static IHost Build(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder);
        return builder.Build();
    }

    [Fact]
    public async Task AddPlacement_WithNothingConfigured_ServesTheEmbeddedDefaultRulesAsDefault()
    {
        using var host = Build(b => b.Services.AddPlacement());
        await host.StartAsync();

        var engine = host.Services.GetRequiredService<IPlacementEngine>();
        engine.Names.Should().Equal("default");
        engine.DefaultName.Should().Be("default");
        host.Services.GetRequiredService<IPlacementEngine>().Should().BeSameAs(engine, "the engine is a singleton");

        var result = engine.Recommend(null, "withdrawal_substances: [alcohol]\nciwa_ar: 22\n");
        result.Success.Should().BeTrue();
        result.Recommendation!.RuleSet.Sha256.Should().Be(RuleSet.LoadDefault().Sha256, "every recommendation states the rule set that made it");
        result.Recommendation.Floor("level_of_care").Id.Should().Be("medically_monitored_inpatient");
        await host.StopAsync();
    }

    [Fact]
    public async Task Configuration_ServesSeveralNamedRuleSetsSideBySide()
    {
        using var payer = new RuleFolder(threshold: 5, id: "payer-rules");
        using var state = new RuleFolder(threshold: 15, id: "state-rules");
        using var host = Build(b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Placement:DefaultRuleSet"] = "payer",
                ["Placement:RuleSets:payer:Path"] = payer.Path,
                ["Placement:RuleSets:state:Path"] = state.Path,
                ["Placement:RuleSets:state:Watch"] = "false",
                ["Placement:RuleSets:asam:Path"] = null,
            });
            b.Services.AddPlacement(b.Configuration.GetSection(PlacementOptions.SectionName));
        });
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<IPlacementEngine>();

        engine.Names.Should().BeEquivalentTo(["payer", "state", "asam"]);
        engine.Recommend(null, "score: 10\nhome: stable\n").Recommendation!.Level("care")!.Id.Should().Be("high", "the payer's rules raise care at 5");
        engine.Recommend("state", "score: 10\nhome: stable\n").Recommendation!.Level("care")!.Id.Should().Be("low", "the state's raise it at 15");
        engine.GetRuleSet("state").Id.Should().Be("state-rules");
        engine.GetRuleSet("asam").Sha256.Should().Be(RuleSet.LoadDefault().Sha256, "a rule set without a path is the embedded default");
        engine.GetStatus("state").Watched.Should().BeFalse();
        engine.GetStatus("payer").Watched.Should().BeTrue();
        await host.StopAsync();
    }

    [Fact]
    public async Task BadOptions_StopTheAppAtStart_NamingEveryConfigurationKey()
    {
        using var host = Build(b => b.Services.AddPlacement(o =>
        {
            o.AddFolder("payer", "/no/such/folder");
            o.DefaultRuleSet = "medicaid";
            o.ReloadDelay = TimeSpan.FromMinutes(5);
        }));

        var start = () => host.StartAsync();

        var ex = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        ex.Failures.Should().HaveCount(3);
        ex.Message.Should().Contain("Placement:RuleSets:payer:Path: no folder or file '/no/such/folder'")
            .And.Contain("Placement:DefaultRuleSet: 'medicaid' is not one of the rule sets (payer)")
            .And.Contain("Placement:ReloadDelay");
    }

    [Fact]
    public async Task ARuleSetWithErrors_StopsTheAppAtStart_WithEveryDiagnostic()
    {
        using var folder = new RuleFolder();
        folder.WriteBroken();
        using var host = Build(b => b.Services.AddPlacement(o => o.AddFolder("payer", folder.Path)));

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain("Placement rule set 'payer'").And.Contain("does not start with a rule set that half-loads")
            .And.MatchRegex(@"ruleset\.yaml:11:\d+: error PL\d{4}");
    }

    [Fact]
    public void SeveralRuleSetsWithoutADefault_ACallMustNameOne()
    {
        using var a = new RuleFolder();
        using var b = new RuleFolder();
        var services = new ServiceCollection().AddPlacement(o => o.AddFolder("a", a.Path, watch: false).AddFolder("b", b.Path, watch: false));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();

        engine.DefaultName.Should().BeNull();
        var call = () => engine.Recommend(null, "score: 1");
        call.Should().Throw<ArgumentException>().WithMessage("*several rule sets are configured (a, b) and none is the default*");
        var unknown = () => engine.GetRuleSet("c");
        unknown.Should().Throw<ArgumentException>().WithMessage("*no rule set is configured as 'c'; configured: a, b*");
    }

    [Fact]
    public void InvalidAssessment_IsAResultWithDiagnosticsNamingTheCriterion_NotAnException()
    {
        var services = new ServiceCollection().AddPlacement();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();

        var result = engine.RecommendJson(null, """{"ciwa_ar": 500, "pregnant": "maybe"}"""u8);

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.Message).Should().Contain(m => m.StartsWith("ciwa_ar: out of range", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("pregnant:", StringComparison.Ordinal));
        result.Diagnostics.Should().NotContain(d => d.Message.Contains("500", StringComparison.Ordinal) || d.Message.Contains("maybe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Engine_ReadsDictionariesAndStreams_AndRefusesAnOversizedBody()
    {
        var services = new ServiceCollection().AddPlacement();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();

        engine.Recommend(null, new Dictionary<string, object?> { ["withdrawal_substances"] = new[] { "alcohol" }, ["ciwa_ar"] = 22 })
            .Recommendation!.Floor("level_of_care").Id.Should().Be("medically_monitored_inpatient");
        using var body = new MemoryStream("""{"withdrawal_substances":["alcohol"],"ciwa_ar":22}"""u8.ToArray());
        (await engine.RecommendJsonAsync(null, body)).Recommendation!.Floor("level_of_care").Id.Should().Be("medically_monitored_inpatient");

        using var huge = new MemoryStream(new byte[2 * Assessment.DefaultMaxBytes]);
        var refused = await engine.RecommendJsonAsync(null, huge);
        refused.Success.Should().BeFalse();
        refused.Diagnostics.Should().ContainSingle(d => d.Code == "PL5009");
    }
}
