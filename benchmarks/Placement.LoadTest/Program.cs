// Load on POST /recommend over loopback, bounded in count and time:
//   dotnet run -c Release --project benchmarks/Placement.LoadTest -- [requests=100000] [concurrency=32] [url]
// Without a url it starts the service in this process on a free loopback port (client and service
// then share the machine's cores). It refuses any address that is not loopback.
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Placement.Server;

var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;
Uri address;
Microsoft.AspNetCore.Builder.WebApplication? app = null;
if (args.Length > 2)
{
    address = new Uri(args[2]);
}
else
{
    app = PlacementServer.Build(new PlacementServerOptions { Urls = "http://127.0.0.1:0" }, ["--Logging:LogLevel:Default=Warning"]);
    await app.StartAsync();
    address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}

if (!IPAddress.IsLoopback(IPAddress.Parse(address.Host))) throw new InvalidOperationException("load is sent to loopback only");

// A complete assessment, and one with required answers missing, alternating.
string[] bodies =
[
    """{"harm_risk":"none","withdrawal_complicated":false,"withdrawal_substances":["alcohol"],"ciwa_ar":21,"cows":0,"history_withdrawal_seizure_or_dt":false,"pawss":3,"intoxicated":false,"pregnant":false,"biomedical_risk":"low","psychiatric_risk":"moderate","age":40,"moud":"none","sedative_high_risk":false,"home_stability":"unstable","night_support":true,"able_to_attend":true,"relapse_risk":"high","failed_level":"none","readiness_risk":"moderate","step_down_from":"none"}""",
    """{"withdrawal_substances":["alcohol"],"ciwa_ar":14,"home_stability":"stable","night_support":true}""",
];
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };

// Warm-up: JIT and connections.
for (var i = 0; i < 2_000; i++) (await http.PostAsync("/recommend", new StringContent(bodies[i % 2], Encoding.UTF8, "application/json"))).Dispose();
GC.Collect();
var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

var latencies = new double[requests];
var errors = 0;
var next = -1;
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var clock = Stopwatch.StartNew();
var workers = Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < requests && !deadline.IsCancellationRequested)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync("/recommend", new StringContent(bodies[i % 2], Encoding.UTF8, "application/json"), deadline.Token);
            await response.Content.ReadAsByteArrayAsync(deadline.Token);
            if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref errors);
        }

        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}).ToArray();
await Task.WhenAll(workers);
clock.Stop();
var sent = Math.Min(requests, next);
GC.Collect();
var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
var sorted = latencies.Take(sent).Order().ToArray();
double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
Console.WriteLine($"{sent} requests, {concurrency} at a time, in {clock.Elapsed.TotalSeconds:F1} s: {sent / clock.Elapsed.TotalSeconds:F0} a second; " +
    $"latency p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F1} ms; {errors} errors; " +
    $"managed heap after a full collection {memoryBefore / 1024 / 1024.0:F1} MB before, {memoryAfter / 1024 / 1024.0:F1} MB after" + (app is null ? " (client process)" : " (client and service)"));
if (app is not null) await app.StopAsync();
return errors == 0 ? 0 : 1;
