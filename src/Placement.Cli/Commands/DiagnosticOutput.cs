using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>Prints diagnostics as text lines or as a JSON array (for CI).</summary>
internal static class DiagnosticOutput
{
    public static void Write(IEnumerable<Diagnostic> diagnostics, string format, TextWriter writer)
    {
        if (format != "json")
        {
            foreach (var d in diagnostics) writer.WriteLine(d);
            return;
        }

        writer.WriteLine(DiagnosticJson.ToJson(diagnostics));
    }
}
