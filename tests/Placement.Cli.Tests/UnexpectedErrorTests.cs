namespace Placement.Cli.Tests;

/// <summary>
/// Both tests here read or set PLACEMENT_DEBUG, a process-wide setting, so they run alone.
/// </summary>
[CollectionDefinition(nameof(UnexpectedErrorTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests;

[Collection(nameof(UnexpectedErrorTests))]
public sealed class UnexpectedErrorTests
{
    /// <summary>An output that fails on every write, like a closed pipe or a full disk.</summary>
    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("the output is gone");

        public override void Write(string? value) => throw new IOException("the output is gone");

        public override void WriteLine(string? value) => throw new IOException("the output is gone");
    }

    private static (int Exit, string Stderr) RunWithBrokenStdout()
    {
        var stderr = new StringWriter();
        var exit = PlacementApp.Run(["recommend", CliRunner.Example("iop.yaml")], new StringReader(""), new BrokenWriter(), stderr);
        return (exit, stderr.ToString());
    }

    [Fact]
    public void UnexpectedFailure_ExitsSeventyAndNamesOnlyTheKindOfFailure()
    {
        var (exit, stderr) = RunWithBrokenStdout();

        exit.Should().Be(70);
        stderr.Trim().Should().Be("placement: unexpected error (IOException); please report it; set PLACEMENT_DEBUG=1 for details");
    }

    [Fact]
    public void UnexpectedFailure_WithPlacementDebug_PrintsTheStackTrace()
    {
        Environment.SetEnvironmentVariable("PLACEMENT_DEBUG", "1");
        try
        {
            var (exit, stderr) = RunWithBrokenStdout();

            exit.Should().Be(70);
            stderr.Should().Contain("System.IO.IOException: the output is gone").And.Contain("   at ");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PLACEMENT_DEBUG", null);
        }
    }
}
