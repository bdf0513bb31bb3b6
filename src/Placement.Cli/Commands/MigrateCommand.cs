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

        string text;
        try
        {
            text = path == "-" ? io.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be read";
            io.Error.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, why, path, 1, 1));
            return ExitCodes.InvalidInput;
        }

        var name = path == "-" ? "<stdin>" : path;
        var (migrated, ok, changes, askAgain) = ndjson ? MigrateLines(rules, text, name, key, io.Error) : MigrateOne(rules, text, name, io.Error);
        if (migrated is null) return ExitCodes.InvalidInput;

        if (outPath is null)
        {
            io.Out.Write(migrated);
        }
        else
        {
            using var file = OutputFile.Create("migrate", outPath, io.Error);
            if (file is null) return ExitCodes.InvalidInput;
            file.Write(new UTF8Encoding(false).GetBytes(migrated));
        }

        io.Error.WriteLine(changes == 0
            ? "placement migrate: nothing to migrate"
            : $"placement migrate: {changes} answer{(changes == 1 ? "" : "s")} migrated; {askAgain} to ask again");
        return ok ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static (string? Text, bool Ok, int Changes, int AskAgain) MigrateOne(RuleSet rules, string text, string name, TextWriter stderr)
    {
        var result = rules.Migrate(text, name);
        Report(result, stderr, null, null);
        return (result.Text, result.Success, result.Changes.Count, result.AskAgain.Count);
    }

    /// <summary>Each line migrated on its own; an invalid line is reported and written unchanged, so lines stay aligned.</summary>
    private static (string? Text, bool Ok, int Changes, int AskAgain) MigrateLines(RuleSet rules, string text, string name, string? key, TextWriter stderr)
    {
        var output = new StringBuilder(text.Length + 64);
        var (ok, changes, askAgain) = (true, 0, 0);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == lines.Length - 1 && line.Length == 0) break; // the newline that ends the last line
            if (line.Trim().Length == 0)
            {
                output.Append(line).Append('\n');
                continue;
            }

            var result = rules.MigrateJsonLine(line, name, i + 1, key);
            Report(result, stderr, key, result.Success ? null : RawKey(line, key));
            ok &= result.Success;
            if (result.Success)
            {
                changes += result.Changes.Count;
                askAgain += result.AskAgain.Count;
            }

            output.Append(result.Text ?? line).Append('\n');
        }

        return (output.ToString(), ok, changes, askAgain);
    }

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
