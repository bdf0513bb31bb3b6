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
    public static readonly string[] Sections = ["ruleset", "types", "decisions", "criteria", "facts", "rules"];

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
            _ = new MappingReader(map, "a rule file", diagnostics, Sections);
            files.Add(map);
        }

        return files;
    }
}
