using System.Text;
using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>placement diff</c>: runs two versions of a rule set over the same assessments and reports
/// how many placements change, from which level to which, with example assessments for each change.
/// </summary>
internal static class DiffCommand
{
    private const int ExamplesPerChange = 3;

    public const string Help = """
        Usage: placement diff --old PATH --new PATH <assessments.ndjson|->

        Runs both rule sets over the same assessments (one JSON object per line) and reports, for each
        decision, how many recommended levels change, a matrix of old level (rows) to new level
        (columns), and up to three example assessments (with their line numbers) for each change:
        what a rule committee needs before adopting a new version. Status changes (recommended /
        provisional) are counted too. Lines invalid for either rule set are reported and skipped.

        Options:
          --old PATH         The current rule file or folder.
          --new PATH         The proposed rule file or folder.
          -h, --help         Show this help.

        Exit codes: 0 compared (whether or not anything changed), 1 usage error, 2 some lines were
        invalid (the rest were compared), 3 a rule set is invalid.
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--old", "--new"], []);
        if (line.Help)
        {
            stdout.WriteLine(Help);
            return ExitCodes.Success;
        }

        var oldPath = line.Option("--old");
        var newPath = line.Option("--new");
        if (line.Error is not null || line.Positional.Count != 1 || oldPath is null || newPath is null)
        {
            stderr.WriteLine($"placement diff: {line.Error ?? "give --old PATH, --new PATH and one assessments file"}");
            return ExitCodes.Unexpected;
        }

        var oldRules = RuleSetOption.Load(oldPath, stderr);
        var newRules = RuleSetOption.Load(newPath, stderr);
        if (oldRules is null || newRules is null) return ExitCodes.InvalidRuleSet;

        var path = line.Positional[0];
        var name = path == "-" ? "<stdin>" : path;
        TextReader input;
        try
        {
            input = path == "-" ? stdin : new StreamReader(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "cannot be opened", path, 1, 1));
            return ExitCodes.Unexpected;
        }

        var decisions = oldRules.Decisions.Select(d => d.Id).Where(id => newRules.FindDecision(id) is not null).ToArray();
        var matrices = decisions.ToDictionary(d => d, _ => new Dictionary<(string Old, string New), Cell>());
        var compared = 0;
        var invalid = 0;
        var statusChanged = 0;
        var number = 0;
        using (input == stdin ? null : input)
        {
            string? text;
            while ((text = input.ReadLine()) is not null)
            {
                number++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                var bytes = Encoding.UTF8.GetBytes(text);
                var a = Assessment.TryParseJson(bytes, oldRules, name, number);
                var b = Assessment.TryParseJson(bytes, newRules, name, number);
                if (!a.Success || !b.Success)
                {
                    invalid++;
                    foreach (var d in a.Diagnostics.Concat(b.Diagnostics).Distinct()) stderr.WriteLine(d);
                    continue;
                }

                compared++;
                var before = oldRules.Recommend(a.Assessment);
                var after = newRules.Recommend(b.Assessment);
                if (before.Status != after.Status) statusChanged++;
                foreach (var id in decisions)
                {
                    var key = (before.Level(id).Id, after.Level(id).Id);
                    if (!matrices[id].TryGetValue(key, out var cell)) matrices[id][key] = cell = new Cell();
                    cell.Count++;
                    if (key.Item1 != key.Item2 && cell.Examples.Count < ExamplesPerChange) cell.Examples.Add((number, text));
                }
            }
        }

        Report(stdout, oldRules, newRules, decisions, matrices, compared, statusChanged);
        if (invalid > 0) stderr.WriteLine($"{invalid} invalid line(s) skipped");
        return invalid > 0 ? ExitCodes.InvalidAssessment : ExitCodes.Success;
    }

    /// <summary>One cell of a decision's old-to-new matrix: how many, and a few examples of changes.</summary>
    private sealed class Cell
    {
        public int Count { get; set; }

        public List<(int Line, string Text)> Examples { get; } = new();
    }

    private static void Report(TextWriter stdout, RuleSet oldRules, RuleSet newRules, string[] decisions,
        Dictionary<string, Dictionary<(string Old, string New), Cell>> matrices, int compared, int statusChanged)
    {
        stdout.WriteLine($"Old: {oldRules.Id} {oldRules.Version} (sha256 {oldRules.Sha256[..12]})");
        stdout.WriteLine($"New: {newRules.Id} {newRules.Version} (sha256 {newRules.Sha256[..12]})");
        stdout.WriteLine($"Compared {compared} assessments; status (recommended/provisional) changed for {statusChanged}.");
        foreach (var id in decisions)
        {
            var cells = matrices[id];
            var changed = cells.Where(kv => kv.Key.Old != kv.Key.New).Sum(kv => kv.Value.Count);
            var levels = oldRules.FindDecision(id)!.Levels.Select(l => l.Id)
                .Concat(newRules.FindDecision(id)!.Levels.Select(l => l.Id)).Distinct().ToArray();
            stdout.WriteLine();
            stdout.WriteLine($"{id}: {changed} of {compared} changed ({(compared == 0 ? 0 : 100.0 * changed / compared):F1}%)");
            var width = Math.Max(12, levels.Max(l => l.Length) + 2);
            stdout.Write("  " + "old \\ new".PadRight(width));
            foreach (var l in levels) stdout.Write(l.PadLeft(width));
            stdout.WriteLine();
            foreach (var from in levels)
            {
                stdout.Write("  " + from.PadRight(width));
                foreach (var to in levels) stdout.Write((cells.GetValueOrDefault((from, to))?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
                stdout.WriteLine();
            }

            foreach (var ((from, to), cell) in cells.Where(kv => kv.Key.Old != kv.Key.New).OrderBy(kv => kv.Key.Old).ThenBy(kv => kv.Key.New))
            {
                stdout.WriteLine($"  {from} -> {to}: {cell.Count} assessment(s), for example:");
                foreach (var (exampleLine, text) in cell.Examples) stdout.WriteLine($"    line {exampleLine}: {text}");
            }
        }
    }
}
