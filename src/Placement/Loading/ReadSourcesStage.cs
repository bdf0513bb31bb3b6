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

    /// <summary>
    /// The files read as YAML mappings. <paramref name="overLimit"/> is true when the rule set is past
    /// one of <see cref="PlacementLimits"/> (its size, files, rules or declarations): the error says
    /// which, and the loader stops there rather than read the rest.
    /// </summary>
    public static IReadOnlyList<YMapping> Run(IReadOnlyList<SourceText> sources, DiagnosticBag diagnostics, out bool overLimit)
    {
        var files = new List<YMapping>();
        overLimit = !WithinSizeLimits(sources, diagnostics);
        if (overLimit) return files;
        foreach (var source in sources)
        {
            var errorsBefore = diagnostics.ErrorCount;
            var root = YamlTreeReader.Read(source, diagnostics, hintsQuoteText: true);
            if (root is null)
            {
                if (diagnostics.ErrorCount == errorsBefore)
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

        overLimit = !WithinCountLimits(files, diagnostics);
        return overLimit ? [] : files;
    }

    /// <summary>Files, and the text of each and of all, within their limits; checked before any YAML is read.</summary>
    private static bool WithinSizeLimits(IReadOnlyList<SourceText> sources, DiagnosticBag diagnostics)
    {
        if (sources.Count > PlacementLimits.MaxRuleFiles)
        {
            diagnostics.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(sources[PlacementLimits.MaxRuleFiles].Path, 1, 1),
                $"the rule set has {sources.Count} files; a rule set has at most {PlacementLimits.MaxRuleFiles} (see docs/limits.md)");
            return false;
        }

        long total = 0;
        foreach (var source in sources)
        {
            // Characters, not bytes: the text is already in memory, and a character is at least one byte.
            if (source.Text.Length > PlacementLimits.MaxRuleFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(source.Path, 1, 1),
                    $"the rule file is larger than {PlacementLimits.MaxRuleFileBytes} characters, the limit; it was not read (see docs/limits.md)");
                return false;
            }

            total += source.Text.Length;
            if (total > PlacementLimits.MaxRuleSetBytes)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(source.Path, 1, 1),
                    $"the rule files hold more than {PlacementLimits.MaxRuleSetBytes} characters in all, the limit; this file was not read (see docs/limits.md)");
                return false;
            }
        }

        return true;
    }

    /// <summary>Rules and declarations within their limits, counted before any is read; the error is at the first one past the limit.</summary>
    private static bool WithinCountLimits(IReadOnlyList<YMapping> files, DiagnosticBag diagnostics)
    {
        var rules = 0;
        var declarations = 0;
        foreach (var file in files)
        {
            foreach (var (key, value) in file.Entries)
            {
                var items = value switch
                {
                    YSequence seq when key.Value == "rules" => seq.Items.Select(i => i.Start).ToArray(),
                    YMapping map when key.Value is "types" or "criteria" or "facts" or "decisions" => map.Entries.Select(e => e.Key.Start).ToArray(),
                    _ => [],
                };
                var isRules = key.Value == "rules";
                var before = isRules ? rules : declarations;
                var limit = isRules ? PlacementLimits.MaxRules : PlacementLimits.MaxDeclarations;
                if (before + items.Length > limit)
                {
                    var what = isRules ? "rules" : "declarations (types, criteria, facts and decisions together)";
                    diagnostics.Error(DiagnosticCodes.LimitExceeded, items[limit - before],
                        $"more than {limit} {what} in the rule set, the limit; the rule set was not read further (see docs/limits.md)");
                    return false;
                }

                if (isRules) rules += items.Length;
                else declarations += items.Length;
            }
        }

        return true;
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
