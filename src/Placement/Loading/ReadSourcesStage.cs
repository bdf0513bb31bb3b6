using Placement.Diagnostics;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Stage 1: each file's YAML, read into a tree that keeps positions. A file must be a mapping
/// with only the sections the format has. Files that fail here are left out of later stages,
/// whose own errors are still reported.
/// </summary>
internal static class ReadSourcesStage
{
    /// <summary>The sections a rule file may have.</summary>
    public static readonly string[] Sections = ["ruleset", "types", "decisions", "criteria", "facts", "rules", "migrations"];

    /// <summary>Top-level keys of a rule test file (and 'cases', a likely name for its list).</summary>
    private static readonly string[] TestFileKeys = ["base", "tests", "cases"];

    public static IReadOnlyList<YMapping> Run(IReadOnlyList<SourceText> sources, DiagnosticBag diagnostics)
    {
        var files = new List<YMapping>();
        foreach (var source in sources)
        {
            var errorsBefore = diagnostics.Items.Count;
            var root = YamlTreeReader.Read(source, diagnostics, hintsQuoteText: true);
            if (root is null)
            {
                if (diagnostics.Items.Count == errorsBefore)
                {
                    diagnostics.Error(DiagnosticCodes.WrongNodeKind, new SourceLocation(source.Path, 1, 1), "the file is empty");
                }

                continue;
            }

            var map = MappingReader.As<YMapping>(root, "the file", diagnostics);
            if (map is null) continue;
            if (LooksLikeTestFile(source, map, diagnostics)) continue;
            _ = new MappingReader(map, "a rule file", diagnostics, Sections);
            files.Add(map);
        }

        return files;
    }

    /// <summary>
    /// A rule test file read as rules (named <c>tests.yaml</c> or <c>withdrawal_tests.yaml</c>
    /// rather than <c>*.tests.yaml</c>): one error saying so, at its first test key, instead of
    /// one per key and a missing header. The file is left out of later stages.
    /// </summary>
    private static bool LooksLikeTestFile(SourceText source, YMapping map, DiagnosticBag diagnostics)
    {
        if (map.Entries.Any(e => Array.IndexOf(Sections, e.Key.Value) >= 0)) return false;
        var keys = map.Entries.Where(e => Array.IndexOf(TestFileKeys, e.Key.Value) >= 0).Select(e => e.Key).ToArray();
        if (keys.Length == 0) return false;
        var name = RuleFiles.TestFileNameFor(source.Path);
        diagnostics.Error(DiagnosticCodes.TestFileAsRules, keys[0].Start,
            $"this looks like a rule test file (it has {string.Join(" and ", keys.Select(k => $"'{k.Value}:'"))}), not a rule file; " +
            $"name it '{name}': test files end in '.tests.yaml' and are run by 'placement test', never loaded as rules",
            name);
        return true;
    }
}
