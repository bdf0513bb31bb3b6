using System.Reflection;
using Placement.Assessments;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Loading;
using Placement.Model;
using Placement.Yaml;

namespace Placement;

/// <summary>
/// A loaded, checked and compiled rule set. Immutable and thread-safe: load it once and call
/// <see cref="Recommend"/> from any number of threads.
/// </summary>
public sealed class RuleSet
{
    private const string ResourcePrefix = "Placement.DefaultRules.";
    private static readonly Lazy<RuleSet> Default = new(() => Load(DefaultSources()), LazyThreadSafetyMode.ExecutionAndPublication);

    private RuleSet(CompiledRuleSet compiled, IReadOnlyList<Diagnostic> warnings)
    {
        Compiled = compiled;
        Warnings = warnings;
        HasFlags = compiled.Rules.Any(r => r.Flag is not null);
    }

    /// <summary>The rule set's id.</summary>
    public string Id => Compiled.Header.Id;

    /// <summary>The rule set's version.</summary>
    public string Version => Compiled.Header.Version;

    /// <summary>Its title.</summary>
    public string? Title => Compiled.Header.Title;

    /// <summary>What it is for.</summary>
    public string? Description => Compiled.Header.Description;

    /// <summary>The sha256 of its files (names and contents), lower-case hex: which rules made a recommendation.</summary>
    public string Sha256 => Compiled.Header.Sha256;

    /// <summary>The criteria an assessment supplies, in declaration order (a set criterion once, as a list of its words).</summary>
    public IReadOnlyList<Criterion> Criteria => Compiled.PublicCriteria;

    /// <summary>The facts rules derive.</summary>
    public IReadOnlyList<Fact> Facts => Compiled.Facts;

    /// <summary>The decisions, each with its ordered levels.</summary>
    public IReadOnlyList<Decision> Decisions => Compiled.Decisions;

    /// <summary>The rules in declaration order.</summary>
    public IReadOnlyList<Rule> Rules => Compiled.Rules;

    /// <summary>Warnings found while loading (errors stop the load).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>True when some rule has a review flag; without one, a recommendation's flags cost nothing.</summary>
    internal bool HasFlags { get; }

    /// <summary>The compiled rule set this facade wraps; the engine, analysis and tools read it.</summary>
    internal CompiledRuleSet Compiled { get; }

