using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>Reads an assessment file (or '-' for standard input), printing its errors.</summary>
internal static class AssessmentInput
{
    /// <summary>The assessment, or null after printing why not to <paramref name="stderr"/>.</summary>
    public static Assessment? Read(string path, RuleSet rules, TextReader stdin, TextWriter stderr)
    {
        AssessmentParseResult parsed;
        var name = path == "-" ? "<stdin>" : path;
        try
        {
            // Refused before it is read into memory when over the limit: an assessment is about 1 KB.
            if (path != "-" && new FileInfo(path).Length > Assessment.DefaultMaxBytes) return TooLarge(name, stderr);
            if (path == "-")
            {
                if (LimitedText.ReadAll(stdin, Assessment.DefaultMaxBytes) is not { } text) return TooLarge(name, stderr);
                parsed = Assessment.TryParse(text, rules, name);
            }
            else
            {
                // The library's stream reader: bytes that are not UTF-8 are an error at their position, not replaced.
                using var file = File.OpenRead(path);
                parsed = Assessment.TryParseAsync(file, rules, name).GetAwaiter().GetResult();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be read";
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, why, path, 1, 1));
            return null;
        }

        foreach (var d in parsed.Diagnostics) stderr.WriteLine(d);
        return parsed.Assessment;
    }

    private static Assessment? TooLarge(string name, TextWriter stderr)
    {
        stderr.WriteLine(new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
            $"the assessment is larger than {Assessment.DefaultMaxBytes} bytes; an assessment is usually about 1 KB", name, 1, 1));
        return null;
    }
}
