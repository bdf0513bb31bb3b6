using System.Buffers;
using System.Text;
using Placement.Diagnostics;

namespace Placement.Loading;

/// <summary>
/// Reads a user's file as UTF-8 text: refused before it is read when it is larger than its limit
/// (PL1010), and refused with the position of the first bad byte when it is not UTF-8 (PL1001),
/// instead of silently turning bad bytes into replacement characters. A byte order mark is skipped.
/// </summary>
internal static class UserFiles
{
    /// <summary>The file's text, or null with <paramref name="error"/> set.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static string? ReadText(string path, long maxBytes, string what, string code, out Diagnostic? error)
    {
        error = null;
        // The length on disk is checked first; the read stops one byte past the limit anyway, for a
        // pipe or a device (whose length reads 0) and for a file that grows while it is read.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        if (stream.CanSeek && stream.Length > maxBytes) return TooLarge(path, maxBytes, what, code, out error);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return TooLarge(path, maxBytes, what, code, out error);
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path, out error);
    }

    private static string? TooLarge(string path, long maxBytes, string what, string code, out Diagnostic? error)
    {
        error = new Diagnostic(code, DiagnosticSeverity.Error,
            $"{what} is larger than {maxBytes} bytes, the limit; it was not read (see docs/limits.md)", path, 1, 1);
        return null;
    }

    /// <summary>The bytes as UTF-8 text, or null with a positioned PL1001 at the first byte that is not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, out Diagnostic? error)
    {
        error = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var at = FirstInvalid(bytes);
        var (line, column) = Position(bytes, at);
        error = new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error,
            $"the file is not UTF-8: byte 0x{bytes[at]:X2} here is not part of a UTF-8 character; save the file as UTF-8", path, line, column);
        return null;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }

        return -1;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int at)
    {
        var before = bytes[..at];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
