using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Placement.Hosting;

/// <summary>
/// The <see cref="IPlacementEngine"/> registered by <c>AddPlacement()</c>: loads every configured
/// rule set when it is created (any error stops the app from starting, with every diagnostic),
/// watches the folders asked for, and records a log entry, two metrics and a span per recommendation.
/// </summary>
public sealed class PlacementEngine : IPlacementEngine, IDisposable
{
    private readonly Dictionary<string, RuleSetSlot> _slots = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Loads the rule sets the options name (the embedded default as <c>default</c> when they name none).</summary>
    /// <param name="options">The options, validated.</param>
    /// <param name="logger">Where to log; null for none.</param>
    /// <param name="timeProvider">The clock for reload times and the reload delay; null for the system clock.</param>
    public PlacementEngine(IOptions<PlacementOptions> options, ILogger<PlacementEngine>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var sets = o.RuleSets.Count == 0
            ? new Dictionary<string, RuleSetOptions> { [PlacementOptions.DefaultName] = new() }
            : o.RuleSets;
        try
        {
            foreach (var (name, set) in sets) _slots[name] = RuleSetSlot.Open(name, set ?? new RuleSetOptions(), _logger, time, o.ReloadDelay);
        }
        catch
        {
            Dispose();
            throw;
        }

        Names = [.. sets.Keys];
        DefaultName = o.DefaultRuleSet
            ?? (_slots.ContainsKey(PlacementOptions.DefaultName) ? PlacementOptions.DefaultName : Names.Count == 1 ? Names[0] : null);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; }

    /// <inheritdoc />
    public string? DefaultName { get; }

    /// <inheritdoc />
    public RuleSet GetRuleSet(string? name = null) => Slot(name).Current;

    /// <inheritdoc />
    public RuleSetStatus GetStatus(string? name = null) => Slot(name).Status;

    /// <inheritdoc />
    public Task<RuleSetStatus> ReloadAsync(string? name = null, CancellationToken cancellationToken = default) =>
        Slot(name).ReloadAsync("asked for", cancellationToken);

    /// <inheritdoc />
    public Recommendation Recommend(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var rules = assessment.RuleSet;
        using var activity = PlacementTelemetry.Source.StartActivity("placement.recommend", ActivityKind.Internal);
        var start = Stopwatch.GetTimestamp();
        var rec = rules.Recommend(assessment);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var status = StatusWord(rec.Status);
        var tags = new TagList { { "placement.status", status }, { "placement.ruleset.id", rules.Id } };
        PlacementTelemetry.Recommendations.Add(1, tags);
        PlacementTelemetry.Duration.Record(elapsed, tags);
        if (activity is not null)
        {
            activity.SetTag("placement.ruleset.id", rules.Id);
            activity.SetTag("placement.ruleset.version", rules.Version);
            activity.SetTag("placement.ruleset.sha256", rules.Sha256);
            activity.SetTag("placement.status", status);
            foreach (var d in rules.Decisions) activity.SetTag("placement.decision." + d.Id, LevelWords(rec, d));
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // guarded by IsEnabled just above
            Log.RecommendationMade(_logger, rules.Id, rules.Version, rules.Sha256, status, Levels(rec), elapsed);
#pragma warning restore CA1873
        }
        return rec;
    }

    /// <inheritdoc />
    public PlacementResult Recommend(string? ruleSet, string assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var rules = GetRuleSet(ruleSet);
        var parsed = Assessment.TryParse(assessment, rules);
        return parsed.Assessment is { } a ? new PlacementResult(Recommend(a), parsed.Diagnostics) : new PlacementResult(null, parsed.Diagnostics);
    }

    /// <inheritdoc />
    public PlacementResult RecommendJson(string? ruleSet, ReadOnlySpan<byte> utf8Json)
    {
        var rules = GetRuleSet(ruleSet);
        var parsed = Assessment.TryParseJson(utf8Json, rules);
        return parsed.Assessment is { } a ? new PlacementResult(Recommend(a), parsed.Diagnostics) : new PlacementResult(null, parsed.Diagnostics);
    }

    /// <inheritdoc />
    public async Task<PlacementResult> RecommendJsonAsync(string? ruleSet, Stream utf8Json, int maxBytes = Assessment.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        var rules = GetRuleSet(ruleSet);
        var parsed = await Assessment.TryParseJsonAsync(utf8Json, rules, "request", maxBytes, cancellationToken).ConfigureAwait(false);
        return parsed.Assessment is { } a ? new PlacementResult(Recommend(a), parsed.Diagnostics) : new PlacementResult(null, parsed.Diagnostics);
    }

    /// <inheritdoc />
    public PlacementResult Recommend(string? ruleSet, IReadOnlyDictionary<string, object?> answers)
    {
        var rules = GetRuleSet(ruleSet);
        var parsed = Assessment.TryFrom(answers, rules);
        return parsed.Assessment is { } a ? new PlacementResult(Recommend(a), parsed.Diagnostics) : new PlacementResult(null, parsed.Diagnostics);
    }

    /// <summary>Stops watching the rule folders.</summary>
    public void Dispose()
    {
        foreach (var slot in _slots.Values) slot.Dispose();
    }

    private RuleSetSlot Slot(string? name)
    {
        var key = name ?? DefaultName
            ?? throw new ArgumentException($"several rule sets are configured ({string.Join(", ", Names)}) and none is the default: name one, or set Placement:DefaultRuleSet", nameof(name));
        return _slots.TryGetValue(key, out var slot)
            ? slot
            : throw new ArgumentException($"no rule set is configured as '{key}'; configured: {string.Join(", ", Names)}", nameof(name));
    }

    private static string StatusWord(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Provisional => "provisional",
        RecommendationStatus.Insufficient => "insufficient",
        _ => "recommended",
    };

    private static string LevelWords(Recommendation rec, Model.Decision d) =>
        rec.Level(d) is { } level ? level.Id : $"{rec.Floor(d).Id}..{rec.Ceiling(d).Id}";

    /// <summary>"level_of_care=php, withdrawal_management=none..ambulatory": level ids only, never an answer.</summary>
    private static string Levels(Recommendation rec)
    {
        var sb = new StringBuilder();
        foreach (var d in rec.RuleSet.Decisions)
        {
            if (sb.Length > 0) sb.Append(", ");
            sb.Append(d.Id).Append('=').Append(LevelWords(rec, d));
        }

        return sb.ToString();
    }
}
