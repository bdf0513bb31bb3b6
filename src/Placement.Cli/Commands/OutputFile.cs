namespace Placement.Cli.Commands;

/// <summary>Opens a file named with <c>--out</c>; a failure names the output path, not the input.</summary>
internal static class OutputFile
{
    /// <summary>The opened stream, or null after printing why it cannot be written to <paramref name="stderr"/>.</summary>
    public static FileStream? Create(string command, string path, TextWriter stderr)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"placement {command}: cannot write --out {path}: {Why(ex)}");
            return null;
        }
    }

    private static string Why(Exception ex) => ex switch
    {
        DirectoryNotFoundException => "no such folder",
        UnauthorizedAccessException => "permission denied",
        _ => "the file cannot be created",
    };
}
