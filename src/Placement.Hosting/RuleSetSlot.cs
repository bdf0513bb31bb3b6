using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Placement.Diagnostics;

namespace Placement.Hosting;

/// <summary>
/// One named rule set: the one serving now, replaced atomically by a reload that loads with no
/// error. A folder that is watched is reloaded in the background once it has been quiet for the
/// reload delay. Reloads of one slot never overlap.
/// </summary>
internal sealed class RuleSetSlot : IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private volatile RuleSetStatus _status;
    private bool _disposed;

    private RuleSetSlot(string name, string? path, bool watch, RuleSet initial, ILogger logger, TimeProvider time, TimeSpan delay)
    {
        Name = name;
        Path = path;
        _logger = logger;
        _time = time;
        _delay = delay;
        _status = new RuleSetStatus(name, path, watch && path is not null, initial, time.GetUtcNow(), null);
    }

    public string Name { get; }

    public string? Path { get; }

    /// <summary>The rule set serving now: one reference, read once per call, so a call never sees a mix.</summary>
    public RuleSet Current => _status.Current;

    public RuleSetStatus Status => _status;

    /// <summary>Loads the rule set; a rule set with any error stops the app from starting, with every diagnostic in the message.</summary>
    public static RuleSetSlot Open(string name, RuleSetOptions options, ILogger logger, TimeProvider time, TimeSpan delay)
    {
        var start = Stopwatch.GetTimestamp();
        var path = options.Path;
        RuleSet rules;
        if (path is null)
        {
            rules = RuleSet.LoadDefault();
        }
        else
        {
            var result = Load(path);
            if (result.RuleSet is null)
            {
                PlacementTelemetry.Load.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, Tags(name, "failed"));
                throw new InvalidOperationException(
                    $"Placement rule set '{name}' ({path}) did not load; fix every error below (the app does not start with a rule set that half-loads):"
                    + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Select(d => "  " + d)));
            }

            rules = result.RuleSet;
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        PlacementTelemetry.Load.Record(elapsed, Tags(name, "loaded"));
        Log.RuleSetLoaded(logger, name, rules.Id, rules.Version, rules.Sha256, rules.Rules.Count, elapsed, "start");
        var slot = new RuleSetSlot(name, path, options.Watch, rules, logger, time, delay);
        if (slot._status.Watched) slot.StartWatching();
        return slot;
    }

    /// <summary>Loads the files again; replaces the rule set only when they load with no error.</summary>
    public async Task<RuleSetStatus> ReloadAsync(string reason, CancellationToken cancellationToken)
    {
        if (Path is null) return _status;
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var start = Stopwatch.GetTimestamp();
            var result = Load(Path);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var now = _time.GetUtcNow();
            var old = _status;
            if (result.RuleSet is { } rules)
            {
                PlacementTelemetry.Load.Record(elapsed, Tags(Name, "loaded"));
                var attempt = new ReloadAttempt(now, true, result.Diagnostics);
                if (rules.Sha256 == old.Current.Sha256)
                {
                    Log.RuleSetUnchanged(_logger, Name, rules.Sha256);
                    _status = old with { LastReload = attempt };
                }
                else
                {
                    _status = old with { Current = rules, LoadedAt = now, LastReload = attempt };
                    Log.RuleSetLoaded(_logger, Name, rules.Id, rules.Version, rules.Sha256, rules.Rules.Count, elapsed, reason);
                }
            }
            else
            {
                PlacementTelemetry.Load.Record(elapsed, Tags(Name, "failed"));
                var errors = result.Diagnostics.Count(d => d.IsError);
                Log.RuleSetReloadFailed(_logger, Name, Path, errors, old.Current.Id, old.Current.Version, old.Current.Sha256,
                    string.Join(Environment.NewLine, result.Diagnostics.Select(d => "  " + d)));
                _status = old with { LastReload = new ReloadAttempt(now, false, result.Diagnostics) };
            }

            return _status;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose()
    {
        lock (_reloading)
        {
            if (_disposed) return;
            _disposed = true;
        }

        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private static RuleSetLoadResult Load(string path)
    {
        try
        {
            return RuleSet.TryLoad(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file replaced or removed while it was read: report it like any unreadable file; the next change reloads again.
            return new RuleSetLoadResult(null, [new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "cannot be read while it changes", path, 1, 1)]);
        }
    }

    private static KeyValuePair<string, object?>[] Tags(string name, string outcome) =>
        [new("placement.ruleset.name", name), new("placement.outcome", outcome)];

    private void StartWatching()
    {
        var path = System.IO.Path.GetFullPath(Path!);
        try
        {
            var isFile = File.Exists(path);
            _watcher = new FileSystemWatcher(isFile ? System.IO.Path.GetDirectoryName(path)! : path)
            {
                Filter = isFile ? System.IO.Path.GetFileName(path) : "*",
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Error += (_, e) => Log.WatchFailed(_logger, e.GetException(), Name, path);
            _debounce = _time.CreateTimer(_ => ReloadInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            Log.WatchFailed(_logger, ex, Name, path);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        // Rule files only; every change restarts the quiet period.
        if (!e.FullPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !e.FullPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return;
        _debounce?.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private void ReloadInBackground()
    {
        if (_disposed) return;
        _ = ReloadAsync("files changed", CancellationToken.None).ContinueWith(
            t => Log.ReloadCrashed(_logger, t.Exception!, Name),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
