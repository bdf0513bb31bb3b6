using System.CommandLine;
using System.Globalization;

namespace Placement.Cli.Commands;

/// <summary>The standard streams of one run of the tool (the console, or strings in tests).</summary>
internal sealed record Io(TextReader In, TextWriter Out, TextWriter Error);

/// <summary>Options shared by several commands, and factories for the typed ones.</summary>
internal static class CliOptions
{
    /// <summary>The <c>--rules</c> option, added to every command that reads a rule set (<c>test</c> describes its own: it needs a folder).</summary>
    public static Option<string?> Rules(string description = "A rule file or a folder of rule files. Default: the embedded default rule set.") => new("--rules", "-r")
    {
        Description = description,
        HelpName = "PATH",
    };

    /// <summary>A <c>--format</c> option taking one of <paramref name="formats"/> (any case); the first is the default.</summary>
    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"{description} Default: {formats[0]}.",
            HelpName = string.Join('|', formats),
            CustomParser = result =>
            {
                var given = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                var format = formats.FirstOrDefault(f => string.Equals(f, given, StringComparison.OrdinalIgnoreCase));
                if (format is null) result.AddError($"unknown --format '{given}'; use {Words(formats)}");
                return format ?? formats[0];
            },
        };
        option.CompletionSources.Add(formats);
        return option;
    }

    /// <summary>An option taking a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> WholeNumber(string name, string helpName, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var given = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            result.AddError($"{name} takes a whole number from {min} to {max}; got '{given}'");
            return null;
        },
    };

    /// <summary>An option taking a percentage from 0 to 100 (a trailing '%' is allowed).</summary>
    public static Option<double?> Percentage(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "PERCENT",
        CustomParser = result =>
        {
            var given = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (double.TryParse(given.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100) return p;
            result.AddError($"{name} takes a percentage from 0 to 100; got '{given}'");
            return null;
        },
    };

    /// <summary>An input file argument, where '-' means standard input.</summary>
    public static Argument<string> Input(string name, string description) => new(name) { Description = description };

    /// <summary>"a, b or c".</summary>
    public static string Words(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
}
