using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Placement.Hosting;

/// <summary>
/// The names under which Placement reports metrics and traces. Add them to OpenTelemetry
/// (<c>AddMeter(PlacementTelemetry.MeterName)</c>, <c>AddSource(PlacementTelemetry.ActivitySourceName)</c>)
/// or listen with a <see cref="MeterListener"/>. Nothing recorded carries an answer of an
/// assessment: only rule set ids, versions, hashes, names, statuses and level ids.
/// </summary>
public static class PlacementTelemetry
{
    /// <summary>The meter's name: <c>Placement</c>.</summary>
    public const string MeterName = "Placement";

    /// <summary>The activity source's name: <c>Placement</c>. Each recommendation is one span, <c>placement.recommend</c>.</summary>
    public const string ActivitySourceName = "Placement";

    /// <summary>Recommendations made, tagged <c>placement.status</c> and <c>placement.ruleset.id</c>.</summary>
    public const string RecommendationsCounter = "placement.recommendations";

    /// <summary>How long each recommendation took, in milliseconds, tagged like <see cref="RecommendationsCounter"/>.</summary>
    public const string RecommendationDuration = "placement.recommendation.duration";

    /// <summary>How long loading a rule set took, in milliseconds, tagged <c>placement.ruleset.name</c> and <c>placement.outcome</c> (loaded or failed).</summary>
    public const string LoadDuration = "placement.ruleset.load.duration";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(PlacementTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(PlacementTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> Recommendations =
        Meter.CreateCounter<long>(RecommendationsCounter, unit: "{recommendation}", description: "Recommendations made, by status and rule set.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>(RecommendationDuration, unit: "ms", description: "Time to make one recommendation.");

    internal static readonly Histogram<double> Load =
        Meter.CreateHistogram<double>(LoadDuration, unit: "ms", description: "Time to load and check a rule set, at start and on each reload.");
}
