using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Placement.Hosting;
using Xunit.Abstractions;

namespace Placement.Server.Tests;

/// <summary>
/// The tests that measure the process's managed memory run alone (no other test class runs beside
/// them), so what they measure is the service's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresMemory
{
    public const string Name = "Memory";
}

internal static class Memory
{
    /// <summary>
    /// The managed heap after a full, blocking, compacting collection (the large object heap
    /// included). GC.GetTotalMemory is not used: with the regions GC it can under-report, even go
    /// negative (dotnet/runtime#106712).
    /// </summary>
    public static long Settled()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes;
    }

    /// <summary>The bound memory must stay within after a run: twice what it was after the warm-up, plus 16 MiB.</summary>
    public static long Bound(long before) => (2 * before) + (16L * 1024 * 1024);
}

/// <summary>The service on a temporary copy of rules/, which the test rewrites while requests run.</summary>
public sealed class HotReloadServerFixture : ServerFixture
{
    public HotReloadServerFixture()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Placement.sln"))) root = Path.GetDirectoryName(root)!;
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "rules"), "*.yaml")) File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "placement-reload-" + Guid.NewGuid().ToString("N"));

    protected override PlacementServerOptions Options => new() { Urls = "http://127.0.0.1:0", RulesPath = Folder };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// Concurrent POST /recommend while the rule folder is rewritten: valid versions and a syntax error,
