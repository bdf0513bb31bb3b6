using System.Globalization;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Assessments;

/// <summary>
/// Reads and validates an assessment: a YAML or JSON mapping from criterion ids to values.
/// Nothing is guessed: numbers must be plain whole numbers, booleans true or false, enum values
/// one of the declared words, sets a list of declared words, each at most once ([] for none).
/// Messages name the criterion and what is allowed, never the value. A top-level <c>$schema</c>
/// key (the schema editors validate with) is ignored.
/// </summary>
internal static class AssessmentReader
{
    /// <summary>
    /// A top-level key naming the JSON Schema the assessment follows, for editors; it is not an
    /// answer and is ignored. No criterion can have this id.
    /// </summary>
    public const string SchemaKey = "$schema";

    public static (int[]? Values, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, CompiledRuleSet rules, string fileName, int maxChars = PlacementLimits.MaxAssessmentBytes)
    {
        var diagnostics = new DiagnosticBag();
        if (text.Length > maxChars)
        {
            // Refused before parsing: a tree of a long text would cost many times its size.
            diagnostics.Error(DiagnosticCodes.AssessmentTooLarge, new SourceLocation(fileName, 1, 1),
                $"the assessment is larger than {maxChars} characters; an assessment is usually about 1 KB");
            return (null, diagnostics.Reported());
        }

        var source = new SourceText(fileName, text);
        if (LooksLikeJson(text, fileName) && JsonError(source) is { } jsonError)
        {
            diagnostics.Add(jsonError);
            return (null, diagnostics.Reported());
        }

        var root = YamlTreeReader.Read(source, diagnostics);
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.AssessmentShape, new SourceLocation(fileName, 1, 1),
                    "the assessment is empty; give a mapping of criterion ids to values");
            }

            return (null, diagnostics.Reported());
        }

        if (root is not YMapping map)
        {
            diagnostics.Error(DiagnosticCodes.AssessmentShape, root.Start,
                $"an assessment must be a mapping of criterion ids to values, not {root.KindName}");
            return (null, diagnostics.Reported());
        }

        var values = ReadEntries(map.Entries.Where(e => e.Key.Value != SchemaKey), rules, diagnostics);
        return (diagnostics.HasErrors ? null : values, diagnostics.Reported());
    }

    /// <summary>Validates criterion entries (a mapping's, or merged ones) into values; problems go to <paramref name="diagnostics"/>.</summary>
    public static int[] ReadEntries(IEnumerable<KeyValuePair<YScalar, YNode>> entries, CompiledRuleSet rules, DiagnosticBag diagnostics)
    {
        var values = new int[rules.CriteriaCount];
        Array.Fill(values, CompiledRuleSet.Unknown);
        foreach (var (key, node) in entries)
        {
            if (!rules.CriteriaById.TryGetValue(key.Value, out var criterion))
            {
                if (rules.Migrations.TryGetValue(key.Value, out var migration))
                {
                    diagnostics.Error(DiagnosticCodes.ReplacedCriterion, key.Start, Replaced(migration), migration.To.Id);
                    continue;
                }

                var suggested = Suggestions.Find(key.Value, rules.CriteriaById.Keys);
                var what = rules.Symbols.TryGetValue(key.Value, out var s)
                    ? $"'{key.Value}' is a {(s is Fact ? "fact" : "decision")} that the rules derive, not a criterion an assessment gives"
                    : UnknownKey(key.Value, suggested.DidYouMean);
                diagnostics.Error(DiagnosticCodes.UnknownCriterion, key.Start, what, suggested.Best);
                continue;
            }

            if (criterion.Domain.Kind == ValueKind.Set && node is YSequence list)
            {
                if (ReadSet(criterion, list, diagnostics) is { } mask) CompiledRuleSet.WriteSet(values, criterion, mask);
                continue;
            }

            if (node is not YScalar scalar)
            {
                diagnostics.Error(DiagnosticCodes.WrongValueType, node.Start, $"{criterion.Id}: expected {Expected(criterion)}, not {node.KindName}");
                continue;
            }

            if (scalar.IsNull) continue;
            var value = Convert(criterion, scalar, diagnostics);
            if (value is not null) values[criterion.Slot] = value.Value;
        }

        return values;
    }

    /// <summary>What a criterion accepts, for messages.</summary>
    public static string Expected(Criterion c) => c.Domain.Kind switch
    {
        ValueKind.Boolean => "true or false",
        ValueKind.Integer => $"a whole number from {c.Domain.Min} to {c.Domain.Max}",
        ValueKind.Set => $"a list of values from {Suggestions.List(c.Domain.Values)}",
        _ => $"one of {Suggestions.List(c.Domain.Values)}",
    };

    /// <summary>The 0-based character column of a 0-based byte position in a 1-based line (System.Text.Json counts bytes).</summary>
    private static int CharColumn(string text, int line, int bytePosition)
    {
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length) return bytePosition;
        var bytes = System.Text.Encoding.UTF8.GetBytes(lines[line - 1]);
        var within = Math.Min(bytePosition, bytes.Length);
        return System.Text.Encoding.UTF8.GetCharCount(bytes, 0, within) + (bytePosition - within);
    }

    /// <summary>
    /// The message for a key that is not a criterion. The key is repeated only when it is written like
    /// an id (lower-case letters, digits and '_', at most <see cref="PlacementLimits.MaxIdLength"/>
    /// characters), as a misspelt criterion is; any other key might hold something about the person,
    /// so it is not repeated.
    /// </summary>
    internal static string UnknownKey(string key, string didYouMean) =>
        YamlTreeReader.IsIdShaped(key)
            ? $"unknown criterion '{key}'{didYouMean}"
            : $"a key that is not a criterion (and not written like an id, so it is not repeated here){didYouMean}";

    /// <summary>
    /// The message for an answer to a criterion that an earlier version of the rule set used: it
    /// names the criterion that replaced it and what that accepts, never the answer given.
    /// </summary>
    public static string Replaced(Migration m) =>
        $"'{m.From}' was replaced by '{m.To.Id}' in this rule set; run 'placement migrate' on the assessment, or answer {m.To.Id} instead ({Expected(m.To)})";

    /// <summary>The messages about sets, shared with the fast JSON reader and the builder.</summary>
    internal static class SetMessages
    {
        public static string NotAList(Criterion c) => $"{c.Id}: expected {Expected(c)} ([] for none, or null when unknown)";

        public static string ItemNotAWord(Criterion c, string kind) => $"{c.Id}: each item is one of {Suggestions.List(c.Domain.Values)}, not {kind}";

        public static string NullItem(Criterion c) => $"{c.Id}: an item is null; give [] for none, or null instead of the list when unknown";

        public static string Twice(Criterion c) => $"{c.Id}: a value is listed twice; list each value once";

        /// <summary>The message names the criterion and what is allowed; never the answer, nor a "did you mean" that would reveal it.</summary>
        public static string NotAllowed(Criterion c) =>
            $"{c.Id}: not an allowed value; allowed: {Suggestions.List(c.Domain.Values)}";
    }

    /// <summary>A set's list as the mask of its words, or null (with diagnostics) when an item is not one of them or is repeated.</summary>
    private static int? ReadSet(Criterion c, YSequence list, DiagnosticBag diagnostics)
    {
        var mask = 0;
        var ok = true;
        foreach (var item in list.Items)
        {
            if (item is not YScalar word)
            {
                diagnostics.Error(DiagnosticCodes.WrongValueType, item.Start, SetMessages.ItemNotAWord(c, item.KindName));
                ok = false;
                continue;
            }

            if (word.IsNull)
            {
                diagnostics.Error(DiagnosticCodes.WrongValueType, word.Start, SetMessages.NullItem(c));
                ok = false;
                continue;
            }

            var index = c.Domain.IndexOf(word.Value);
            if (index < 0)
            {
                diagnostics.Error(DiagnosticCodes.NotAnAllowedValue, word.Start, SetMessages.NotAllowed(c));
                ok = false;
                continue;
            }

            if ((mask & (1 << index)) != 0)
            {
                diagnostics.Error(DiagnosticCodes.DuplicateValue, word.Start, SetMessages.Twice(c));
                ok = false;
                continue;
            }

            mask |= 1 << index;
        }

        return ok ? mask : null;
    }

    private static int? Convert(Criterion c, YScalar scalar, DiagnosticBag diagnostics)
    {
        var domain = c.Domain;
        switch (domain.Kind)
        {
            case ValueKind.Boolean:
                if (scalar.IsPlain && scalar.Value is "true" or "false") return scalar.Value == "true" ? 1 : 0;
                diagnostics.Error(DiagnosticCodes.WrongValueType, scalar.Start, $"{c.Id}: expected true or false (or null when unknown)");
                return null;
            case ValueKind.Integer:
                if (!scalar.IsPlain || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    diagnostics.Error(DiagnosticCodes.WrongValueType, scalar.Start, $"{c.Id}: expected {Expected(c)} (or null when unknown)");
                    return null;
                }

                if (number < domain.Min || number > domain.Max)
                {
                    diagnostics.Error(DiagnosticCodes.OutOfRange, scalar.Start, $"{c.Id}: out of range; allowed {domain.Min} to {domain.Max}");
                    return null;
                }

                return (int)number;
            case ValueKind.Set:
                diagnostics.Error(DiagnosticCodes.WrongValueType, scalar.Start, SetMessages.NotAList(c));
                return null;
            default:
                var index = domain.IndexOf(scalar.Value);
                if (index >= 0) return index;
                diagnostics.Error(DiagnosticCodes.NotAnAllowedValue, scalar.Start, SetMessages.NotAllowed(c));
                return null;
        }
    }

    /// <summary>JSON is read by the YAML reader too, but a JSON document gets JSON's own syntax errors.</summary>
    internal static bool LooksLikeJson(string text, string fileName) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');

    internal static Diagnostic? JsonError(SourceText source)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(source.Text);
            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = CharColumn(source.Text, line, (int)(ex.BytePositionInLine ?? 0)) + 1;
            return new Diagnostic(DiagnosticCodes.JsonSyntax, DiagnosticSeverity.Error, "invalid JSON: " + JsonReason(ex), source.Path, line, column);
        }
    }

    /// <summary>The parser's reason without its position and without any of the text (which may hold answers).</summary>
    private static string JsonReason(System.Text.Json.JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains('\'', StringComparison.Ordinal) ? "the text is not well-formed JSON" : message.TrimEnd('.');
    }
}
