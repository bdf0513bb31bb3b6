namespace Placement.Cli.Commands;

/// <summary>Loads the rule set named by <c>--rules</c>, or the embedded default.</summary>
internal static class RuleSetOption
{
    /// <summary>The rule set, or null after printing its errors (and warnings) to <paramref name="stderr"/>.</summary>
    public static RuleSet? Load(string? path, TextWriter stderr)
    {
        if (path is null) return RuleSet.LoadDefault();
        var result = RuleSet.TryLoad(path);
        foreach (var d in result.Diagnostics) stderr.WriteLine(d);
        return result.RuleSet;
    }

    /// <summary>Loads <paramref name="path"/>, or the embedded default rule set when it is null, with every diagnostic.</summary>
    public static RuleSetLoadResult TryLoad(string? path) =>
        path is null ? RuleSet.TryLoad(RuleSet.DefaultSources()) : RuleSet.TryLoad(path);
}
