using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Placement.Hosting.Tests;

/// <summary>
/// The sample app (samples/Placement.Sample.Api) as users run it: its own process, Kestrel on a
/// free loopback port, real HTTP.
/// </summary>
public sealed class SampleAppTests : IAsyncLifetime
{
    private Process? _app;
    private readonly StringBuilder _output = new();

    private Uri Address { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoRoot(), "samples", "Placement.Sample.Api", "bin", configuration, "net10.0", "Placement.Sample.Api.dll");
        File.Exists(dll).Should().BeTrue($"the sample is built with the tests ({dll})");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _app = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_output) _output.AppendLine(e.Data);
            var at = e.Data.IndexOf("Now listening on: ", StringComparison.Ordinal);
            if (at >= 0) listening.TrySetResult(new Uri(e.Data[(at + "Now listening on: ".Length)..].Trim()));
        };
        _app.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        var done = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        done.Should().Be(listening.Task, $"the sample starts and says where it listens:\n{_output}");
        Address = await listening.Task;
        Address.Host.Should().Be("127.0.0.1");
    }

    public Task DisposeAsync()
    {
        if (_app is { HasExited: false }) _app.Kill(entireProcessTree: true);
        _app?.WaitForExit(5000);
        _app?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PostRecommend_ReturnsTheRecommendationJson_NamingTheRuleSet()
    {
        using var http = new HttpClient { BaseAddress = Address };

        using var response = await http.PostAsync("/recommend", new StringContent("""{"withdrawal_substances":["alcohol"],"ciwa_ar":22}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("insufficient", "required answers are missing");
        json.RootElement.GetProperty("decisions").GetProperty("level_of_care").GetProperty("floor").GetProperty("id").GetString().Should().Be("medically_monitored_inpatient");
        json.RootElement.GetProperty("ruleSet").GetProperty("sha256").GetString().Should().Be(RuleSet.LoadDefault().Sha256);
    }

    [Fact]
    public async Task PostRecommend_WithABadAnswer_IsAProblemNamingTheCriterion()
    {
        using var http = new HttpClient { BaseAddress = Address };

        using var response = await http.PostAsync("/recommend", new StringContent("""{"ciwa_ar":"high"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("ciwa_ar")[0].GetString().Should().StartWith("ciwa_ar: expected");
        (await http.GetStringAsync("/health")).Should().Be("Healthy");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Placement.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The README's ASP.NET Core example is the sample app's code, line for line.</summary>
public sealed class ReadmeSampleTests
{
    [Fact]
    public void ReadmeExample_IsTheSampleAppsCode()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Placement.sln"))) root = Path.GetDirectoryName(root)!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```csharp\nusing Placement.Explanations;\nusing Placement.Hosting;", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the README shows the sample");
        var block = readme[(start + "```csharp\n".Length)..readme.IndexOf("```", start + 3, StringComparison.Ordinal)];
        var sample = File.ReadAllLines(Path.Combine(root, "samples", "Placement.Sample.Api", "Program.cs")).Select(l => l.Trim()).ToHashSet();

        foreach (var line in block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var code = line.Contains("  //", StringComparison.Ordinal) ? line[..line.IndexOf("  //", StringComparison.Ordinal)].TrimEnd() : line;
            sample.Should().Contain(l => l.StartsWith(code, StringComparison.Ordinal), "README line '{0}' is in samples/Placement.Sample.Api/Program.cs", code);
        }
    }
}
