using System.Diagnostics;
using System.Net;
using System.Text;

namespace Placement.Cli.Tests;

/// <summary><c>placement serve</c> as users start it: its own process, a loopback port, real HTTP.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_WithABrokenRuleFolder_PrintsEveryDiagnosticAndExits3_WithoutListening()
    {
        var folder = Directory.CreateTempSubdirectory("placement-serve-").FullName;
        File.WriteAllText(Path.Combine(folder, "ruleset.yaml"), "ruleset: { id: x, version: 1 }\nrules:\n  - { id: r1, when: nope >, because: x, source: s }\n");

        var (exit, _, stderr) = CliRunner.Run("serve", "--rules", folder);

        exit.Should().Be(3);
        stderr.Should().Contain("ruleset.yaml:3:").And.Contain("error PL");
    }

    [Fact]
    public async Task Serve_ListensOnLoopback_AnswersRecommend_AndReloadsAnEditedRuleFolder()
    {
        var folder = Directory.CreateTempSubdirectory("placement-serve-").FullName;
        foreach (var f in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "rules"), "*.yaml")) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Placement.Cli.dll"), "serve", "--rules", folder, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            var at = e.Data.IndexOf("Now listening on: ", StringComparison.Ordinal);
            if (at >= 0) listening.TrySetResult(new Uri(e.Data[(at + "Now listening on: ".Length)..].Trim()));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(30)))).Should().Be(listening.Task, $"serve says where it listens:\n{output}");
            var address = await listening.Task;
            address.Host.Should().Be("127.0.0.1");
            using var http = new HttpClient { BaseAddress = address };

            using var response = await http.PostAsync("/recommend?explain=text", new StringContent("""{"withdrawal_substances":["alcohol"],"ciwa_ar":22}""", Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Rule set: adult-sud-placement 2.0.0");

            // An edit to the folder is picked up without a restart.
            var header = Path.Combine(folder, "ruleset.yaml");
            File.WriteAllText(header, File.ReadAllText(header).Replace("version: 2.0.0", "version: 2.0.1-local", StringComparison.Ordinal));
            var until = DateTime.UtcNow.AddSeconds(20);
            var sets = "";
            while (DateTime.UtcNow < until && !sets.Contains("2.0.1-local", StringComparison.Ordinal))
            {
                await Task.Delay(100);
                sets = await http.GetStringAsync("/rulesets");
            }

            sets.Should().Contain("\"version\":\"2.0.1-local\"", $"the edited folder is reloaded:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_OnATakenPort_SaysSoInOneLineAndExits2()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Placement.Cli.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var stdout = await stdoutTask;

        process.ExitCode.Should().Be(2);
        stderr.Trim().Should().StartWith($"placement serve: cannot listen on http://127.0.0.1:{port}:").And.Contain("address already in use");
        (stdout + stderr).Should().NotContain("   at ", "no stack trace");
    }
}

/// <summary><c>placement questionnaire</c>.</summary>
public sealed class QuestionnaireCommandTests
{
    [Fact]
    public void Questionnaire_WritesTheFhirQuestionnaire_WithAnItemPerCriterion()
    {
        var (exit, stdout, stderr) = CliRunner.Run("questionnaire");

        exit.Should().Be(0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("resourceType").GetString().Should().Be("Questionnaire");
        stdout.Should().Contain("\"linkId\": \"withdrawal_substances\"").And.Contain("\"linkId\": \"ciwa_ar\"");
    }
}
