using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Placement.Diagnostics;

/// <summary>Diagnostics as JSON (see schemas/diagnostics.schema.json), for CI and editors.</summary>
public static class DiagnosticJson
{
    /// <summary>A JSON array of diagnostics, each <c>{ code, severity, message, file, line, column, suggestion? }</c>.</summary>
    public static string ToJson(IEnumerable<Diagnostic> diagnostics, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var d in diagnostics) Write(writer, d);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one diagnostic as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostic);
        writer.WriteStartObject();
        writer.WriteString("code", diagnostic.Code);
        writer.WriteString("severity", diagnostic.IsError ? "error" : "warning");
        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("file", diagnostic.File);
        writer.WriteNumber("line", diagnostic.Line);
        writer.WriteNumber("column", diagnostic.Column);
        if (diagnostic.Suggestion is not null) writer.WriteString("suggestion", diagnostic.Suggestion);
        writer.WriteEndObject();
    }
}
