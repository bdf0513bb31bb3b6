using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>placement batch</c>: one assessment per NDJSON line in, one JSON result per line out, in
/// input order. Streams in bounded chunks (<see cref="ChunkLimits"/>), so memory is bounded by
/// the number of workers whatever the input's size; chunks are evaluated in parallel (the rule set
/// is immutable and thread-safe).
/// </summary>
internal static class BatchCommand
{
    private const int ChunkSize = 8192;

    public static Command Create(Option<string?> rules, Io io)
    {
        var input = CliOptions.Input("input", "NDJSON: one JSON assessment per line; '-' reads standard input.");
        var output = new Option<string?>("--out") { Description = "Write the results to FILE instead of standard output.", HelpName = "FILE" };
        var parallel = CliOptions.WholeNumber("--parallel", "N", "Worker threads, 1 to 64. Default: the number of processors.", 1, 64);
        var explain = new Option<bool>("--explain") { Description = "Write the full explanation for each assessment instead of the short result." };
        var key = RecordKeyOption.Create();
        var command = new ToolCommand("batch", "One assessment per line in, one JSON result per line out, in input order.", """
              0   every line was valid
              2   some lines were invalid (the rest were written), the input cannot be read, or the --out
                  file cannot be written
              3   the rule set is invalid
              64  usage error: unknown command or option, missing argument, a bad option value, or
                  --key naming a criterion
            """, """
            Each result is {"line":N,"key":K,"status":...,"flags":[...],"possibleFlags":[...],
            "decisions":{...},"firedRules":[...],"missing":[...]}; with --explain it is
            {"line":N,"key":K,"recommendation":{...}}. "key" is the line's record key (--key), left out
            when the line has none. Invalid lines are reported on stderr as FILE:LINE:COL: error CODE:
            message, with the record key before the message when the line has one, and skipped; blank
            lines are ignored. A summary goes to stderr at the end, and a progress line while running
            when stderr is a terminal.
            """)
        {
            input, output, parallel, explain, key, rules,
        };
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(output), parse.GetValue(parallel) ?? Environment.ProcessorCount, parse.GetValue(explain),
            parse.GetValue(key), parse.GetValue(rules), io));
        return command;
    }

    private static int Run(string path, string? outPath, int parallel, bool explain, string? keyOption, string? rulesPath, Io io)
    {
        var (stdin, stdout, stderr) = (io.In, io.Out, io.Error);
        var rules = RuleSetOption.Load(rulesPath, stderr);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        if (!RecordKeyOption.TryResolve("batch", keyOption, [rules], stderr, out var key)) return ExitCodes.Usage;

        var name = path == "-" ? "<stdin>" : path;
        Stream? inputStream = null;
        try
        {
            if (path != "-") inputStream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            else if (stdin == Console.In) inputStream = Console.OpenStandardInput();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error,
                ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be opened", path, 1, 1));
            return ExitCodes.InvalidInput;
        }

        Stream? outputStream = null;
        if (outPath is not null)
        {
            outputStream = OutputFile.Create("batch", outPath, path, stderr);
            if (outputStream is null)
            {
                inputStream?.Dispose();
                return ExitCodes.InvalidInput;
            }
        }
        else if (stdout == Console.Out)
        {
            outputStream = Console.OpenStandardOutput();
        }

        var input = inputStream is null ? new NdjsonLineSource(stdin) : new NdjsonLineSource(inputStream);
        var progress = stderr == Console.Error && !Console.IsErrorRedirected;
        var totals = new Totals();
        try
        {
            stdout.Flush();
            Process(rules, input, outputStream, stdout, stderr, name, parallel, explain, key, progress, totals, ChunkLimits.For(explain));
        }
        finally
        {
            inputStream?.Dispose();
            outputStream?.Dispose();
        }

        stderr.WriteLine($"{totals.Lines} assessments: {totals.Recommended} recommended, {totals.Provisional} provisional, {totals.Insufficient} insufficient, {totals.Invalid} invalid (skipped)");
        return totals.Invalid > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    internal sealed class Totals
    {
        public long Lines;
        public long Recommended;
        public long Provisional;
        public long Insufficient;
        public long Invalid;

        /// <summary>Chunks allocated (the rest of the chunks were reused ones).</summary>
        public int ChunksCreated;

        /// <summary>Chunks evaluated and written.</summary>
        public int Chunks;
    }

    /// <summary>
    /// Where a chunk of input ends: at <paramref name="Lines"/> lines (an eighth of that until a
    /// chunk has been written), once it holds <paramref name="InputBytes"/> of input (a line may be
    /// up to 1 MiB), or once its lines would give about <paramref name="OutputBytes"/> of results at
    /// the average result size so far. A written chunk is kept for reuse unless its buffers grew
    /// past twice those sizes, so memory is bounded by <c>--parallel</c>, not by the input or what
    /// its lines hold.
    /// </summary>
    internal readonly record struct ChunkLimits(int Lines, int InputBytes, int OutputBytes)
    {
        /// <summary>8,192 lines (256 with --explain, whose results are whole explanations of 6 to 25 KB), 4 MiB in, 4 MiB out.</summary>
        public static ChunkLimits For(bool explain) => new(explain ? 256 : ChunkSize, 4 << 20, 4 << 20);
    }

    /// <summary>A chunk of input lines, then the results for them: output bytes and errors, in order.</summary>
    private sealed class Chunk(ChunkLimits limits)
    {
        public readonly ArrayBufferWriter<byte> Input = new(Math.Min(limits.InputBytes, limits.Lines * 256));
        public readonly List<(int Line, int Offset, int Length)> Lines = new(limits.Lines);
        public readonly ArrayBufferWriter<byte> Output = new(Math.Min(limits.OutputBytes, limits.Lines * 256));
        public readonly List<Diagnostic> Errors = new();
        public int Recommended;
        public int Provisional;
        public int Insufficient;
        public int Invalid;

        /// <summary>Empties the chunk for reuse, keeping its buffers (they have grown to the size lines need).</summary>
        public void Clear()
        {
            Input.ResetWrittenCount();
            Lines.Clear();
            Output.ResetWrittenCount();
            Errors.Clear();
            Recommended = Provisional = Insufficient = Invalid = 0;
        }
    }

    /// <summary>
    /// Reader, workers and writer overlap: the reader fills chunks, each chunk is evaluated on the
    /// thread pool (at most <paramref name="parallel"/> at once), and the writer takes finished
    /// chunks in input order. The bounded channel keeps memory constant whatever the input size.
    /// </summary>
    internal static void Process(
        RuleSet rules, NdjsonLineSource input, Stream? outputStream, TextWriter output, TextWriter stderr, string name, int parallel, bool explain, string? key, bool progress, Totals totals,
        ChunkLimits limits)
    {
        // Result bytes per line so far (written by the writer, read by the reader): sizes the next chunks.
        var outputPerLine = 0L;
        var pending = System.Threading.Channels.Channel.CreateBounded<Task<Chunk>>(
            new System.Threading.Channels.BoundedChannelOptions(parallel * 2) { SingleReader = true, SingleWriter = true });
        using var gate = new SemaphoreSlim(parallel);
        // Stops the reader when writing fails, so it does not wait for a writer that is gone.
        using var stop = new CancellationTokenSource();
        // Chunks are reused once written, so their buffers (megabytes each) are allocated a few times per run, not once per 8,192 lines.
        var free = new System.Collections.Concurrent.ConcurrentBag<Chunk>();
        var producer = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    if (!free.TryTake(out var chunk))
                    {
                        chunk = new Chunk(limits);
                        totals.ChunksCreated++;
                    }

                    var perLine = Interlocked.Read(ref outputPerLine);
                    // Until a chunk is written the result size is unknown: chunks start at an eighth of the line limit.
                    var lines = perLine == 0 ? Math.Max(1, limits.Lines / 8) : (int)Math.Clamp(limits.OutputBytes / perLine, 1, limits.Lines);
                    if (!input.Fill(chunk.Input, chunk.Lines, lines, limits.InputBytes)) break;
                    await gate.WaitAsync(stop.Token).ConfigureAwait(false);
                    var work = Task.Run(() =>
                    {
                        try
                        {
                            return Evaluate(rules, chunk, name, explain, key);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
                    await pending.Writer.WriteAsync(work, stop.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                pending.Writer.Complete();
            }
        });

        var clock = Stopwatch.StartNew();
        var lastProgress = 0L;
        var outputBytes = 0L;
        var reader = pending.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var work))
            {
                var chunk = work.GetAwaiter().GetResult();
                try
                {
                    if (outputStream is not null) outputStream.Write(chunk.Output.WrittenSpan);
                    else output.Write(Encoding.UTF8.GetString(chunk.Output.WrittenSpan));
                }
                catch (IOException ex)
                {
                    stop.Cancel();
                    // The reader ends on the cancellation (or at its next line); its outcome is no longer needed.
                    _ = producer.ContinueWith(static t => t.Exception, TaskScheduler.Default);
                    throw new OutputException(ex);
                }

                foreach (var d in chunk.Errors) stderr.WriteLine(d);
                totals.Lines += chunk.Lines.Count;
                totals.Recommended += chunk.Recommended;
                totals.Provisional += chunk.Provisional;
                totals.Insufficient += chunk.Insufficient;
                totals.Invalid += chunk.Invalid;
                totals.Chunks++;
                outputBytes += chunk.Output.WrittenCount;
                if (totals.Lines > 0) Interlocked.Exchange(ref outputPerLine, Math.Max(1, outputBytes / totals.Lines));
                chunk.Clear();
                if (chunk.Input.Capacity <= 2 * limits.InputBytes && chunk.Output.Capacity <= 2 * limits.OutputBytes) free.Add(chunk);
                if (progress && clock.ElapsedMilliseconds - lastProgress > 500)
                {
                    lastProgress = clock.ElapsedMilliseconds;
                    stderr.Write($"\r{totals.Lines} assessments, {totals.Lines / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0}/s ");
                }
            }
        }

        producer.GetAwaiter().GetResult();
        if (progress) stderr.Write("\r");
    }

    private static Chunk Evaluate(RuleSet rules, Chunk chunk, string name, bool explain, string? key)
    {
        // The writer is driven by our own code, which writes well-formed objects: no per-token validation.
        using var json = new Utf8JsonWriter(chunk.Output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        foreach (var (line, offset, length) in chunk.Lines)
        {
            if (offset == NdjsonLineSource.TooLong)
            {
                chunk.Invalid++;
                chunk.Errors.Add(new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
                    $"the line is longer than {NdjsonLineSource.MaxLineBytes} bytes; an assessment is usually about 1 KB", name, line, 1));
                continue;
            }

            var parsed = Assessment.TryParseJson(chunk.Input.WrittenSpan.Slice(offset, length), rules, name, line, key);
            if (!parsed.Success)
            {
                chunk.Invalid++;
                foreach (var d in parsed.Diagnostics) chunk.Errors.Add(RecordKeyOption.Name(d, key, parsed.RecordKey));
                continue;
            }

            var rec = rules.Recommend(parsed.Assessment);
            switch (rec.Status)
            {
                case RecommendationStatus.Provisional:
                    chunk.Provisional++;
                    break;
                case RecommendationStatus.Insufficient:
                    chunk.Insufficient++;
                    break;
                default:
                    chunk.Recommended++;
                    break;
            }
            json.Reset(chunk.Output);
            Placement.Explanations.BatchResultJson.Write(json, rec, line, explain, parsed.RecordKey);
            json.Flush();
            chunk.Output.Write("\n"u8);
        }

        return chunk;
    }
}
