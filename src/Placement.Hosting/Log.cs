using Microsoft.Extensions.Logging;

namespace Placement.Hosting;

/// <summary>
/// Every log message, source-generated, with stable event ids (documented in docs/hosting.md).
/// None carries an assessment's answers.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RuleSetLoaded", Level = LogLevel.Information,
        Message = "Rule set '{Name}' loaded: {RuleSetId} {Version}, sha256 {Sha256}, {RuleCount} rules, in {ElapsedMs:F1} ms ({Reason})")]
    public static partial void RuleSetLoaded(ILogger logger, string name, string ruleSetId, string version, string sha256, int ruleCount, double elapsedMs, string reason);

    [LoggerMessage(EventId = 2, EventName = "RuleSetReloadFailed", Level = LogLevel.Error,
        Message = "Rule set '{Name}' was not reloaded from {Path}: {ErrorCount} error(s); still serving {RuleSetId} {Version}, sha256 {Sha256}.\n{Diagnostics}")]
    public static partial void RuleSetReloadFailed(ILogger logger, string name, string path, int errorCount, string ruleSetId, string version, string sha256, string diagnostics);

    [LoggerMessage(EventId = 3, EventName = "RecommendationMade", Level = LogLevel.Debug,
        Message = "Recommendation by {RuleSetId} {Version} (sha256 {Sha256}): {Status}, {Levels}, in {ElapsedMs:F3} ms")]
    public static partial void RecommendationMade(ILogger logger, string ruleSetId, string version, string sha256, string status, string levels, double elapsedMs);

    [LoggerMessage(EventId = 4, EventName = "RuleSetUnchanged", Level = LogLevel.Debug,
        Message = "Rule set '{Name}': files changed but the rules did not (sha256 {Sha256}); nothing replaced")]
    public static partial void RuleSetUnchanged(ILogger logger, string name, string sha256);

    [LoggerMessage(EventId = 5, EventName = "RuleSetWatchFailed", Level = LogLevel.Warning,
        Message = "Rule set '{Name}': watching {Path} failed; edits will not be picked up until the app restarts")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string name, string path);

    [LoggerMessage(EventId = 6, EventName = "RuleSetReloadCrashed", Level = LogLevel.Error,
        Message = "Rule set '{Name}': the reload stopped with an unexpected error (a bug to report); still serving the previous rule set")]
    public static partial void ReloadCrashed(ILogger logger, Exception exception, string name);
}
