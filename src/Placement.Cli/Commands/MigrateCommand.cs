using System.CommandLine;
using System.Text;
using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>placement migrate</c>: an assessment written for an earlier version of the rule set in, the
/// same assessment for this version out, following the rule set's <c>migrations:</c>. What changed
/// and what must be asked again goes to stderr; the migrated text to stdout or <c>--out</c>.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(Option<string?> rules, Io io)
    {
        var input = CliOptions.Input("assessment",
            "A YAML or JSON assessment written for an earlier version of the rule set (with --ndjson, one JSON assessment per line); '-' reads standard input.");
        var output = new Option<string?>("--out") { Description = "Write the migrated assessment to FILE instead of standard output.", HelpName = "FILE" };
        var ndjson = new Option<bool>("--ndjson") { Description = "Read and write NDJSON, one assessment per line (as batch and diff read)." };
        var key = RecordKeyOption.Create();
        var command = new ToolCommand("migrate", "Rewrite an assessment for an earlier rule set version to this version's criteria.", """
              0   migrated (answers that cannot be mapped are now unknown and listed on stderr as "ask again")
              2   the assessment is invalid (nothing is written; with --ndjson, invalid lines are written
                  unchanged), the input cannot be read, or the --out file cannot be written
              3   the rule set is invalid
              64  usage error, such as --key naming a criterion
            """, """
            Each entry of the rule set's 'migrations:' renames an old answer and maps its value (see
            docs/rules-language.md, Migrations). The text is edited in place: order, layout, other answers
            and YAML comments stay as written. An old answer the migration marks 'ask' becomes null
            (unknown) with a YAML comment, and is listed on stderr as FILE:LINE:COL: ask again: ... An
            old answer the migration does not map is an error (PL5008): nothing is guessed. The result is
            checked like any assessment, and every problem is reported at once. Messages never show answers.
            """)
        {
            input, output, ndjson, key, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output), parse.GetValue(ndjson), parse.GetValue(key), parse.GetValue(rules), io));
        return command;
    }

    private static int Run(string path, string? outPath, bool ndjson, string? keyOption, string? rulesPath, Io io)
    {
        var rules = RuleSetOption.Load(rulesPath, io.Error);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        string? key = null;
        if (ndjson && !RecordKeyOption.TryResolve("migrate", keyOption, [rules], io.Error, out key)) return ExitCodes.Usage;

        var name = path == "-" ? "<stdin>" : path;
        TextReader input;
        try
        {
            input = path == "-" ? io.In : new StreamReader(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be read";
            io.Error.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, why, path, 1, 1));
            return ExitCodes.InvalidInput;
        }

        using (input == io.In ? null : input)
        {
            if (ndjson) return MigrateLines(rules, input, name, key, outPath, io);
            var text = LimitedText.ReadAll(input, Assessment.DefaultMaxBytes);
            if (text is null)
            {
                io.Error.WriteLine(new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
                    $"the assessment is larger than {Assessment.DefaultMaxBytes} characters; an assessment is usually about 1 KB", name, 1, 1));
                return ExitCodes.InvalidInput;
            }

            return MigrateOne(rules, text, name, outPath, io);
        }
    }

    /// <summary>One assessment: written only when it migrated without error.</summary>
    private static int MigrateOne(RuleSet rules, string text, string name, string? outPath, Io io)
    {
        var result = rules.Migrate(text, name);
        Report(result, io.Error, null, null);
        if (!result.Success) return ExitCodes.InvalidInput;
        if (outPath is null)
        {
            io.Out.Write(result.Text);
        }
        else
        {
            using var file = OutputFile.Create("migrate", outPath, io.Error);
            if (file is null) return ExitCodes.InvalidInput;
            file.Write(new UTF8Encoding(false).GetBytes(result.Text));
        }

        Summary(io.Error, result.Changes.Count, result.AskAgain.Count);
        return ExitCodes.Success;
    }

    /// <summary>
    /// NDJSON, streamed line by line: each line migrated on its own; an invalid line is reported and
    /// written unchanged, so lines stay aligned with the input.
    /// </summary>
    private static int MigrateLines(RuleSet rules, TextReader input, string name, string? key, string? outPath, Io io)
    {
        var file = outPath is null ? null : OutputFile.Create("migrate", outPath, name, io.Error);
        if (outPath is not null && file is null) return ExitCodes.InvalidInput;
        using var writer = file is null ? null : new StreamWriter(file, new UTF8Encoding(false));
        var output = writer ?? io.Out;
        var (ok, changes, askAgain) = (true, 0, 0);
        foreach (var (number, kept) in LimitedText.Lines(input, Assessment.DefaultMaxBytes))
        {
            if (kept is not { } line)
            {
                // Too long to be an assessment: reported and not kept; an empty line keeps the output's lines in step.
                io.Error.WriteLine(new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
                    $"the line is longer than {Assessment.DefaultMaxBytes} characters; an assessment is usually about 1 KB", name, number, 1));
                ok = false;
                output.Write("\n");
                continue;
            }

            if (line.Trim().Length == 0)
            {
                output.Write(line + "\n");
                continue;
            }

            var result = rules.MigrateJsonLine(line, name, number, key);
            Report(result, io.Error, key, result.Success ? null : RawKey(line, key));
            ok &= result.Success;
            if (result.Success)
            {
                changes += result.Changes.Count;
                askAgain += result.AskAgain.Count;
            }

            output.Write((result.Text ?? line) + "\n");
        }

        output.Flush();
        Summary(io.Error, changes, askAgain);
        return ok ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static void Summary(TextWriter stderr, int changes, int askAgain) =>
        stderr.WriteLine(changes == 0
            ? "placement migrate: nothing to migrate"
            : $"placement migrate: {changes} answer{(changes == 1 ? "" : "s")} migrated; {askAgain} to ask again");

    private static void Report(AssessmentMigration result, TextWriter stderr, string? keyName, string? rawKey)
    {
        foreach (var d in result.Diagnostics) stderr.WriteLine(RecordKeyOption.Name(d, keyName, rawKey));
        if (!result.Success) return;
        foreach (var c in result.Changes.Where(c => c.AskAgain))
        {
            stderr.WriteLine($"{c.Location}: ask again: {c.To} (the answer to {c.From} cannot be mapped; it is now unknown)");
        }
    }

    /// <summary>The record key of an NDJSON line as raw JSON (a string or number), for naming the line in errors.</summary>
    private static string? RawKey(string line, string? key)
    {
        if (key is null) return null;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty(key, out var value)
                && value.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number
                ? value.GetRawText()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
