namespace Placement.Cli.Commands;

/// <summary>Opens a file named with <c>--out</c>; a failure names the output path, not the input.</summary>
internal static class OutputFile
{
    /// <summary>The opened stream, or null after printing why it cannot be written to <paramref name="stderr"/>.</summary>
    public static FileStream? Create(string command, string path, TextWriter stderr) => Create(command, path, null, stderr);

    /// <summary>
    /// The opened stream, or null after printing why it cannot be written; refuses to write over
    /// <paramref name="input"/>, which the command is still reading (the input would be lost).
    /// </summary>
    public static FileStream? Create(string command, string path, string? input, TextWriter stderr)
    {
        try
        {
            if (input is not null && input != "-" && SameFile(path, input))
            {
                stderr.WriteLine($"placement {command}: --out {path} is the input file; write to another file (the input would be erased while it is read)");
                return null;
            }

            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"placement {command}: cannot write --out {path}: {Why(ex)}");
            return null;
        }
    }

    /// <summary>
    /// Writes a text rendered from the rule set at <paramref name="rulesPath"/> to standard output, or
    /// to <paramref name="path"/> when given (then says so): what <c>docs</c> and <c>schema</c> do.
    /// </summary>
    public static int WriteRendering(string command, string? rulesPath, string? path, Func<RuleSet, string> render, Io io)
    {
        var rules = RuleSetOption.Load(rulesPath, io.Error);
        if (rules is null) return ExitCodes.InvalidRuleSet;
        var text = render(rules);
        if (path is null)
        {
            io.Out.Write(text);
            return ExitCodes.Success;
        }

        using (var file = Create(command, path, io.Error))
        {
            if (file is null) return ExitCodes.InvalidInput;
            file.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
        }

        io.Out.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static string Why(Exception ex) => ex switch
    {
        ArgumentException => "not a valid path",
        DirectoryNotFoundException => "no such folder",
        UnauthorizedAccessException => "permission denied",
        _ => "the file cannot be created",
    };
}
