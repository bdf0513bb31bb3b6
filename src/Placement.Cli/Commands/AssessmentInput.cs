using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>Reads an assessment file (or '-' for standard input), printing its errors.</summary>
internal static class AssessmentInput
{
    /// <summary>The assessment, or null after printing why not to <paramref name="stderr"/>.</summary>
    public static Assessment? Read(string path, RuleSet rules, TextReader stdin, TextWriter stderr)
    {
        string text;
        try
        {
            text = path == "-" ? stdin.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be read";
            stderr.WriteLine(new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, why, path, 1, 1));
            return null;
        }

        var parsed = Assessment.TryParse(text, rules, path == "-" ? "<stdin>" : path);
        foreach (var d in parsed.Diagnostics) stderr.WriteLine(d);
        return parsed.Assessment;
    }
}
