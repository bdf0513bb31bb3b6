namespace Placement.Cli.Tests;

/// <summary>
/// Both tests here read or set PLACEMENT_DEBUG, a process-wide setting, so they run alone.
/// </summary>
[CollectionDefinition(nameof(UnexpectedErrorTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests;

[Collection(nameof(UnexpectedErrorTests))]
public sealed class UnexpectedErrorTests
{
    /// <summary>An output that fails on every write with <typeparamref name="T"/>.</summary>
    private sealed class BrokenWriter<T>(Func<T> fail) : StringWriter
        where T : Exception
    {
        public override void Write(char value) => throw fail();

        public override void Write(string? value) => throw fail();

        public override void WriteLine(string? value) => throw fail();
    }

    private static (int Exit, string Stderr) Run(TextWriter stdout, params string[] args)
    {
        var stderr = new StringWriter();
        var exit = PlacementApp.Run(args, new StringReader(""), stdout, stderr);
        return (exit, stderr.ToString());
    }

    // A failure that is a bug (the tool's own code throwing), not the machine.
    private static (int Exit, string Stderr) RunIntoABug() =>
        Run(new BrokenWriter<InvalidOperationException>(() => new InvalidOperationException("a bug")), "recommend", CliRunner.Example("iop.yaml"));

    [Fact]
    public void UnexpectedFailure_ExitsSeventyAndNamesOnlyTheKindOfFailure()
    {
        var (exit, stderr) = RunIntoABug();

        exit.Should().Be(70);
        stderr.Trim().Should().Be("placement: unexpected error (InvalidOperationException); please report it; set PLACEMENT_DEBUG=1 for details");
    }

    [Fact]
    public void UnexpectedFailure_WithPlacementDebug_PrintsTheStackTrace()
    {
        Environment.SetEnvironmentVariable("PLACEMENT_DEBUG", "1");
        try
        {
            var (exit, stderr) = RunIntoABug();

            exit.Should().Be(70);
            stderr.Should().Contain("System.InvalidOperationException: a bug").And.Contain("   at ");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PLACEMENT_DEBUG", null);
        }
    }

    [Fact]
    public void OutputThatFailsPartWay_IsExitTwo_WithTheReason_NotABugToReport()
    {
        // A full disk or a device error is the machine, not the tool: exit 2 and the system's reason.
        var full = () => new IOException("No space left on device");

        var (exit, stderr) = Run(new BrokenWriter<IOException>(full), "recommend", CliRunner.Example("iop.yaml"));
        exit.Should().Be(2);
        stderr.Trim().Should().Be("placement: reading or writing a file failed: No space left on device; the output is incomplete");

        var lines = CliRunner.TempFile("in.ndjson", string.Concat(Enumerable.Repeat("""{"ciwa_ar":3}""" + "\n", 20_000)));
        (exit, stderr) = Run(new BrokenWriter<IOException>(full), "batch", lines);
        exit.Should().Be(2);
        stderr.Trim().Should().Be("placement: writing the output failed: No space left on device; the output is incomplete");
    }

    [Fact]
    public void BatchOut_OnAFullDevice_IsExitTwo()
    {
        if (!File.Exists("/dev/full")) return; // Linux only: a device on which every write fails with ENOSPC.
        var lines = CliRunner.TempFile("in.ndjson", string.Concat(Enumerable.Repeat("""{"ciwa_ar":3}""" + "\n", 50_000)));

        var (exit, stderr) = Run(TextWriter.Null, "batch", lines, "--out", "/dev/full");

        exit.Should().Be(2);
        stderr.Should().StartWith("placement: writing the output failed: ").And.Contain("the output is incomplete").And.NotContain("please report");
    }
}
