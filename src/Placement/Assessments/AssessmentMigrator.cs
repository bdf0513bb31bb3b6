using System.Text;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Assessments;

/// <summary>
/// Rewrites an assessment written for an earlier version of a rule set, following the rule set's
/// <c>migrations:</c>. The text is edited in place, answer by answer, so everything else stays as
/// written (order, layout, comments, other answers): a migrated key is renamed and its value replaced
/// by the mapped value in the same format (YAML or JSON). An old answer the migration maps to
/// <c>ask</c> becomes <c>null</c> (unknown), with a YAML comment saying to ask again when the entry
/// is on a line of its own. An answer the migration does not map, or an old answer given together
/// with its replacement, is an error (PL5008): nothing is guessed. The migrated text is then read
/// like any assessment, so every other problem is reported too, all at once. Messages never show an
/// answer.
/// </summary>
internal static class AssessmentMigrator
{
    /// <summary>One migrated answer: where its key was, and whether the question must be asked again.</summary>
    public sealed record Change(string From, string To, bool AskAgain, SourceLocation At);

    /// <summary>Checks a migrated text the way the caller reads assessments, adding its problems.</summary>
    public delegate void Validate(string migratedText, List<Diagnostic> diagnostics);

    /// <summary>Migrates a YAML or JSON assessment; the text is null when there is any error.</summary>
    public static (string? Text, IReadOnlyList<Change> Changes, IReadOnlyList<Diagnostic> Diagnostics) Migrate(
        string text, CompiledRuleSet rules, string fileName, Validate validate)
    {
        var diagnostics = new DiagnosticBag();
        var changes = new List<Change>();
        var source = new SourceText(fileName, text);
        var json = AssessmentReader.LooksLikeJson(text, fileName);
        if (json && AssessmentReader.JsonError(source) is { } jsonError) return (null, changes, [jsonError]);

        var root = YamlTreeReader.Read(source, diagnostics);
        if (diagnostics.HasErrors) return (null, changes, diagnostics.Reported()); // YAML errors, such as a key given twice
        if (root is not YMapping map)
        {
            // Not a mapping (or not YAML): the reader says what is wrong, as for any assessment.
            var problems = new List<Diagnostic>();
            validate(text, problems);
            return (null, changes, problems.Count > 0 ? problems : diagnostics.Reported());
        }

        var edits = new List<(int Start, int End, string Text)>();
        var given = new HashSet<string>(map.Entries.Select(e => e.Key.Value), StringComparer.Ordinal);
        var flow = text[map.StartIndex] == '{';
        foreach (var (key, node) in map.Entries)
        {
            if (!rules.Migrations.TryGetValue(key.Value, out var m)) continue;
            var to = m.To;
            if (given.Contains(to.Id))
            {
                diagnostics.Error(DiagnosticCodes.CannotMigrate, key.Start,
                    $"both '{m.From}' and '{to.Id}' are given, and '{m.From}' was replaced by '{to.Id}'; remove one of them and run again");
                continue;
            }

            var ask = false;
            if (node is YScalar { IsNull: true } || m.Values is null)
            {
                // Unknown stays unknown; without 'values' the answer is carried over as written, and checked below.
            }
            else if (node is YScalar { Style: YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded })
            {
                // A block scalar spans lines; replacing it in place could join lines. Nothing is guessed.
                diagnostics.Error(DiagnosticCodes.CannotMigrate, node.Start,
                    $"'{m.From}' (replaced by '{to.Id}'): an answer written as a block (| or >) is not migrated; write it on one line, or answer {to.Id} instead ({AssessmentReader.Expected(to)})");
                continue;
            }
            else if (node is YScalar scalar && !QuotedNumberOrBoolean(scalar) && m.Values.TryGetValue(scalar.Value, out var mapped))
            {
                ask = mapped.Ask;
                edits.Add((scalar.StartIndex, scalar.EndIndex, ask ? "null" : Format(to, mapped.Value, json)));
                if (ask && !flow && RestOfLineIsBlank(text, scalar.EndIndex))
                {
                    edits.Add((scalar.EndIndex, scalar.EndIndex, $"  # ask again: the answer to {m.From} cannot be mapped to {to.Id}"));
                }
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.CannotMigrate, node.Start,
                    $"'{m.From}' (replaced by '{to.Id}'): the answer is not one the migration maps (allowed: {Suggestions.List(m.FromValues)}); answer {to.Id} instead ({AssessmentReader.Expected(to)})");
                continue;
            }

            edits.Add((key.StartIndex, key.EndIndex, KeyText(to.Id, key.Style)));
            changes.Add(new Change(m.From, to.Id, ask, key.Start));
        }

        var migrated = Apply(text, edits);
        var checks = new List<Diagnostic>();
        validate(migrated, checks);

        // Every old key left in the text is one reported above; the reader's PL5007 for it would say it twice.
        var all = diagnostics.Reported().Concat(checks.Where(d => !(diagnostics.HasErrors && d.Code == DiagnosticCodes.ReplacedCriterion))).ToArray();
        var failed = all.Any(d => d.IsError);
        return (failed ? null : migrated, changes, all);
    }

    /// <summary>A value of <paramref name="c"/> as YAML or JSON text.</summary>
    private static string Format(Criterion c, int value, bool json)
    {
        var domain = c.Domain;
        return domain.Kind switch
        {
            ValueKind.Integer or ValueKind.Boolean => domain.Format(value),
            ValueKind.Set => "[" + string.Join(", ", domain.Values.Where((_, i) => (value & (1 << i)) != 0).Select(w => json ? Quote(w) : w)) + "]",
            _ => json ? Quote(domain.Values[value]) : domain.Values[value],
        };
    }

    private static string Quote(string word) => "\"" + word + "\"";

    private static string KeyText(string id, YamlDotNet.Core.ScalarStyle style) => style switch
    {
        YamlDotNet.Core.ScalarStyle.DoubleQuoted => Quote(id),
        YamlDotNet.Core.ScalarStyle.SingleQuoted => "'" + id + "'",
        _ => id,
    };

    /// <summary>"true", "12": a quoted number or boolean, which no assessment reader accepts, so no migration maps it.</summary>
    private static bool QuotedNumberOrBoolean(YScalar scalar) =>
        !scalar.IsPlain && (scalar.Value is "true" or "false" || long.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _));

    private static bool RestOfLineIsBlank(string text, int index)
    {
        for (var i = index; i < text.Length && text[i] != '\n'; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r')) return false;
        }

        return true;
    }

    private static string Apply(string text, List<(int Start, int End, string Text)> edits)
    {
        if (edits.Count == 0) return text;
        var builder = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            builder.Remove(start, end - start).Insert(start, replacement);
        }

        return builder.ToString();
    }
}
