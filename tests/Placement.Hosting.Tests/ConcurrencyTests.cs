using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Hosting.Tests;

/// <summary>
/// Recommendations from several threads while the rule folder is rewritten again and again, valid
/// and broken versions alternating. Bounded: 12 rewrites, four threads, a few seconds.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ManyThreadsDuringRepeatedReloads_NoCallFails_AndEveryResultIsExactlyWhatItsRuleSetVersionGives()
    {
        using var folder = new RuleFolder(threshold: 1);
        var services = new ServiceCollection().AddPlacement(o =>
        {
            o.AddFolder("payer", folder.Path);
            o.ReloadDelay = TimeSpan.FromMilliseconds(20);
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();

        // What each version gives, worked out single-threaded from its own text: version 1.0.t raises care at a score of t.
        var thresholds = Enumerable.Range(1, 12).ToArray();
        var expected = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var t in thresholds)
        {
            using var copy = new RuleFolder(threshold: t);
            expected["1.0." + t] = RuleSet.Load(copy.Path);
        }

        var scores = Enumerable.Range(0, 21).ToArray();
        var results = new ConcurrentBag<(string Version, string Sha, int Score, string Level)>();
        var failures = new ConcurrentBag<Exception>();
        using var stop = new CancellationTokenSource();
        // Dedicated threads, so the busy callers do not starve the thread pool the watcher and timer run on.
        var workers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
        {
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var score = scores[i++ % scores.Length];
                    var result = engine.Recommend(null, $"score: {score}\nhome: stable\n");
                    var rec = result.Recommendation ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
                    results.Add((rec.RuleSet.Version, rec.RuleSet.Sha256, score, rec.Level("care")!.Id));
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var versionsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in thresholds.Skip(1))
        {
            folder.WriteBroken();
            await Task.Delay(60);
            folder.Write(t);
            (await Wait.UntilAsync(() => engine.GetRuleSet().Version == "1.0." + t)).Should().BeTrue($"version 1.0.{t} is picked up");
            versionsSeen.Add(engine.GetRuleSet().Version);
            await Task.Delay(40);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        failures.Should().BeEmpty("no call fails while rule sets are swapped, whatever the files hold");
        results.Should().NotBeEmpty();
        results.Select(r => r.Version).Distinct().Count().Should().BeGreaterThan(3, "recommendations ran across several versions");
        results.Should().NotContain(r => r.Version == "9.9.9", "a broken rule file never serves");
        foreach (var group in results.GroupBy(r => (r.Version, r.Score)))
        {
            var rules = expected[group.Key.Version];
            var single = rules.Recommend(rules.NewAssessment().Set("score", group.Key.Score).Set("home", "stable").Build());
            foreach (var r in group)
            {
                r.Sha.Should().Be(rules.Sha256, "a version names one rule set");
                r.Level.Should().Be(single.Level("care")!.Id, $"score {r.Score} under {r.Version}");
            }
        }

        versionsSeen.Should().HaveCount(thresholds.Length - 1);
    }
}
