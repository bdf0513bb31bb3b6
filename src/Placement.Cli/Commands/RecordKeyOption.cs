using System.CommandLine;
using Placement.Diagnostics;

namespace Placement.Cli.Commands;

/// <summary>
/// <c>--key NAME</c> for the commands that read NDJSON: the property of each line that identifies
/// its source record. It is never read as a criterion; <c>batch</c> echoes it in the line's result,
/// and errors about the line name it, so results join back to their records without line numbers.
/// </summary>
internal static class RecordKeyOption
{
    public const string Default = "id";

    public static Option<string?> Create() => new("--key")
    {
        Description = "The property of each line holding the record's key (a string or number): echoed as \"key\", "
            + $"named in errors, never read as a criterion. Default: {Default} (unless a criterion is called {Default}).",
        HelpName = "NAME",
    };

    /// <summary>
    /// The record key to use: the one given, or <see cref="Default"/> unless a rule set has a
    /// criterion of that name (then none, so the answer is read). False after a usage error when the
    /// name given is empty or a criterion's.
    /// </summary>
    public static bool TryResolve(string command, string? given, IEnumerable<RuleSet> ruleSets, TextWriter stderr, out string? key)
    {
        static bool IsCriterion(RuleSet rules, string name) => rules.NamesAnAnswer(name);
        key = null;
        if (given is null)
        {
            if (!ruleSets.Any(r => IsCriterion(r, Default))) key = Default;
            return true;
        }

        if (given.Length == 0)
        {
            stderr.WriteLine($"placement {command}: --key takes the name of a property");
            return false;
        }

        if (ruleSets.Any(r => IsCriterion(r, given)))
        {
            stderr.WriteLine($"placement {command}: --key '{given}' names an answer in the rule set (a criterion, or one a migration replaces); choose another name for the record key");
            return false;
        }

        key = given;
        return true;
    }

    /// <summary>
    /// The diagnostic with the record's key before its message (<c>id "A-17": ...</c>). The key is a
    /// string or number as raw JSON, so it stays on one line; nothing else of the record is shown.
    /// </summary>
    public static Diagnostic Name(Diagnostic diagnostic, string? keyName, string? rawKey) =>
        keyName is null || rawKey is null ? diagnostic : diagnostic with { Message = $"{keyName} {rawKey}: {diagnostic.Message}" };
}