/// in turn. Bounded by count (6 workers, at most 20,000 requests) and by time (20 seconds); the
/// workers stop when the last version is served (about 3 seconds, some 8,000 requests, here).
/// </summary>
[Collection(MeasuresMemory.Name)]
public sealed class HotReloadUnderLoadTests(HotReloadServerFixture server, ITestOutputHelper output) : IClassFixture<HotReloadServerFixture>
{
    private const int Workers = 6;
    private const int MaxRequests = 20_000;
    private static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PhaseWait = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task RequestsDuringReloads_AllSucceed_OnAVersionThatWasWritten_AndMemoryStaysBounded()
    {
        var header = Path.Combine(server.Folder, "ruleset.yaml");
        var original = await File.ReadAllTextAsync(header);
        original.Should().Contain("\n  version: 2.0.0\n");
        string Valid(int n) => original.Replace("\n  version: 2.0.0\n", $"\n  version: 2.0.{n}\n", StringComparison.Ordinal);
        // A syntax error (an unclosed flow sequence) in a file that would otherwise say 9.9.9.
        var broken = original.Replace("\n  version: 2.0.0\n", "\n  version: 9.9.9\n  title: [unclosed\n", StringComparison.Ordinal);

        // What each version is, loaded here on its own: the only identities a response may name.
        var valid = new Dictionary<string, string>(StringComparer.Ordinal); // sha256 -> version
        foreach (var text in new[] { original, Valid(1), Valid(2), Valid(3) })
        {
            var rules = LoadCopy(text).RuleSet!;
            valid[rules.Sha256] = rules.Version;
        }

        LoadCopy(broken).RuleSet.Should().BeNull("the broken file does not load");
        valid.Should().HaveCount(4);
        (await ServedSha()).Should().Be(valid.Single(v => v.Value == "2.0.0").Key);

        var engine = server.Services.GetRequiredService<IPlacementEngine>();
        var first = new WeakReference(engine.GetRuleSet());

        // Warm up, then measure.
        for (var i = 0; i < 200; i++) (await Recommend()).Failure.Should().BeNull();
        var before = Memory.Settled();

        var failures = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;
        var clock = Stopwatch.StartNew();
        using var writerDone = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!writerDone.IsCancellationRequested && clock.Elapsed < TimeCap && Interlocked.Increment(ref sent) <= MaxRequests)
            {
                var (version, failure) = await Recommend();
                if (failure is not null) failures.Enqueue(failure);
                else seen.AddOrUpdate(version!, 1, (_, n) => n + 1);
            }
        })).ToArray();

        var phases = new List<string>();
        try
        {
            for (var n = 1; n <= 3; n++)
            {
                if (n > 1)
                {
                    await File.WriteAllTextAsync(header, broken);
                    var failed = await Until(s => s.GetProperty("lastReload") is { ValueKind: JsonValueKind.Object } r && !r.GetProperty("succeeded").GetBoolean());
                    failed.Should().NotBeNull($"the server reports the failed reload after version 2.0.{n - 1}");
                    failed!.Value.GetProperty("version").GetString().Should().Be($"2.0.{n - 1}", "the previous version keeps serving");
                    (await server.Http.GetStringAsync("/health")).Should().Be("Degraded");
                    phases.Add("broken");
                }

                await File.WriteAllTextAsync(header, Valid(n));
                var loaded = await Until(s => s.GetProperty("version").GetString() == $"2.0.{n}" && s.GetProperty("lastReload").GetProperty("succeeded").GetBoolean());
                loaded.Should().NotBeNull($"the server loads version 2.0.{n}");
                valid.Should().Contain(loaded!.Value.GetProperty("sha256").GetString()!, $"2.0.{n}");
                (await server.Http.GetStringAsync("/health")).Should().Be("Healthy");
                phases.Add($"2.0.{n}");
            }
        }
        finally
        {
            await writerDone.CancelAsync();
            await Task.WhenAll(workers);
        }

        var after = Memory.Settled();
        output.WriteLine($"{seen.Values.Sum()} responses in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", seen.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key[..5]}: {v.Value}"))}); managed heap {before:N0} -> {after:N0} bytes, working set {Environment.WorkingSet:N0} bytes");
        phases.Should().Equal("2.0.1", "broken", "2.0.2", "broken", "2.0.3");
        failures.Should().BeEmpty();
        seen.Keys.Should().BeSubsetOf(valid.Select(v => $"{v.Value} {v.Key}"), "every response names a version that was written and loads");
        seen.Values.Sum().Should().BePositive();
        after.Should().BeLessThan(Memory.Bound(before), $"managed memory was {before:N0} bytes after the warm-up");
        first.IsAlive.Should().BeFalse("a replaced rule set is not kept");
    }

    private async Task<(string? Version, string? Failure)> Recommend()
    {
        try
        {
            using var response = await server.Http.PostAsync("/recommend", ResponseText.Json(ResponseText.Iop));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) return (null, $"{(int)response.StatusCode}: {text}");
            var body = JsonDocument.Parse(text).RootElement;
            var ruleSet = body.GetProperty("ruleSet");
            var level = body.GetProperty("decisions").GetProperty("level_of_care").GetProperty("level").GetProperty("id").GetString();
            return level == "iop" && body.GetProperty("status").GetString() == "recommended"
                ? ($"{ruleSet.GetProperty("version").GetString()} {ruleSet.GetProperty("sha256").GetString()}", null)
                : (null, $"a different recommendation: {level}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException)
        {
            return (null, ex.Message);
        }
    }

    private async Task<string?> ServedSha() =>
        JsonDocument.Parse(await server.Http.GetStringAsync("/rulesets")).RootElement[0].GetProperty("sha256").GetString();

    /// <summary>The rule set as GET /rulesets describes it, once it matches; null if it does not within the phase wait.</summary>
    private async Task<JsonElement?> Until(Func<JsonElement, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PhaseWait)
        {
            var described = JsonDocument.Parse(await server.Http.GetStringAsync("/rulesets")).RootElement[0].Clone();
            if (described.GetProperty("lastReload").ValueKind == JsonValueKind.Object && condition(described)) return described;
            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Loads the rule files with <paramref name="header"/> as ruleset.yaml, in a folder of their own.</summary>
    private RuleSetLoadResult LoadCopy(string header)
    {
        var folder = Path.Combine(Path.GetTempPath(), "placement-copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(server.Folder, "*.yaml")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, "ruleset.yaml"), header);
            return RuleSet.TryLoad(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// 2,000 bad requests of eight kinds, 4 at a time: each is the 4xx it should be, with no internals
/// and no answer echoed, and the managed heap afterwards is within a bound of what it was before.
/// </summary>
[Collection(MeasuresMemory.Name)]
public sealed class BadInputMemoryTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int Requests = 2_000;
    private const string Patient = "PATIENT-7731-SECRET";
    private const string Cds = "/cds-services/placement-default-patient-view";

    /// <summary>Over the 1 MiB limit, under Kestrel's own (64 KiB above it): the service reads it and refuses it.</summary>
    private static readonly byte[] Oversized = Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', (1024 * 1024) + (32 * 1024)) + "\"}");

    [Fact]
    public async Task RepeatedBadInput_IsRefusedEveryTime_AndMemoryStaysBounded()
    {
        for (var i = 0; i < 80; i++) (await Send(i)).Should().BeNull();
        var before = Memory.Settled();

        var failures = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                if (await Send(i) is { } failure) failures.Enqueue(failure);
            }
        })));

        var after = Memory.Settled();
        output.WriteLine($"{Math.Min(next, Requests)} requests in {clock.Elapsed.TotalSeconds:F1} s; managed heap {before:N0} -> {after:N0} bytes, working set {Environment.WorkingSet:N0} bytes");
        next.Should().BeGreaterThanOrEqualTo(Requests, "every request was sent within the time cap");
        failures.Should().BeEmpty();
        after.Should().BeLessThan(Memory.Bound(before), $"managed memory was {before:N0} bytes after the warm-up");
    }

    /// <summary>Sends bad request number <paramref name="i"/> (of eight kinds); null when it was answered as it should be.</summary>
    private async Task<string?> Send(int i)
    {
        (string Path, HttpContent Content, int Status) request = (i % 8) switch
        {
            0 => ("/recommend", Sized(), 413),
            1 => ("/recommend", Chunked(), 413),
            2 => ("/recommend", ResponseText.Json("{\"ciwa_ar\": \"" + Patient + "\", "), 400),
            3 => ("/recommend", ResponseText.Json("{\"ciwa_ar\": \"" + Patient + "\", \"age\": \"" + Patient + "\"}"), 400),
            4 => ("/recommend", ResponseText.Json("ciwa_ar: " + Patient, "text/yaml"), 415),
            5 => ("/recommend", ResponseText.Json("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"" + Patient + "\",\"item\":[{\"linkId\":\"ciwa_ar\",\"answer\":[{\"valueString\":\"" + Patient + "\"}]}]}", "application/fhir+json"), 400),
            6 => ("/audit/record", ResponseText.Json("{\"assessment\":{\"ciwa_ar\":\"" + Patient + "\"}}"), 400),
            _ => (Cds, ResponseText.Json("{\"hook\":\"patient-view\",\"hookInstance\":\"" + Patient + "\",\"prefetch\":\"" + Patient + "\"}"), 412),
        };
        var (path, content, status) = request;
        try
        {
            using var response = await server.Http.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != status) return $"kind {i % 8}: {(int)response.StatusCode}, not {status}: {text}";
            if (text.Contains(Patient, StringComparison.Ordinal)) return $"kind {i % 8}: the answer echoes a value: {text}";
            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal)) return $"kind {i % 8}: internals: {text}";
            return null;
        }
        catch (HttpRequestException ex)
        {
            return $"kind {i % 8}: {ex.Message}";
        }
        finally
        {
            content.Dispose();
        }
    }

    private static ByteArrayContent Sized()
    {
        var content = new ByteArrayContent(Oversized);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static StreamContent Chunked()
    {
        var content = new StreamContent(new MemoryStream(Oversized, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
