using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>placement diff</c>: runs two versions of a rule set over the same assessments and reports
/// how many placements change, from which level to which, with example assessments for each change.
/// </summary>
internal static class DiffCommand
{
    private const int ExamplesPerChange = 3;

    /// <summary>The text report fits a terminal or a review comment this wide.</summary>
    internal const int Width = 100;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions JsonStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Io io)
    {
        var oldRules = new Option<string>("--old") { Description = "The current rule file or folder.", HelpName = "PATH", Required = true };
        var newRules = new Option<string>("--new") { Description = "The proposed rule file or folder.", HelpName = "PATH", Required = true };
        var input = CliOptions.Input("assessments", "NDJSON: one JSON assessment per line; '-' reads standard input.");
        var format = CliOptions.Format("text (a report at most 100 columns wide), or json.", "text", "json");
        var noExamples = new Option<bool>("--no-examples")
        {
            Description = "Leave out the example assessments (they are patient data); counts only.",
        };
        var key = RecordKeyOption.Create();
        var migrate = new Option<bool>("--migrate")
        {
            Description = "Migrate each line to the new rule set's criteria (its 'migrations:') before the new rules read it, as 'placement migrate' does; answers that must be asked again are then unknown.",
        };
        var command = new ToolCommand("diff", "Compare two versions of a rule set over the same assessments.", """
              0   compared (whether or not anything changed)
              2   some lines were invalid (the rest were compared), or the input cannot be read
              3   a rule set is invalid
              64  usage error: unknown command or option, missing argument, a bad option value, or
                  --key naming a criterion
            """, """
            Reports, for each decision, how many recommended levels change, a matrix of old level (rows)
            to new level (columns), and up to three example assessments, with their line numbers, for each
            change: what a rule committee needs before adopting a new version. Status changes
            (recommended / provisional / insufficient) are counted too. Lines invalid for either rule set are reported
            and skipped, with the record key (--key) before the message when the line has one; in JSON
            each example carries its "key". With --migrate, assessments written for the old rule set are
            migrated for the new one first (a level the new version splits shows as one row to several
            columns); a line the migration cannot map is reported and skipped.
            """)
        {
            input, oldRules, newRules, format, noExamples, key, migrate,
        };
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(oldRules)!, parse.GetValue(newRules)!, parse.GetValue(format) ?? "text", !parse.GetValue(noExamples),
            parse.GetValue(key), parse.GetValue(migrate), io));
        return command;
    }

    /// <summary>One cell of a decision's old-to-new matrix: how many, and a few examples of changes.</summary>
    private sealed class Cell
    {
        public int Count { get; set; }

        public List<(int Line, string? Key, string Text)> Examples { get; } = new();
    }

    /// <summary>What the comparison found, for either rendering.</summary>
    private sealed record Comparison(
        RuleSet Old, RuleSet New, string[] Decisions, Dictionary<string, Dictionary<(string Old, string New), Cell>> Matrices,
        int Compared, int Invalid, int StatusChanged, bool Examples)
    {
        /// <summary>The rows and columns: every level of either version, then each undecided range ("a..b") that occurred, so the matrix adds up to every assessment compared.</summary>
        public string[] Levels(string decision)
        {
            var levels = Old.FindDecision(decision)!.Levels.Select(l => l.Id)
                .Concat(New.FindDecision(decision)!.Levels.Select(l => l.Id)).Distinct().ToList();
            var ranges = Matrices[decision].Keys.SelectMany(k => new[] { k.Old, k.New })
                .Where(l => !levels.Contains(l)).Distinct().Order(StringComparer.Ordinal);
            return [.. levels, .. ranges];
        }

        public IEnumerable<KeyValuePair<(string Old, string New), Cell>> Changes(string decision) =>
            Matrices[decision].Where(kv => kv.Key.Old != kv.Key.New).OrderBy(kv => kv.Key.Old, StringComparer.Ordinal).ThenBy(kv => kv.Key.New, StringComparer.Ordinal);

        public int Changed(string decision) => Changes(decision).Sum(kv => kv.Value.Count);
    }

    private static int Run(string path, string oldPath, string newPath, string format, bool examples, string? keyOption, bool migrate, Io io)
    {
        var (stdin, stdout, stderr) = (io.In, io.Out, io.Error);
        var oldRules = RuleSetOption.Load(oldPath, stderr);
        var newRules = RuleSetOption.Load(newPath, stderr);
        if (oldRules is null || newRules is null) return ExitCodes.InvalidRuleSet;
        if (!RecordKeyOption.TryResolve("diff", keyOption, [oldRules, newRules], stderr, out var recordKey)) return ExitCodes.Usage;

        var name = path == "-" ? "<stdin>" : path;
        TextReader input;
        try
        {
            input = path == "-" ? stdin : new StreamReader(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be opened";
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, why, path, 1, 1));
            return ExitCodes.InvalidInput;
        }

        var decisions = oldRules.Decisions.Select(d => d.Id).Where(id => newRules.FindDecision(id) is not null).ToArray();
        var matrices = decisions.ToDictionary(d => d, _ => new Dictionary<(string Old, string New), Cell>());
        var compared = 0;
        var invalid = 0;
        var statusChanged = 0;
        var number = 0;
        using (input == stdin ? null : input)
        {
            foreach (var (lineNumber, kept) in LimitedText.Lines(input, Assessment.DefaultMaxBytes))
            {
                number = lineNumber;
                if (kept is not { } text)
                {
                    // Too long to be an assessment: reported and skipped, never held in memory.
                    invalid++;
                    stderr.WriteLine(new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
                        $"the line is longer than {Assessment.DefaultMaxBytes} characters; an assessment is usually about 1 KB", name, number, 1));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(text)) continue;
                var bytes = Encoding.UTF8.GetBytes(text);
                var a = Assessment.TryParseJson(bytes, oldRules, name, number, recordKey);
                var b = migrate ? ReadMigrated(newRules, text, name, number, recordKey) : Assessment.TryParseJson(bytes, newRules, name, number, recordKey);
                if (!a.Success || !b.Success)
                {
                    invalid++;
                    foreach (var d in a.Diagnostics.Concat(b.Diagnostics).Distinct()) stderr.WriteLine(RecordKeyOption.Name(d, recordKey, a.RecordKey));
                    continue;
                }

                compared++;
                var before = oldRules.Recommend(a.Assessment);
                var after = newRules.Recommend(b.Assessment);
                if (before.Status != after.Status) statusChanged++;
                foreach (var id in decisions)
                {
                    var key = (Label(before, id), Label(after, id));
                    if (!matrices[id].TryGetValue(key, out var cell)) matrices[id][key] = cell = new Cell();
                    cell.Count++;
                    if (examples && key.Item1 != key.Item2 && cell.Examples.Count < ExamplesPerChange) cell.Examples.Add((number, a.RecordKey, text));
                }
            }
        }

        var comparison = new Comparison(oldRules, newRules, decisions, matrices, compared, invalid, statusChanged, examples);
        if (format == "json") WriteJson(comparison, stdout);
        else WriteText(comparison, stdout);
        if (invalid > 0) stderr.WriteLine($"{invalid} invalid line(s) skipped");
        return invalid > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>The line migrated to the new rule set's criteria, then read; a line that cannot be migrated gives the migration's errors.</summary>
    private static AssessmentParseResult ReadMigrated(RuleSet rules, string line, string name, int number, string? recordKey)
    {
        var migrated = rules.MigrateJsonLine(line, name, number, recordKey);
        return migrated.Success
            ? Assessment.TryParseJson(Encoding.UTF8.GetBytes(migrated.Text), rules, name, number, recordKey)
            : new AssessmentParseResult(null, migrated.Diagnostics);
    }

    private static void WriteText(Comparison c, TextWriter stdout)
    {
        stdout.WriteLine($"Old: {c.Old.Id} {c.Old.Version} (sha256 {c.Old.Sha256[..12]})");
        stdout.WriteLine($"New: {c.New.Id} {c.New.Version} (sha256 {c.New.Sha256[..12]})");
        stdout.WriteLine($"Compared {c.Compared} assessments; status (recommended/provisional/insufficient) changed for {c.StatusChanged}.");
        foreach (var id in c.Decisions)
        {
            var changed = c.Changed(id);
            stdout.WriteLine();
            stdout.WriteLine(Fit($"{id}: {changed} of {c.Compared} changed ({Percent(changed, c.Compared)}%)"));
            WriteMatrix(c.Levels(id), c.Matrices[id], stdout);
            foreach (var ((from, to), cell) in c.Changes(id))
            {
                stdout.WriteLine(Fit($"  {from} -> {to}: {cell.Count} assessment(s){(cell.Examples.Count > 0 ? ", for example:" : "")}"));
                foreach (var (line, _, text) in cell.Examples)
                {
                    foreach (var part in Wrap($"    line {line.ToString(CultureInfo.InvariantCulture)}: ", "      ", Members(text))) stdout.WriteLine(part);
                }
            }
        }
    }

    /// <summary>
    /// The old-to-new matrix. Rows are labelled "N level" and columns by the same numbers, so that
    /// long level ids do not widen every column; a matrix still too wide is listed cell by cell.
    /// </summary>
    private static void WriteMatrix(string[] levels, Dictionary<(string Old, string New), Cell> cells, TextWriter stdout)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        int Count(string from, string to) => cells.GetValueOrDefault((from, to))?.Count ?? 0;
        var labels = levels.Select((l, i) => $"{N(i + 1)} {l}").ToArray();
        var labelWidth = Math.Max("old \\ new".Length, labels.Max(l => l.Length)) + 2;
        var cellWidth = Math.Max(5, Math.Max(N(levels.Length).Length, cells.Values.Select(c => N(c.Count).Length).DefaultIfEmpty(1).Max()) + 2);
        if (2 + labelWidth + (levels.Length * cellWidth) <= Width)
        {
            stdout.WriteLine("  " + "old \\ new".PadRight(labelWidth) + string.Concat(levels.Select((_, i) => N(i + 1).PadLeft(cellWidth))));
            for (var row = 0; row < levels.Length; row++)
            {
                stdout.WriteLine("  " + labels[row].PadRight(labelWidth) + string.Concat(levels.Select(to => N(Count(levels[row], to)).PadLeft(cellWidth))));
            }

            return;
        }

        stdout.WriteLine("  old -> new: count");
        foreach (var from in levels)
        {
            foreach (var to in levels.Where(to => Count(from, to) > 0)) stdout.WriteLine(Fit($"  {from} -> {to}: {N(Count(from, to))}"));
        }
    }

    /// <summary>The members of a JSON object line, compact ("key":value), so that a wrapped example joins back into JSON.</summary>
    private static List<string> Members(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var members = doc.RootElement.EnumerateObject()
            .Select(p => JsonSerializer.Serialize(p.Name, JsonStrings) + ":" + p.Value.GetRawText())
            .ToList();
        for (var i = 0; i < members.Count - 1; i++) members[i] += ",";
        if (members.Count == 0) return ["{}"];
        members[0] = "{" + members[0];
        members[^1] += "}";
        return members;
    }

    /// <summary>Lays <paramref name="pieces"/> out in lines of at most <see cref="Width"/> columns, breaking between pieces (inside one only when it is longer than a line).</summary>
    private static IEnumerable<string> Wrap(string first, string indent, IEnumerable<string> pieces)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var piece in pieces)
        {
            var rest = piece;
            while (rest.Length > 0)
            {
                if (line.Length + rest.Length <= Width)
                {
                    line.Append(rest);
                    empty = false;
                    break;
                }

                if (!empty)
                {
                    yield return line.ToString();
                    line.Clear().Append(indent);
                    empty = true;
                    continue;
                }

                var room = Width - line.Length;
                line.Append(rest.AsSpan(0, room));
                rest = rest[room..];
                yield return line.ToString();
                line.Clear().Append(indent);
            }
        }

        if (!empty) yield return line.ToString();
    }

    /// <summary>Cuts a report line that only a very long id could make wider than <see cref="Width"/>.</summary>
    private static string Fit(string line) => line.Length <= Width ? line : line[..(Width - 3)] + "...";

    private static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : 100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture);

    private static void WriteJson(Comparison c, TextWriter stdout)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            WriteRuleSet(json, "old", c.Old);
            WriteRuleSet(json, "new", c.New);
            json.WriteNumber("compared", c.Compared);
            json.WriteNumber("invalid", c.Invalid);
            json.WriteNumber("statusChanged", c.StatusChanged);
            json.WriteStartObject("decisions");
            foreach (var id in c.Decisions)
            {
                var levels = c.Levels(id);
                json.WriteStartObject(id);
                json.WriteNumber("changed", c.Changed(id));
                json.WriteStartArray("levels");
                foreach (var l in levels) json.WriteStringValue(l);
                json.WriteEndArray();
                json.WriteStartObject("matrix");
                foreach (var from in levels)
                {
                    json.WriteStartObject(from);
                    foreach (var to in levels) json.WriteNumber(to, c.Matrices[id].GetValueOrDefault((from, to))?.Count ?? 0);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteStartArray("changes");
                foreach (var ((from, to), cell) in c.Changes(id))
                {
                    json.WriteStartObject();
                    json.WriteString("old", from);
                    json.WriteString("new", to);
                    json.WriteNumber("count", cell.Count);
                    if (c.Examples)
                    {
                        json.WriteStartArray("examples");
                        foreach (var (line, recordKey, text) in cell.Examples)
                        {
                            json.WriteStartObject();
                            json.WriteNumber("line", line);
                            if (recordKey is not null)
                            {
                                json.WritePropertyName("key");
                                json.WriteRawValue(recordKey);
                            }

                            json.WritePropertyName("assessment");
                            using (var doc = JsonDocument.Parse(text)) doc.RootElement.WriteTo(json);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteRuleSet(Utf8JsonWriter json, string name, RuleSet rules)
    {
        json.WriteStartObject(name);
        json.WriteString("id", rules.Id);
        json.WriteString("version", rules.Version);
        json.WriteString("sha256", rules.Sha256);
        json.WriteEndObject();
    }

    /// <summary>A decision's level id, or "floor..ceiling" while it is not determined.</summary>
    private static string Label(Recommendation rec, string decisionId) =>
        rec.Level(decisionId)?.Id ?? $"{rec.Floor(decisionId).Id}..{rec.Ceiling(decisionId).Id}";
}
