using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Placement.Hosting.Tests;

/// <summary>
/// Logs, metrics and traces an app gets without extra code, collected the way OpenTelemetry would
/// collect them (a <see cref="MeterListener"/> and an <see cref="ActivityListener"/> on the
/// documented names). None of them carries an answer of the assessment.
/// </summary>
public sealed class TelemetryTests
{
    // The home's answer, "unsafe", is a word no level or rule set id contains: it must never appear in telemetry.
    private const string Assessment = "score: 17\nhome: unsafe\n";

    [Fact]
    public void ARecommendation_IsCountedTimedTracedAndLogged_WithoutItsAnswers()
    {
        using var folder = new RuleFolder(threshold: 5, id: "telemetry-rules");
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlacementTelemetry.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var t in tags) copy[t.Key] = t.Value;
            lock (measurements) measurements.Add((i.Name, v, copy));
        }

        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meters.Start();
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PlacementTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(activities);
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        services.AddPlacement(o => o.AddFolder("payer", folder.Path, watch: false));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPlacementEngine>();

        var rec = engine.Recommend("payer", Assessment).Recommendation!;

        var sha = rec.RuleSet.Sha256;
        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> mine;
        lock (measurements) mine = measurements.Where(m => Equals(m.Tags.GetValueOrDefault("placement.ruleset.id"), "telemetry-rules") || Equals(m.Tags.GetValueOrDefault("placement.ruleset.name"), "payer")).ToList();
        mine.Should().Contain(m => m.Instrument == PlacementTelemetry.RecommendationsCounter && m.Value == 1 && Equals(m.Tags["placement.status"], "recommended"));
        mine.Should().Contain(m => m.Instrument == PlacementTelemetry.RecommendationDuration && m.Value >= 0);
        mine.Should().Contain(m => m.Instrument == PlacementTelemetry.LoadDuration && Equals(m.Tags["placement.outcome"], "loaded"));

        Activity span;
        lock (spans) span = spans.Single(a => Equals(a.GetTagItem("placement.ruleset.sha256"), sha));
        span.OperationName.Should().Be("placement.recommend");
        span.GetTagItem("placement.decision.care").Should().Be("high");
        span.GetTagItem("placement.status").Should().Be("recommended");

        var records = logs.GetSnapshot();
        records.Should().Contain(r => r.Id.Id == 1 && r.Id.Name == "RuleSetLoaded" && r.Message.Contains(sha, StringComparison.Ordinal) && r.Message.Contains("2 rules", StringComparison.Ordinal));
        records.Should().Contain(r => r.Id.Id == 3 && r.Id.Name == "RecommendationMade" && r.Level == LogLevel.Debug
            && r.Message.Contains("care=high", StringComparison.Ordinal) && r.Message.Contains(sha, StringComparison.Ordinal));

        // No answer reaches a log, a tag or a span ("unsafe" is the home's answer; numbers are not
        // checked because durations are logged).
        var texts = records.Select(r => r.Message)
            .Concat(mine.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? "")))
            .Concat(span.TagObjects.Select(t => t.Value?.ToString() ?? ""));
        texts.Should().NotContain(t => t.Contains("unsafe", StringComparison.Ordinal));
    }
}
