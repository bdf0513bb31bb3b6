using System.Globalization;
using System.Text.RegularExpressions;
using Placement.Diagnostics;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>Reads and checks single values of a rule file: ids, words from a list, booleans, whole numbers.</summary>
internal sealed partial class FieldReaders(DiagnosticBag diagnostics)
{
    /// <summary>Words of the condition language, which cannot be ids.</summary>
    public static readonly string[] Reserved = ["null", "and", "or", "not", "in", "true", "false", "known", "count", "min", "max", "has"];

    private readonly DiagnosticBag _diagnostics = diagnostics;

    public string? ReadWord(MappingReader reader, string key, string[] allowed)
    {
        var node = reader.Scalar(key);
        if (node is null) return null;
        if (Array.IndexOf(allowed, node.Value) >= 0) return node.Value;
        var suggested = Suggestions.Find(node.Value, allowed);
        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start,
            $"'{node.Value}' is not a valid {key}{suggested.DidYouMean}; allowed: {Suggestions.List(allowed)}", suggested.Best);
        return null;
    }

    public bool ReadBoolean(MappingReader reader, string key)
    {
        var node = reader.Scalar(key);
        if (node is null) return false;
        if (node.IsPlain && node.Value is "true" or "false") return node.Value == "true";
        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'{key}' must be true or false");
        return false;
    }

    public int? ReadInt(YScalar node)
    {
        if (node.IsPlain && int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'{node.Value}' is not a whole number");
        return null;
    }

    public bool CheckId(YScalar node, string what)
    {
        if (node.Value.Length > PlacementLimits.MaxIdLength)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, node.Start, $"the {what} id is longer than {PlacementLimits.MaxIdLength} characters, the limit");
            return false;
        }

        if (!IdPattern().IsMatch(node.Value))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, node.Start,
                $"'{node.Value}' is not a valid {what} id; use lower-case letters, digits and underscores, starting with a letter");
            return false;
        }

        if (Array.IndexOf(Reserved, node.Value) >= 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, node.Start, $"'{node.Value}' is a word of the condition language and cannot be a {what} id");
            return false;
        }

        return true;
    }

    /// <summary>True when a rule id has the allowed form (letters, digits, '_', '-', '.').</summary>
    public static bool IsRuleId(string id) => RuleIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex RuleIdPattern();
}
