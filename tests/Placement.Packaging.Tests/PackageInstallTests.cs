using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Placement.Packaging.Tests;

/// <summary>
/// The packages as users get them: packed into a folder, that folder used as a package source by a
/// new console app (no project reference), and the tool installed from it into a tool path. A
/// package that would not install or run for users fails here. Everything happens in a temporary
/// folder with its own package cache, so no earlier build or cache can stand in for the packages.
/// </summary>
public sealed class PackageInstallTests : IDisposable
{
    private const string ParserMessage = "r.yaml:7:36: error PL3001: invalid condition: unexpected `and`, expected `not` or value";

    private static readonly string Root = FindRoot();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "placement-packages-" + Guid.NewGuid().ToString("N"));

    public PackageInstallTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }

    [Fact]
    public void PackedPackages_InstallFromAFolderSource_AndWorkForAConsumerAppAndAsATool()
    {
        var feed = Path.Combine(_work, "feed");
        var version = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

        // 1. Pack, with build output kept out of the repository's bin and obj folders.
        foreach (var project in new[] { "src/Placement", "src/Placement.Hosting", "src/Placement.Fhir", "src/Placement.Server", "src/Placement.Cli" })
        {
            Run(Root, "dotnet", "pack", project, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(_work, "artifacts"), "--nologo", "-v", "q");
        }

        foreach (var id in new[] { "Placement", "Placement.Hosting", "Placement.Fhir", "Placement.Server", "Placement.Cli" })
        {
            var nupkg = Path.Combine(feed, $"{id}.{version}.nupkg");
            File.Exists(nupkg).Should().BeTrue($"{id} is packed");
            File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")).Should().BeTrue($"{id} has a symbols package");
            using var zip = ZipFile.OpenRead(nupkg);
            var names = zip.Entries.Select(e => e.FullName).ToArray();
            names.Should().Contain("README.md", $"{id} shows a readme on the package page");
            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            metadata.Element(ns + "license")!.Value.Should().Be("MIT");
            metadata.Element(ns + "readme")!.Value.Should().Be("README.md");
            metadata.Element(ns + "description")!.Value.Should().NotBeNullOrWhiteSpace();
            if (id != "Placement.Cli") names.Should().Contain(n => n.EndsWith($"/{id}.xml", StringComparison.Ordinal), $"{id} ships its XML docs");
        }

        // 2. Consumer apps, for .NET 10 and for .NET 8 (LTS), restored from the folder (and the project's
        //    own package source for dependencies). This machine has only the .NET 10 runtime, so the
        //    .NET 8 app runs on it by rolling forward, still with the package's net8.0 assembly.
        var packages = Path.Combine(_work, "packages");
        var upstream = XDocument.Load(Path.Combine(Root, "nuget.config")).Descendants("add").First().Attribute("value")!.Value;
        var fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var config = Path.Combine(_work, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="placement-folder" value="{feed}" />
                <add key="upstream" value="{upstream}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="placement-folder"><package pattern="Placement" /><package pattern="Placement.*" /></packageSource>
                <packageSource key="upstream"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <fallbackPackageFolders><add key="cache" value="{fallback}" /></fallbackPackageFolders>
            </configuration>
            """);
        // Outside the repository: no Directory.Build.props or Directory.Packages.props of ours applies.
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), "<Project />");
        foreach (var framework in new[] { "net10.0", "net8.0" })
        {
            var app = Path.Combine(_work, "consumer-" + framework);
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{framework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <RollForward>Major</RollForward>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Placement.Hosting" Version="{version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using System.Reflection;
                using System.Runtime.Versioning;
                using Microsoft.Extensions.DependencyInjection;
                using Placement;
                using Placement.Explanations;
                using Placement.Hosting;

                using var services = new ServiceCollection().AddPlacement().BuildServiceProvider();
                var engine = services.GetRequiredService<IPlacementEngine>();
                var result = engine.Recommend(null, "withdrawal_substances: [alcohol]\nciwa_ar: 22\n");
                var rec = result.Recommendation!;
                Console.WriteLine($"{rec.Status} floor={rec.Floor("level_of_care").Id} ruleset={rec.RuleSet.Id} {rec.RuleSet.Version}");
                Console.WriteLine("library built for " + typeof(RuleSet).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
                Console.WriteLine(rec.Explain().ToText().Split('\n')[0]);
                var broken = RuleSet.TryLoad([new RuleSource("r.yaml", "ruleset: { id: x, version: 1 }\ncriteria:\n  score: { type: integer, min: 0, max: 9 }\ndecisions:\n  care: { default: low, levels: [ { id: low }, { id: high } ] }\nrules:\n  - { id: r1, when: score >= 3 and and score, require: { care: high }, because: x, source: s }\n")]);
                Console.WriteLine(broken.Diagnostics[0]);
                """);
            var output = Run(app, "dotnet", "run", "--nologo", "-v", "q", "--configfile", config);
            output.Should().Contain("Insufficient floor=medically_monitored_inpatient ruleset=adult-sud-placement 2.0.0");
            output.Should().Contain("library built for .NETCoreApp,Version=v" + framework[3..], $"the {framework} app uses the package's {framework} assembly");
            output.Should().Contain(ParserMessage);
        }

        // Trimmed: the packages are marked trimmable and AOT-compatible, and a trimmed, self-contained
        // app works. The one warning is Superpower's own (IL2104: it looks up token display names by
        // reflection), which the trimmed app shows does not change parser messages.
        var trimmed = Path.Combine(_work, "consumer-net10.0");
        var published = Path.Combine(_work, "trimmed");
        var publish = Run(trimmed, "dotnet", "publish", "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "-p:PublishTrimmed=true", "-p:TreatWarningsAsErrors=false", "-o", published, "--configfile", config, "--nologo");
        var trimWarnings = publish.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"warning IL\d{4}")).Select(l => l.Trim()).Distinct().ToArray();
        trimWarnings.Should().OnlyContain(l => l.Contains("IL2104", StringComparison.Ordinal) && l.Contains("'Superpower'", StringComparison.Ordinal), "Placement and Placement.Hosting trim without warnings");
        Run(published, Path.Combine(published, OperatingSystem.IsWindows() ? "Consumer.exe" : "Consumer"))
            .Should().Contain("Insufficient floor=medically_monitored_inpatient ruleset=adult-sud-placement 2.0.0")
            .And.Contain(ParserMessage, "the parser's messages survive trimming");

        Directory.Exists(Path.Combine(packages, "placement", version)).Should().BeTrue("Placement came from the folder, not a project reference");

        // 3. The tool, installed from the folder into a tool path, run on an example.
        var tools = Path.Combine(_work, "tools");
        Run(_work, "dotnet", "tool", "install", "Placement.Cli", "--version", version, "--tool-path", tools, "--configfile", config);
        var placement = Path.Combine(tools, OperatingSystem.IsWindows() ? "placement.exe" : "placement");
        var recommended = Run(Root, placement, "recommend", Path.Combine(Root, "rules", "examples", "medically-monitored-inpatient.yaml"));
        recommended.Should().Contain("Level of care: Inpatient, medically monitored");
        Run(Root, placement, "--version").Should().Contain(version);
    }

    private static string Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took more than 5 minutes:\n{output}");
        }

        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{file} {string.Join(' ', args)} in {directory} succeeds:\n{output}");
        return output.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Placement.sln not found above " + AppContext.BaseDirectory);
    }
}
