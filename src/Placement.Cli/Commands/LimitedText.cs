namespace Placement.Cli.Commands;

/// <summary>
/// Reading text from a user with a limit, so memory stays bounded whatever the input holds: a whole
/// text up to one character past the limit, or lines, each kept only when it is within the limit
/// (a longer line is skipped up to its newline, never held).
/// </summary>
internal static class LimitedText
{
    /// <summary>The text, or null when it is longer than <paramref name="maxChars"/> (not read further).</summary>
    public static string? ReadAll(TextReader reader, int maxChars)
    {
        var buffer = new char[16 * 1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > maxChars) return null;
        }

        return text.ToString();
    }

    /// <summary>
    /// The lines of the text (without their '\n' or "\r\n"), numbered from 1; a line longer than
    /// <paramref name="maxChars"/> is returned as null, having been skipped without being kept.
    /// </summary>
    public static IEnumerable<(int Number, string? Line)> Lines(TextReader reader, int maxChars)
    {
        var line = new System.Text.StringBuilder();
        var tooLong = false;
        var number = 0;
        var buffer = new char[16 * 1024];
        var any = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                any = true;
                if (c == '\n')
                {
                    number++;
                    yield return (number, tooLong ? null : Trimmed(line));
                    line.Clear();
                    tooLong = false;
                    any = false;
                    continue;
                }

                if (tooLong) continue;
                line.Append(c);
                if (line.Length > maxChars)
                {
                    tooLong = true;
                    line.Clear();
                }
            }
        }

        if (any) yield return (number + 1, tooLong ? null : Trimmed(line));
    }

    private static string Trimmed(System.Text.StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
}
