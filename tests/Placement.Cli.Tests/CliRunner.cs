namespace Placement.Cli.Tests;

/// <summary>Runs the tool in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PlacementApp.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWithInput("", args);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Placement.sln not found");
        }
    }

    /// <summary>An example assessment of the embedded default rule set (2.0, rules/examples).</summary>
    public static string Example(string name) => Path.Combine(RepoRoot, "rules", "examples", name);

    /// <summary>Rule set 1.0, kept as a test fixture since 2.0 became the embedded default.</summary>
    public static string Rules10 => Path.Combine(RepoRoot, "tests", "fixtures", "rules-1.0");

    /// <summary>An example assessment of rule set 1.0 (tests/fixtures/rules-1.0/examples).</summary>
    public static string Example10(string name) => Path.Combine(Rules10, "examples", name);

    public static string TempFile(string name, string text)
    {
        var dir = Directory.CreateTempSubdirectory("placement-cli-");
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