    /// <summary>The default rule set embedded in this package (adult SUD level-of-care placement).</summary>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>The files of the embedded default rule set, as <see cref="RuleSource"/>s.</summary>
    public static IReadOnlyList<RuleSource> DefaultSources()
    {
        var assembly = typeof(RuleSet).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new RuleSource("rules/" + n[ResourcePrefix.Length..], ReadResource(assembly, n)))
            .ToArray();
    }

    /// <summary>Loads a rule set from a file or a folder of files; throws <see cref="RuleSetException"/> listing every error.</summary>
    public static RuleSet Load(string path)
    {
        var result = TryLoad(path);
        return result.Success ? result.RuleSet : throw new RuleSetException(result.Diagnostics);
    }

    /// <summary>Loads a rule set from file texts; throws <see cref="RuleSetException"/> listing every error.</summary>
    public static RuleSet Load(IReadOnlyList<RuleSource> sources)
    {
        var result = TryLoad(sources);
        return result.Success ? result.RuleSet : throw new RuleSetException(result.Diagnostics);
    }

    /// <summary>Loads a rule set from a file or a folder of files (every *.yaml and *.yml except *.tests.yaml).</summary>
    public static RuleSetLoadResult TryLoad(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sources = RuleFiles.Read(path, out var error);
        return sources is null ? new RuleSetLoadResult(null, [error!]) : LoadSources(sources);
    }

    /// <summary>Loads a rule set from file texts, reporting every problem.</summary>
    public static RuleSetLoadResult TryLoad(IReadOnlyList<RuleSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return LoadSources(sources.Select(s => new SourceText(s.Name, s.Text)).ToArray());
    }

    /// <summary>
    /// Recommends levels for an assessment. Pure and synchronous; safe to call concurrently.
    /// The explanation is built only when asked for (<see cref="Explanations.RecommendationExplanation.Explain"/>).
    /// </summary>
    public Recommendation Recommend(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!ReferenceEquals(assessment.RuleSet, this))
        {
            throw new ArgumentException("the assessment was read for a different rule set; parse it with this rule set", nameof(assessment));
        }

        return new Recommendation(this, assessment, Evaluator.Evaluate(Compiled, assessment.Values, assessment.IsComplete));
    }

    /// <summary>
    /// Migrates an assessment written for an earlier version of this rule set (YAML or JSON) to this
    /// version's criteria, following the rule set's <c>migrations:</c>: old answers are renamed and
    /// mapped in place, so the format, the order, the layout and (in YAML) the comments are kept. An
    /// old answer that cannot be mapped becomes <c>null</c> (unknown) and is listed in
    /// <see cref="AssessmentMigration.AskAgain"/>. The migrated text is checked like any assessment;
    /// every problem is reported at once, and the text is null when there is any.
    /// </summary>
    /// <param name="text">The YAML or JSON assessment.</param>
    /// <param name="fileName">The name used in positions.</param>
    public AssessmentMigration Migrate(string text, string fileName = "assessment")
    {
        ArgumentNullException.ThrowIfNull(text);
        fileName ??= "assessment";
        var (migrated, changes, diagnostics) = AssessmentMigrator.Migrate(text, Compiled, fileName,
            (t, into) => into.AddRange(AssessmentReader.Read(t, Compiled, fileName).Diagnostics));
        return new AssessmentMigration(migrated, changes.Select(c => new MigratedAnswer(c.From, c.To, c.AskAgain, c.At)).ToArray(), diagnostics);
    }

    /// <summary>
    /// Migrates one line of NDJSON (a JSON object on one line) like <see cref="Migrate"/>, and checks
    /// the result like <see cref="Assessment.TryParseJson"/>: positions carry <paramref name="line"/>,
    /// and the <paramref name="recordKey"/> property, when given, is the record's identifier, kept as it is.
    /// </summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="fileName">The name used in positions.</param>
    /// <param name="line">The line number used in positions.</param>
    /// <param name="recordKey">The name of the record-key property, or null for none; it must not be a criterion's id.</param>
    public AssessmentMigration MigrateJsonLine(string json, string fileName = "assessment", int line = 1, string? recordKey = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (recordKey is not null && NamesAnAnswer(recordKey))
        {
            throw new ArgumentException($"'{recordKey}' names an answer in rule set {Id} (a criterion, or one a migration replaces), so it cannot be the record key", nameof(recordKey));
        }

        fileName ??= "assessment";
        var (migrated, changes, diagnostics) = AssessmentMigrator.Migrate(json, Compiled, fileName,
            (t, into) => AssessmentJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(t), Compiled, fileName, line, into, recordKey, out _));
        return new AssessmentMigration(
            migrated,
            changes.Select(c => new MigratedAnswer(c.From, c.To, c.AskAgain, c.At with { Line = line + c.At.Line - 1 })).ToArray(),
            diagnostics.Select(d => d.Line == line ? d : d with { Line = line + d.Line - 1 }).ToArray());
    }

    /// <summary>Starts an assessment for this rule set, set value by value; a value that does not fit throws at once.</summary>
    public AssessmentBuilder NewAssessment() => new(this);

    /// <summary>
    /// Starts an assessment that records every value that does not fit instead of throwing: check
    /// them all with <see cref="AssessmentBuilder.TryBuild"/>.
    /// </summary>
    /// <param name="source">The name used in the diagnostics (a request, a form).</param>
    public AssessmentBuilder NewAssessmentCollectingErrors(string source = "assessment") => new(this, collectErrors: true, source ?? "assessment");

    /// <summary>
    /// True when an assessment may use <paramref name="id"/> for an answer: the id of a criterion, or
    /// the old id a migration replaces (then reading it is an error naming the new id). Such a name
    /// cannot be a record key: the answer would be lost.
    /// </summary>
    public bool NamesAnAnswer(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Compiled.CriteriaById.ContainsKey(id) || Compiled.Migrations.ContainsKey(id);
    }

    /// <summary>The rule with this id.</summary>
    public Rule? FindRule(string id) => Compiled.RulesById.TryGetValue(id, out var r) ? r.Model : null;

    /// <summary>The decision with this id.</summary>
    public Decision? FindDecision(string id) => Compiled.Symbols.TryGetValue(id, out var s) ? s as Decision : null;

    private static RuleSetLoadResult LoadSources(IReadOnlyList<SourceText> sources)
    {
        var (compiled, diagnostics) = RuleSetLoader.Load(sources);
        return compiled is null
            ? new RuleSetLoadResult(null, diagnostics)
            : new RuleSetLoadResult(new RuleSet(compiled, diagnostics), diagnostics);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
