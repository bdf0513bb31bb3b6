using System.Reflection;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Loading;
using Placement.Model;

namespace Placement;

/// <summary>
/// A loaded, checked and compiled rule set. Immutable and thread-safe: load it once and call
/// <see cref="Recommend"/> from any number of threads.
/// </summary>
public sealed class RuleSet
{
    private const string ResourcePrefix = "Placement.DefaultRules.";
    private static readonly Lazy<RuleSet> Default = new(() => Load(DefaultSources()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<ValueDomain, byte[][]> _utf8Values;
    private readonly object _compileLock = new();
    private Action<int[], int[]>? _completeProgram;

    internal RuleSet(
        string id,
        string version,
        string? title,
        string? description,
        string sha256,
        IReadOnlyList<Criterion> criteria,
        IReadOnlyList<Fact> facts,
        IReadOnlyList<Decision> decisions,
        IReadOnlyList<Rule> rules,
        CompiledRule[] evaluationOrder,
        IReadOnlyDictionary<string, Symbol> symbols,
        int slotCount,
        IReadOnlyList<Diagnostic> warnings)
    {
        Id = id;
        Version = version;
        Title = title;
        Description = description;
        Sha256 = sha256;
        Criteria = criteria;
        Facts = facts;
        Decisions = decisions;
        Rules = rules;
        EvaluationOrder = evaluationOrder;
        Symbols = symbols;
        SlotCount = slotCount;
        Warnings = warnings;
        CriteriaById = criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Utf8CriterionNames = criteria.Select(c => System.Text.Encoding.UTF8.GetBytes(c.Id)).ToArray();
        _utf8Values = criteria.Select(c => c.Domain).Distinct()
            .ToDictionary(d => d, d => d.Values.Select(v => System.Text.Encoding.UTF8.GetBytes(v)).ToArray());
        RulesById = evaluationOrder.ToDictionary(r => r.Model.Id, StringComparer.Ordinal);

        // The state before any rule runs: unknown criteria span their range, facts and decisions
        // sit at their defaults. Floors in [0, n), ceilings in [n, 2n).
        InitialState = new int[2 * slotCount];
        foreach (var c in criteria)
        {
            InitialState[c.Slot] = c.Domain.Min;
            InitialState[c.Slot + slotCount] = c.Domain.Max;
        }

        foreach (var f in facts) InitialState[f.Slot] = InitialState[f.Slot + slotCount] = f.DefaultValue;
        foreach (var d in decisions) InitialState[d.Slot] = InitialState[d.Slot + slotCount] = d.Default.Ordinal;

        // Every condition is compiled here, once, into one program over the evaluation state.
        Program = Language.Compilation.ConditionCompiler.CompileProgram(ProgramRules(), slotCount);
        CriteriaCount = criteria.Count;
        SymbolsBySlot = new Symbol[slotCount];
        foreach (var symbol in symbols.Values) SymbolsBySlot[symbol.Slot] = symbol;
    }

    /// <summary>The rule set's id.</summary>
    public string Id { get; }

    /// <summary>The rule set's version.</summary>
    public string Version { get; }

    /// <summary>Its title.</summary>
    public string? Title { get; }

    /// <summary>What it is for.</summary>
    public string? Description { get; }

    /// <summary>The sha256 of its files (names and contents), lower-case hex: which rules made a recommendation.</summary>
    public string Sha256 { get; }

    /// <summary>The criteria an assessment supplies, in declaration order.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The facts rules derive.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The decisions, each with its ordered levels.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The rules in declaration order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Warnings found while loading (errors stop the load).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    internal CompiledRule[] EvaluationOrder { get; }

    internal IReadOnlyDictionary<string, Symbol> Symbols { get; }

    internal IReadOnlyDictionary<string, Criterion> CriteriaById { get; }

    internal IReadOnlyDictionary<string, CompiledRule> RulesById { get; }

    internal int SlotCount { get; }

    /// <summary>Criterion ids as UTF-8, by slot, for the fast JSON reader.</summary>
    internal byte[][] Utf8CriterionNames { get; }

    /// <summary>A criterion domain's words as UTF-8, by ordinal.</summary>
    internal byte[][] Utf8Values(ValueDomain domain) => _utf8Values[domain];

    internal int[] InitialState { get; }

    /// <summary>The compiled rule set: evaluates every rule in order on a state, recording outcomes.</summary>
    internal Action<int[], byte[]> Program { get; }

    /// <summary>
    /// The compiled rule set for complete assessments: criteria values in, fact and decision floors
    /// out. Compiled on first use, so loading pays only for the general program.
    /// </summary>
    internal Action<int[], int[]> CompleteProgram => _completeProgram ?? CompileCompleteProgram();

    /// <summary>The number of criteria (slots below it are criteria).</summary>
    internal int CriteriaCount { get; }

    /// <summary>Every criterion, fact and decision by its slot.</summary>
    internal Symbol[] SymbolsBySlot { get; }

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
        var sources = RuleSetLoader.ReadSources(path, out var error);
        return sources is null ? new RuleSetLoadResult(null, [error!]) : TryLoad(sources);
    }

    /// <summary>Loads a rule set from file texts, reporting every problem.</summary>
    public static RuleSetLoadResult TryLoad(IReadOnlyList<RuleSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return RuleSetLoader.Load(sources);
    }

    /// <summary>
    /// Recommends levels for an assessment. Pure and synchronous; safe to call concurrently.
    /// The explanation is built only when asked for (<see cref="Recommendation.Explain"/>).
    /// </summary>
    public Recommendation Recommend(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!ReferenceEquals(assessment.RuleSet, this))
        {
            throw new ArgumentException("the assessment was read for a different rule set; parse it with this rule set", nameof(assessment));
        }

        return Evaluator.Evaluate(this, assessment);
    }

    /// <summary>Starts an assessment for this rule set, set value by value.</summary>
    public AssessmentBuilder NewAssessment() => new(this);

    /// <summary>The rule with this id.</summary>
    public Rule? FindRule(string id) => RulesById.TryGetValue(id, out var r) ? r.Model : null;

    /// <summary>The decision with this id.</summary>
    public Decision? FindDecision(string id) => Symbols.TryGetValue(id, out var s) ? s as Decision : null;

    private Action<int[], int[]> CompileCompleteProgram()
    {
        lock (_compileLock)
        {
            return _completeProgram ??= Language.Compilation.CompleteProgramCompiler.Compile(
                ProgramRules(), CriteriaCount, InitialState[CriteriaCount..SlotCount]);
        }
    }

    /// <summary>Each rule in evaluation order as the compilers take it: condition, target slots and values.</summary>
    private (Language.Binding.BoundExpr, int[], int[])[] ProgramRules() =>
        EvaluationOrder.Select(r => (r.Condition, r.TargetSlots, r.TargetValues)).ToArray();

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
