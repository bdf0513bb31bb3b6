using System.Text.Json;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;

namespace Placement.Assessments;

/// <summary>
/// Reads one assessment from UTF-8 JSON (one line of NDJSON) without the YAML layer, for batch
/// throughput. Validation and messages are the same as <see cref="AssessmentReader"/>'s: nothing
/// is guessed, messages name the criterion and never the value. Columns are 1-based byte offsets.
/// </summary>
internal static class AssessmentJsonReader
{
    private static readonly byte[] SchemaKeyUtf8 = System.Text.Encoding.UTF8.GetBytes(AssessmentReader.SchemaKey);

    public static int[]? Read(ReadOnlySpan<byte> json, CompiledRuleSet rules, string file, int line, List<Diagnostic> errors) =>
        Read(json, rules, file, line, errors, null, out _);

    /// <summary>
    /// Reads the assessment; the property named <paramref name="recordKey"/> (when not null) is
    /// skipped, and its value, if a string or number, returned as raw JSON in <paramref name="key"/>.
    /// </summary>
    public static int[]? Read(ReadOnlySpan<byte> json, CompiledRuleSet rules, string file, int line, List<Diagnostic> errors, string? recordKey, out string? key)
    {
        key = null;
        var keySeen = false;
        var values = new int[rules.CriteriaCount];
        Array.Fill(values, CompiledRuleSet.Unknown);
        var before = errors.Count;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Add(errors, DiagnosticCodes.AssessmentShape, file, line, reader.TokenStartIndex, "an assessment must be a JSON object of criterion ids to values");
                return null;
            }

            var names = rules.Utf8CriterionNames;
            var criteria = rules.PublicCriteria;
            var seen = new bool[names.Length];
            var next = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyAt = reader.TokenStartIndex;
                // Lines usually list the criteria in declaration order: look from after the last match first.
                var slot = -1;
                for (var j = 0; j < names.Length && slot < 0; j++)
                {
                    var k = next + j < names.Length ? next + j : next + j - names.Length;
                    if (reader.ValueTextEquals(names[k])) slot = k;
                }

                if (slot >= 0) next = slot + 1;

                // Not a criterion: the record key or $schema are matched without allocating a string.
                var isKey = slot < 0 && recordKey is not null && reader.ValueTextEquals(recordKey);
                var isSchema = slot < 0 && !isKey && reader.ValueTextEquals(SchemaKeyUtf8);
                var name = slot >= 0 ? criteria[slot].Id : isKey ? recordKey! : isSchema ? AssessmentReader.SchemaKey : reader.GetString()!;
                reader.Read();
                var valueType = reader.TokenType;
                var valueAt = reader.TokenStartIndex;
                if (slot >= 0 && !seen[slot] && valueType == JsonTokenType.StartArray && criteria[slot].Domain.Kind == ValueKind.Set)
                {
                    seen[slot] = true;
                    if (ReadSet(ref reader, criteria[slot], rules, file, line, errors) is { } mask) CompiledRuleSet.WriteSet(values, criteria[slot], mask);
                    continue;
                }

                if (valueType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var kind = valueType == JsonTokenType.StartObject ? "an object" : "a list";
                    reader.Skip();
                    if (rules.CriteriaById.TryGetValue(name, out var nested) && !(kind == "a list" && nested.Domain.Kind == ValueKind.Set))
                    {
                        Add(errors, DiagnosticCodes.WrongValueType, file, line, valueAt, $"{nested.Id}: expected {AssessmentReader.Expected(nested)}, not {kind}");
                        continue;
                    }
                }

                // The schema an editor validated the assessment with: not an answer.
                if (isSchema) continue;

                // The record's identifier: returned, never read as a criterion, shown only if a string or number.
                if (isKey)
                {
                    if (keySeen)
                    {
                        // Two identifiers: neither can be trusted to name the record.
                        key = null;
                        Add(errors, DiagnosticCodes.DuplicateKey, file, line, keyAt, $"duplicate key '{name}'");
                        continue;
                    }

                    keySeen = true;
                    if (valueType is JsonTokenType.String or JsonTokenType.Number)
                    {
                        key = System.Text.Encoding.UTF8.GetString(json[(int)valueAt..(int)reader.BytesConsumed]);
                    }
                    else if (valueType != JsonTokenType.Null)
                    {
                        Add(errors, DiagnosticCodes.WrongValueType, file, line, valueAt, $"{name}: a record key must be a string or a number");
                    }

                    continue;
                }

                if (slot >= 0 && seen[slot])
                {
                    Add(errors, DiagnosticCodes.DuplicateKey, file, line, keyAt, $"duplicate key '{name}'");
                    continue;
                }

                if (slot < 0 && rules.Migrations.TryGetValue(name, out var migration))
                {
                    Add(errors, DiagnosticCodes.ReplacedCriterion, file, line, keyAt, AssessmentReader.Replaced(migration), migration.To.Id);
                    continue;
                }

