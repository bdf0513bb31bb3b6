using System.Text.Encodings.Web;
using System.Text.Json;
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

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("severity", d.IsError ? "error" : "warning");
                w.WriteString("message", d.Message);
                w.WriteString("file", d.File);
                w.WriteNumber("line", d.Line);
                w.WriteNumber("column", d.Column);
                if (d.Suggestion is not null) w.WriteString("suggestion", d.Suggestion);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
