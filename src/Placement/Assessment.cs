using Placement.Assessments;
using Placement.Diagnostics;
using Placement.Engine;

namespace Placement;

/// <summary>
/// The answers for one person, checked against a rule set's criteria. A criterion that is not
/// given is unknown; the recommendation then says what it could change. Immutable.
/// </summary>
public sealed class Assessment : IEquatable<Assessment>
{
    internal Assessment(RuleSet ruleSet, int[] values)
    {
        RuleSet = ruleSet;
        Values = values;
        if (ruleSet.Compiled.Sets.Length > 0) ruleSet.Compiled.SyncSets(values);
        IsComplete = Array.IndexOf(values, CompiledRuleSet.Unknown) < 0;
    }

    /// <summary>The rule set whose criteria this assessment answers.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>True when every criterion was given: the recommendation can then never be provisional.</summary>
    public bool IsComplete { get; }

    /// <summary>One value per criterion slot (a set's members included); <see cref="CompiledRuleSet.Unknown"/> when not given.</summary>
    internal int[] Values { get; }

    /// <summary>
    /// Reads an assessment from YAML or JSON: a mapping of criterion ids to values (null or
    /// absent means unknown). Throws <see cref="AssessmentException"/> listing every problem.
    /// </summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    public static Assessment Parse(string text, RuleSet ruleSet, string fileName = "assessment")
    {
        var result = TryParse(text, ruleSet, fileName);
        return result.Success ? result.Assessment : throw new AssessmentException(result.Diagnostics);
    }

