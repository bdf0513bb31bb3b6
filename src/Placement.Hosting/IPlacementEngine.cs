namespace Placement.Hosting;

/// <summary>
/// Recommendations from the app's rule sets, each addressed by the name it was configured under.
/// Thread-safe; registered as a singleton by <c>AddPlacement()</c>. A rule set being reloaded is
/// replaced atomically: each call uses one rule set from start to end, the old or the new one,
/// and the <see cref="Recommendation.RuleSet"/> it returns says which (id, version, sha256).
/// </summary>
public interface IPlacementEngine
{
    /// <summary>The configured names, in configuration order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The name used when a call names none, or null when several are configured and none is the default.</summary>
    string? DefaultName { get; }

    /// <summary>The rule set serving now under <paramref name="name"/> (the default when null). Build assessments against it.</summary>
    /// <exception cref="ArgumentException">No rule set has that name, or none was named and there is no default.</exception>
    RuleSet GetRuleSet(string? name = null);

    /// <summary>Recommends on the rule set the assessment was built against (from <see cref="GetRuleSet"/>), with logs, metrics and a trace span.</summary>
    Recommendation Recommend(Assessment assessment);

    /// <summary>Reads an assessment (YAML or JSON text) and recommends on the rule set serving now under <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set's name; null for the default.</param>
    /// <param name="assessment">The assessment as YAML or JSON.</param>
    /// <returns>The recommendation, or every problem with the assessment (each naming the criterion, never the value).</returns>
    PlacementResult Recommend(string? ruleSet, string assessment);

    /// <summary>Reads an assessment from UTF-8 JSON (a request body) and recommends on the rule set serving now under <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set's name; null for the default.</param>
    /// <param name="utf8Json">The assessment as UTF-8 JSON.</param>
    /// <returns>The recommendation, or every problem with the assessment.</returns>
    PlacementResult RecommendJson(string? ruleSet, ReadOnlySpan<byte> utf8Json);

    /// <summary>Reads an assessment from a stream of UTF-8 JSON (a request body, not buffered by the caller) and recommends; a body over <paramref name="maxBytes"/> is refused before it is parsed (PL5009).</summary>
    /// <param name="ruleSet">The rule set's name; null for the default.</param>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="maxBytes">The most bytes read; 1 MiB by default.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The recommendation, or every problem with the assessment.</returns>
    Task<PlacementResult> RecommendJsonAsync(string? ruleSet, Stream utf8Json, int maxBytes = Assessment.DefaultMaxBytes, CancellationToken cancellationToken = default);

    /// <summary>Recommends from answers by criterion id (see <see cref="Assessment.TryFrom"/>: booleans, whole numbers, words, lists of words, JSON elements, null for unknown).</summary>
    /// <param name="ruleSet">The rule set's name; null for the default.</param>
    /// <param name="answers">The answers by criterion id.</param>
    /// <returns>The recommendation, or every problem with the answers.</returns>
    PlacementResult Recommend(string? ruleSet, IReadOnlyDictionary<string, object?> answers);

    /// <summary>What a rule set is serving and how its last reload went.</summary>
    RuleSetStatus GetStatus(string? name = null);

    /// <summary>Loads a rule set's files again now (a watched folder also reloads by itself); the serving rule set is replaced only if they load with no error.</summary>
    Task<RuleSetStatus> ReloadAsync(string? name = null, CancellationToken cancellationToken = default);
}
