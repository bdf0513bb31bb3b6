using System.Security.Cryptography;
using System.Text;
using Placement.Diagnostics;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>The files of a rule set on disk, and the hash that identifies a rule set's content.</summary>
internal static class RuleFiles
{
    /// <summary>The texts of a rule set on disk: one file, or every *.yaml/*.yml in a folder except *.tests.yaml.</summary>
    public static IReadOnlyList<SourceText>? Read(string path, out Diagnostic? error)
    {
        error = null;
        try
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(IsRuleFile)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                    .ToArray();
                if (files.Length == 0)
                {
                    error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error,
                        "no rule files (*.yaml or *.yml) in this folder", path, 1, 1);
                    return null;
                }

                if (files.Length > PlacementLimits.MaxRuleFiles)
                {
                    error = new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error,
                        $"the folder has {files.Length} rule files; a rule set has at most {PlacementLimits.MaxRuleFiles} (see docs/limits.md)", path, 1, 1);
                    return null;
                }

                var texts = new List<SourceText>(files.Length);
                long total = 0;
                foreach (var f in files)
                {
                    // The length on disk first, so the file that would pass the total is not read (the
                    // loader checks the texts' total again, for files that grew and for texts given in memory).
                    total += new FileInfo(f).Length;
                    if (total > PlacementLimits.MaxRuleSetBytes)
                    {
                        error = new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error,
                            $"the rule files of this folder hold more than {PlacementLimits.MaxRuleSetBytes} bytes in all, the limit; this file was not read (see docs/limits.md)", f, 1, 1);
                        return null;
                    }

                    var text = ReadOne(f, out error);
                    if (text is null) return null;
                    texts.Add(new SourceText(f, text));
                }

                return texts;
            }

            if (File.Exists(path)) return ReadOne(path, out error) is { } one ? [new SourceText(path, one)] : null;
            error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "no such file or folder", path, 1, 1);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "cannot be read: " + ex.GetType().Name, path, 1, 1);
            return null;
        }
    }

    private static string? ReadOne(string file, out Diagnostic? error) =>
        UserFiles.ReadText(file, PlacementLimits.MaxRuleFileBytes, "the rule file", DiagnosticCodes.LimitExceeded, out error);

    /// <summary>True for a rule file name: *.yaml or *.yml, not *.tests.yaml.</summary>
    public static bool IsRuleFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
               && !IsTestFile(name);
    }

    /// <summary>True for a rule test file name: *.tests.yaml or *.tests.yml.</summary>
    public static bool IsTestFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".tests.yaml", StringComparison.Ordinal) || name.EndsWith(".tests.yml", StringComparison.Ordinal);
    }

    /// <summary>
    /// The name a rule test file should have: <c>withdrawal_tests.yaml</c>, <c>withdrawal.test.yaml</c>
    /// and <c>withdrawal.yaml</c> become <c>withdrawal.tests.yaml</c>; <c>tests.yaml</c> becomes
    /// <c>rules.tests.yaml</c>.
    /// </summary>
    public static string TestFileNameFor(string path)
    {
        var name = Path.GetFileName(path);
        var extension = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? ".yml" : ".yaml";
        var stem = Path.GetFileNameWithoutExtension(name);
        foreach (var suffix in new[] { "tests", "test" })
        {
            if (!stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = stem[..^suffix.Length];
            if (rest.Length == 0 || rest[^1] is '.' or '_' or '-')
            {
                stem = rest.TrimEnd('.', '_', '-');
                break;
            }
        }

        return (stem.Length == 0 ? "rules" : stem) + ".tests" + extension;
    }

    /// <summary>
    /// The sha256 of a rule set's content: each file's name (without folder) and text, newlines
    /// normalised, in name order; the same whether loaded from disk or from the embedded copy.
    /// </summary>
    public static string Hash(IEnumerable<SourceText> sources)
    {
        var sb = new StringBuilder();
        foreach (var source in sources.OrderBy(s => Path.GetFileName(s.Path), StringComparer.Ordinal))
        {
            sb.Append(Path.GetFileName(source.Path)).Append('\n');
            sb.Append(source.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}