                if (slot < 0)
                {
                    var suggested = Suggestions.Find(name, rules.CriteriaById.Keys);
                    Add(errors, DiagnosticCodes.UnknownCriterion, file, line, keyAt, AssessmentReader.UnknownKey(name, suggested.DidYouMean), suggested.Best);
                    continue;
                }

                seen[slot] = true;
                var criterion = criteria[slot];
                var at = reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.Null) continue;
                var domain = criterion.Domain;
                switch (domain.Kind)
                {
                    case ValueKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                        values[criterion.Slot] = reader.TokenType == JsonTokenType.True ? 1 : 0;
                        break;
                    case ValueKind.Integer when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n):
                        if (n < domain.Min || n > domain.Max)
                        {
                            Add(errors, DiagnosticCodes.OutOfRange, file, line, at, $"{criterion.Id}: out of range; allowed {domain.Min} to {domain.Max}");
                        }
                        else
                        {
                            values[criterion.Slot] = (int)n;
                        }

                        break;
                    case ValueKind.Enum when reader.TokenType == JsonTokenType.String:
                        var words = rules.Utf8Values(domain);
                        var index = -1;
                        for (var w = 0; w < words.Length && index < 0; w++)
                        {
                            if (reader.ValueTextEquals(words[w])) index = w;
                        }

                        if (index >= 0)
                        {
                            values[criterion.Slot] = index;
                        }
                        else
                        {
                            var word = reader.GetString()!;
                            Add(errors, DiagnosticCodes.NotAnAllowedValue, file, line, at,
                                AssessmentReader.SetMessages.NotAllowed(criterion));
                        }

                        break;
                    case ValueKind.Set:
                        Add(errors, DiagnosticCodes.WrongValueType, file, line, at, AssessmentReader.SetMessages.NotAList(criterion));
                        break;
                    default:
                        Add(errors, DiagnosticCodes.WrongValueType, file, line, at, $"{criterion.Id}: expected {AssessmentReader.Expected(criterion)} (or null when unknown)");
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                Add(errors, DiagnosticCodes.AssessmentShape, file, line, reader.TokenStartIndex, "unexpected content after the assessment object");
            }
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot decode (such as an escaped lone surrogate): not valid text.
            Add(errors, DiagnosticCodes.JsonSyntax, file, line, reader.TokenStartIndex, "invalid JSON: a string that is not valid text");
        }
        catch (JsonException ex)
        {
            Add(errors, DiagnosticCodes.JsonSyntax, file, line, (int)(ex.BytePositionInLine ?? 0), "invalid JSON");
        }

        return errors.Count > before ? null : values;
    }

    /// <summary>A set's JSON array (the reader on its start) as the mask of its words, or null with errors; leaves the reader on its end.</summary>
    private static int? ReadSet(ref Utf8JsonReader reader, Criterion set, CompiledRuleSet rules, string file, int line, List<Diagnostic> errors)
    {
        var words = rules.Utf8Values(set.Domain);
        var mask = 0;
        var ok = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.String)
            {
                var kind = reader.TokenType switch
                {
                    JsonTokenType.StartObject => "an object",
                    JsonTokenType.StartArray => "a list",
                    JsonTokenType.Number => "a number",
                    JsonTokenType.True or JsonTokenType.False => "true or false",
                    _ => null,
                };
                Add(errors, DiagnosticCodes.WrongValueType, file, line, at,
                    kind is null ? AssessmentReader.SetMessages.NullItem(set) : AssessmentReader.SetMessages.ItemNotAWord(set, kind));
                reader.Skip();
                ok = false;
                continue;
            }

            var index = -1;
            for (var w = 0; w < words.Length && index < 0; w++)
            {
                if (reader.ValueTextEquals(words[w])) index = w;
            }

            if (index < 0)
            {
                Add(errors, DiagnosticCodes.NotAnAllowedValue, file, line, at, AssessmentReader.SetMessages.NotAllowed(set));
                ok = false;
            }
            else if ((mask & (1 << index)) != 0)
            {
                Add(errors, DiagnosticCodes.DuplicateValue, file, line, at, AssessmentReader.SetMessages.Twice(set));
                ok = false;
            }
            else
            {
                mask |= 1 << index;
            }
        }

        return ok ? mask : null;
    }

    /// <summary>
    /// Adds one error; past <see cref="PlacementLimits.MaxDiagnostics"/> one more says that the rest
    /// are left out, and nothing further is kept (a line of 20,000 unknown keys costs 1,001 entries).
    /// </summary>
    private static void Add(List<Diagnostic> errors, string code, string file, int line, long byteIndex, string message, string? suggestion = null)
    {
        if (errors.Count > PlacementLimits.MaxDiagnostics) return;
        errors.Add(errors.Count == PlacementLimits.MaxDiagnostics
            ? new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error,
                $"more problems found and not shown, from here on; only the first {PlacementLimits.MaxDiagnostics} are reported", file, line, (int)byteIndex + 1)
            : new Diagnostic(code, DiagnosticSeverity.Error, message, file, line, (int)byteIndex + 1, suggestion));
    }
}