    /// <summary>Reads an assessment from YAML or JSON, reporting every problem with its position.</summary>
    public static AssessmentParseResult TryParse(string text, RuleSet ruleSet, string fileName = "assessment")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (values, diagnostics) = AssessmentReader.Read(text, ruleSet.Compiled, fileName ?? "assessment");
        return new AssessmentParseResult(values is null ? null : new Assessment(ruleSet, values), diagnostics);
    }

    /// <summary>
    /// Reads one assessment from a UTF-8 JSON object (such as one line of NDJSON), quickly and with
    /// the same validation as <see cref="TryParse"/>; diagnostics carry <paramref name="line"/> and
    /// the byte column. With <paramref name="recordKey"/>, the property of that name is the record's
    /// identifier, not a criterion: its value (a string or a number) is returned as raw JSON in
    /// <see cref="AssessmentParseResult.RecordKey"/>, also when the assessment is invalid, so results
    /// and errors can be joined back to their source records. Any other value for it is an error
    /// (PL5002) that never shows the value.
    /// </summary>
    /// <param name="utf8Json">The JSON object.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="line">The line number used in error positions.</param>
    /// <param name="recordKey">The name of the record-key property, or null for none; it must not be a criterion's id.</param>
    public static AssessmentParseResult TryParseJson(ReadOnlySpan<byte> utf8Json, RuleSet ruleSet, string fileName = "assessment", int line = 1, string? recordKey = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (recordKey is not null && ruleSet.NamesAnAnswer(recordKey))
        {
            throw new ArgumentException($"'{recordKey}' names an answer in rule set {ruleSet.Id} (a criterion, or one a migration replaces), so it cannot be the record key", nameof(recordKey));
        }

        var errors = new List<Diagnostic>();
        var values = AssessmentJsonReader.Read(utf8Json, ruleSet.Compiled, fileName ?? "assessment", line, errors, recordKey, out var key);
        return new AssessmentParseResult(values is null ? null : new Assessment(ruleSet, values), errors) { RecordKey = key };
    }

    /// <summary>
    /// An assessment from answers by criterion id, as an app holds them: <see cref="bool"/>, whole
    /// numbers (<see cref="int"/>, <see cref="long"/> and the like), <see cref="string"/> words, a
    /// list of words for a set, a <see cref="System.Text.Json.JsonElement"/> of any of those, and null
    /// for unknown. Throws <see cref="AssessmentException"/> listing every problem.
    /// </summary>
    /// <param name="answers">The answers by criterion id.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    public static Assessment From(IReadOnlyDictionary<string, object?> answers, RuleSet ruleSet)
    {
        var result = TryFrom(answers, ruleSet);
        return result.Success ? result.Assessment : throw new AssessmentException(result.Diagnostics);
    }

    /// <summary>An assessment from answers by criterion id (see <see cref="From"/>), or every problem, each naming the criterion and never the value. Nothing is converted: "12" is not a number, 1 is not true.</summary>
    /// <param name="answers">The answers by criterion id.</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="source">The name used in the diagnostics.</param>
    public static AssessmentParseResult TryFrom(IReadOnlyDictionary<string, object?> answers, RuleSet ruleSet, string source = "assessment")
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var builder = ruleSet.NewAssessmentCollectingErrors(source);
        foreach (var (id, value) in answers) Set(builder, id, value);
        return builder.TryBuild();
    }

    private static void Set(AssessmentBuilder builder, string id, object? value)
    {
        switch (value)
        {
            case null:
                builder.Unknown(id);
                break;
            case bool b:
                builder.Set(id, b);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                var n = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                builder.Set(id, n is >= int.MinValue and <= int.MaxValue ? (int)n : n < 0 ? int.MinValue : int.MaxValue);
                break;
            case string word:
                builder.Set(id, word);
                break;
            case IEnumerable<string> words:
                builder.Set(id, words);
                break;
            case System.Text.Json.JsonElement json:
                SetJson(builder, id, json);
                break;
            default:
                builder.WrongType(id);
                break;
        }
    }

    private static void SetJson(AssessmentBuilder builder, string id, System.Text.Json.JsonElement json)
    {
        switch (json.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Null:
                builder.Unknown(id);
                break;
            case System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                builder.Set(id, json.GetBoolean());
                break;
            case System.Text.Json.JsonValueKind.Number when json.TryGetInt64(out var n):
                Set(builder, id, n);
                break;
            case System.Text.Json.JsonValueKind.String:
                builder.Set(id, json.GetString()!);
                break;
            case System.Text.Json.JsonValueKind.Array when json.EnumerateArray().All(e => e.ValueKind == System.Text.Json.JsonValueKind.String):
                builder.Set(id, json.EnumerateArray().Select(e => e.GetString()!).ToArray());
                break;
            default:
                builder.WrongType(id);
                break;
        }
    }

    /// <summary>The largest assessment <see cref="TryParseAsync"/> and <see cref="TryParseJsonAsync"/> read unless told otherwise: 1 MiB (an assessment is about 1 KB).</summary>
    public const int DefaultMaxBytes = 1 << 20;

    /// <summary>
    /// Reads an assessment (YAML or JSON, UTF-8) from a stream, such as a request body, without the
    /// caller buffering it. A stream longer than <paramref name="maxBytes"/> is refused (PL5009)
    /// before anything is parsed.
    /// </summary>
    /// <param name="stream">The stream, read to its end (not disposed).</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<AssessmentParseResult> TryParseAsync(Stream stream, RuleSet ruleSet, string fileName = "assessment", int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (bytes, tooLarge) = await ReadAllAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        if (tooLarge is not null) return new AssessmentParseResult(null, [tooLarge with { File = fileName ?? "assessment" }]);
        var name = fileName ?? "assessment";
        var text = Loading.UserFiles.Decode(bytes.Span, name, out var notUtf8);
        if (text is null) return new AssessmentParseResult(null, [notUtf8!]);
        var (values, diagnostics) = AssessmentReader.Read(text, ruleSet.Compiled, name, maxBytes);
        return new AssessmentParseResult(values is null ? null : new Assessment(ruleSet, values), diagnostics);
    }

    /// <summary>Reads an assessment from a stream of UTF-8 JSON with the fast JSON reader (see <see cref="TryParseJson"/>); a stream longer than <paramref name="maxBytes"/> is refused (PL5009) before anything is parsed.</summary>
    /// <param name="utf8Json">The stream, read to its end (not disposed).</param>
    /// <param name="ruleSet">The rule set whose criteria the answers are for.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="maxBytes">The most bytes read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<AssessmentParseResult> TryParseJsonAsync(Stream utf8Json, RuleSet ruleSet, string fileName = "assessment", int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (bytes, tooLarge) = await ReadAllAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        return tooLarge is not null
            ? new AssessmentParseResult(null, [tooLarge with { File = fileName ?? "assessment" }])
            : TryParseJson(bytes.Span, ruleSet, fileName ?? "assessment");
    }

    private static async Task<(ReadOnlyMemory<byte> Bytes, Diagnostic? TooLarge)> ReadAllAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (default, new Diagnostic(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error,
                    $"the assessment is larger than {maxBytes} bytes; an assessment is usually about 1 KB", "assessment", 1, 1));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    /// <summary>Whether the criterion was given.</summary>
    public bool IsKnown(string criterionId) => Values[Find(criterionId).Slot] != CompiledRuleSet.Unknown;

    /// <summary>The given value as written (a word, true/false, digits, or <c>[a, b]</c> for a set), or null when unknown.</summary>
    public string? Get(string criterionId)
    {
        var c = Find(criterionId);
        return Values[c.Slot] == CompiledRuleSet.Unknown ? null : c.Domain.Format(Values[c.Slot]);
    }

    /// <summary>The criteria that were given, with their values, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Known() =>
        RuleSet.Criteria.Where(c => Values[c.Slot] != CompiledRuleSet.Unknown)
            .Select(c => new KeyValuePair<string, string>(c.Id, c.Domain.Format(Values[c.Slot])))
            .ToArray();

    private Model.Criterion Find(string criterionId) =>
        RuleSet.Compiled.CriteriaById.TryGetValue(criterionId, out var c)
            ? c
            : throw new ArgumentException($"'{criterionId}' is not a criterion of rule set {RuleSet.Id}{Suggestions.Find(criterionId, RuleSet.Compiled.CriteriaById.Keys).DidYouMean}", nameof(criterionId));

    /// <summary>True when both are for the same rule set (by sha256) and give the same answers.</summary>
    public bool Equals(Assessment? other) =>
        other is not null && (ReferenceEquals(this, other) || (RuleSet.Sha256 == other.RuleSet.Sha256 && Values.AsSpan().SequenceEqual(other.Values)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Assessment);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(RuleSet.Sha256, StringComparer.Ordinal);
        foreach (var v in Values) hash.Add(v);
        return hash.ToHashCode();
    }
}
