using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Placement.Hosting.Tests;

/// <summary>Editing a watched rule folder: a good edit replaces the rule set, a bad one is refused and visible.</summary>
public sealed class HotReloadTests
{
    private static ServiceProvider Provider(RuleFolder folder, FakeLogCollector? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null) b.AddProvider(new FakeLoggerProvider(logs));
        });
        services.AddPlacement(o =>
        {
            o.AddFolder("payer", folder.Path);
            o.ReloadDelay = TimeSpan.FromMilliseconds(50);
        });
        services.AddHealthChecks().AddPlacement();
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReport> Health(ServiceProvider provider) =>
        await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    [Fact]
    public async Task AnEditedFolder_IsReloadedInTheBackground_AndTheNewRuleSetServes()
    {
        using var folder = new RuleFolder(threshold: 5);
        var logs = new FakeLogCollector();
        using var provider = Provider(folder, logs);
        var engine = provider.GetRequiredService<IPlacementEngine>();
        engine.Recommend(null, "score: 7\nhome: stable\n").Recommendation!.Level("care")!.Id.Should().Be("high");

        folder.Write(threshold: 9);

        (await Wait.UntilAsync(() => engine.GetRuleSet().Version == "1.0.9")).Should().BeTrue("the watcher reloads the edited folder");
        var rec = engine.Recommend(null, "score: 7\nhome: stable\n").Recommendation!;
        rec.RuleSet.Version.Should().Be("1.0.9");
        rec.Level("care")!.Id.Should().Be("low", "the new threshold applies");
        engine.GetStatus().LastReload!.Succeeded.Should().BeTrue();
        (await Health(provider)).Status.Should().Be(HealthStatus.Healthy);
        logs.GetSnapshot().Should().Contain(r => r.Id.Id == 1 && r.Message.Contains("1.0.9", StringComparison.Ordinal) && r.Message.Contains("files changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABrokenEdit_KeepsTheOldRuleSet_LogsEveryDiagnostic_AndDegradesHealth_UntilFixed()
    {
        using var folder = new RuleFolder(threshold: 5);
        var logs = new FakeLogCollector();
        using var provider = Provider(folder, logs);
        var engine = provider.GetRequiredService<IPlacementEngine>();
        var before = engine.GetRuleSet();

        folder.WriteBroken();

        (await Wait.UntilAsync(() => engine.GetStatus().LastReload is { Succeeded: false })).Should().BeTrue();
        engine.GetRuleSet().Should().BeSameAs(before, "a rule set that does not load never replaces the one serving");
        engine.Recommend(null, "score: 7\nhome: stable\n").Recommendation!.RuleSet.Sha256.Should().Be(before.Sha256);
        var failed = engine.GetStatus().LastReload!;
        failed.Diagnostics.Should().Contain(d => d.IsError && d.File.EndsWith("ruleset.yaml", StringComparison.Ordinal) && d.Line == 11);
        var health = await Health(provider);
        health.Status.Should().Be(HealthStatus.Degraded);
        health.Entries["placement"].Description.Should().Contain("the last reload of payer failed");
        var logged = logs.GetSnapshot().Single(r => r.Id.Id == 2);
        logged.Level.Should().Be(LogLevel.Error);
        logged.Message.Should().Contain("ruleset.yaml:11:").And.Contain("still serving small 1.0.5");

        folder.Write(threshold: 6);

        (await Wait.UntilAsync(() => engine.GetRuleSet().Version == "1.0.6")).Should().BeTrue();
        (await Health(provider)).Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task ReloadAsync_ReloadsNow_AndAnUnchangedFolderReplacesNothing()
    {
        using var folder = new RuleFolder(threshold: 5);
        var services = new ServiceCollection().AddPlacement(o => o.AddFolder("payer", folder.Path, watch: false));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();
        var before = engine.GetRuleSet();

        (await engine.ReloadAsync()).Current.Should().BeSameAs(before, "the same rules are not swapped for an equal copy");
        folder.Write(threshold: 8);
        await Task.Delay(200);
        engine.GetRuleSet().Should().BeSameAs(before, "the folder is not watched");
        (await engine.ReloadAsync()).Current.Version.Should().Be("1.0.8");
    }
}
