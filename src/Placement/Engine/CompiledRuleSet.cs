using System.Text;
using Placement.Language.Compilation;
using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// What loading produces and evaluation runs: the rule model, the rules in evaluation order, the
/// slot layout of the evaluation state and the compiled programs. Built once by the loader's last
/// stage (<c>Loading/CompileStage</c>); immutable and thread-safe afterwards. <see cref="RuleSet"/>
/// is the public facade over it.
/// </summary>
internal sealed class CompiledRuleSet
{
    /// <summary>The value of a criterion that was not given.</summary>
    public const int Unknown = int.MinValue;

    private readonly Dictionary<ValueDomain, byte[][]> _utf8Values;
    private readonly Lazy<Action<int[], int[]>> _completeProgram;
    private readonly Lazy<Action<int[], int[], byte[]>> _recordingProgram;
    private readonly Lazy<CriterionValues> _values;

    public CompiledRuleSet(
        RuleSetHeader header,
        RuleSetModel model,
        CompiledRule[] evaluationOrder,
        Action<int[], byte[]> program,
        IReadOnlyList<Requirement> requirements,
        int[] monotone,
        IReadOnlyDictionary<string, Migration>? migrations = null)
    {
        Migrations = migrations ?? new Dictionary<string, Migration>(StringComparer.Ordinal);
        Requirements = requirements;
        Monotone = monotone;
        ReadsKnown = evaluationOrder
            .Where(r => r.TargetSlots.Length > 0)
            .SelectMany(r => Language.Binding.BoundExprSymbols.Descendants(r.Condition))
            .OfType<Language.Binding.BoundKnown>()
            .Select(k => k.Criterion)
            .ToHashSet();
        Header = header;
        Criteria = model.Criteria;
        Facts = model.Facts;
        Decisions = model.Decisions;
        Symbols = model.Symbols;
        SlotCount = model.SlotCount;
        CriteriaCount = model.Criteria.Count;
        EvaluationOrder = evaluationOrder;
        Rules = evaluationOrder.OrderBy(r => r.DeclarationIndex).Select(r => r.Model).ToArray();
        Program = program;
        FlagRules = Enumerable.Range(0, evaluationOrder.Length).Where(i => evaluationOrder[i].Model.FlagTemplate is not null)
            .OrderBy(i => evaluationOrder[i].DeclarationIndex).ToArray();
        PublicCriteria = model.Criteria.Where(c => c.SetOf is null).ToArray();
        Sets = PublicCriteria.Where(c => c.Members.Count > 0).ToArray();
        CriteriaById = PublicCriteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        RulesById = evaluationOrder.ToDictionary(r => r.Model.Id, StringComparer.Ordinal);
        Utf8CriterionNames = PublicCriteria.Select(c => Encoding.UTF8.GetBytes(c.Id)).ToArray();
        _utf8Values = PublicCriteria.Select(c => c.Domain).Distinct()
            .ToDictionary(d => d, d => d.Values.Select(v => Encoding.UTF8.GetBytes(v)).ToArray());
        SymbolsBySlot = new Symbol[SlotCount];
        foreach (var symbol in model.Criteria.Concat<Symbol>(model.Facts).Concat(model.Decisions)) SymbolsBySlot[symbol.Slot] = symbol;

        // The state before any rule runs: unknown criteria span their range, facts and decisions
        // sit at their defaults. Floors in [0, n), ceilings in [n, 2n).
        InitialState = new int[2 * SlotCount];
        foreach (var c in Criteria)
        {
            InitialState[c.Slot] = c.Domain.Min;
            InitialState[c.Slot + SlotCount] = c.Domain.Max;
        }

        foreach (var f in Facts) InitialState[f.Slot] = InitialState[f.Slot + SlotCount] = f.DefaultValue;
        foreach (var d in Decisions) InitialState[d.Slot] = InitialState[d.Slot + SlotCount] = d.Default.Ordinal;

        // Complete assessments run a two-valued program, compiled on first use so loading pays only for the general one.
        _completeProgram = new Lazy<Action<int[], int[]>>(
            () => CompleteProgramCompiler.Compile(ProgramRules(EvaluationOrder), CriteriaCount, InitialState[CriteriaCount..SlotCount]),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _recordingProgram = new Lazy<Action<int[], int[], byte[]>>(
            () => CompleteProgramCompiler.CompileWithOutcomes(ProgramRules(EvaluationOrder), CriteriaCount, InitialState[CriteriaCount..SlotCount]),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _values = new Lazy<CriterionValues>(() => new CriterionValues(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public RuleSetHeader Header { get; }

    /// <summary>The migrations of answers from earlier versions of the rule set, by old criterion id.</summary>
    public IReadOnlyDictionary<string, Migration> Migrations { get; }

    /// <summary>
    /// Every criterion slot's criterion, by slot: what assessments give, and after each set criterion
    /// its hidden members (one boolean per word), which users never see.
    /// </summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The criteria an assessment gives, in declaration order: <see cref="Criteria"/> without set members.</summary>
    public IReadOnlyList<Criterion> PublicCriteria { get; }

    /// <summary>The set criteria.</summary>
    public Criterion[] Sets { get; }

    public IReadOnlyList<Fact> Facts { get; }

    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The rules in declaration order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The rules in evaluation order (strata; declaration order within).</summary>
    public CompiledRule[] EvaluationOrder { get; }

    public IReadOnlyDictionary<string, Symbol> Symbols { get; }

    /// <summary>The criteria an assessment gives, by id (set members are not among them).</summary>
    public IReadOnlyDictionary<string, Criterion> CriteriaById { get; }

    public IReadOnlyDictionary<string, CompiledRule> RulesById { get; }

    /// <summary>The number of criteria, facts and decisions; slots below <see cref="CriteriaCount"/> are criteria.</summary>
    public int SlotCount { get; }

    public int CriteriaCount { get; }

    /// <summary>Every criterion, fact and decision by its slot.</summary>
    public Symbol[] SymbolsBySlot { get; }

    /// <summary>Floors then ceilings of every slot before any rule runs.</summary>
    public int[] InitialState { get; }

    /// <summary>The evaluation indexes of the rules with a review flag, in declaration order (the order flags are shown in).</summary>
    public int[] FlagRules { get; }

    /// <summary>The whole rule set as one delegate: evaluates every rule in order on a state, recording outcomes.</summary>
    public Action<int[], byte[]> Program { get; }

    /// <summary>
    /// The two-valued program for complete assessments, and for each completion of a partial one
    /// (exact bounds): criteria values in, fact and decision floors out.
    /// </summary>
    public Action<int[], int[]> CompleteProgram => _completeProgram.Value;

    /// <summary>
    /// The two-valued program recording every rule's outcome, for the full record of a complete
    /// assessment (explanations, fired rules, flags): cheaper than the general program, compiled on first use.
    /// </summary>
    public Action<int[], int[], byte[]> RecordingProgram => _recordingProgram.Value;

    /// <summary>
    /// The criteria that rules which raise something read with <c>known(...)</c> (a review flag that
    /// waits for an answer, <c>known(x) and ...</c>, is not raised by a missing answer):
    /// while such a criterion is unanswered those rules apply to the present, so answering it can
    /// move a level either way.
    /// </summary>
    public IReadOnlySet<Criterion> ReadsKnown { get; }

    /// <summary>The criteria that must be answered, always or under a condition, in declaration order.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Per criterion slot: +1 or -1 when every fact and decision is proven to rise with it in that direction, else 0.</summary>
    public int[] Monotone { get; }

    /// <summary>The values exact bounds try for each criterion (see <see cref="CriterionValues"/>).</summary>
    public CriterionValues Values => _values.Value;

    /// <summary>The ids of <see cref="PublicCriteria"/> as UTF-8, in the same order, for the fast JSON reader.</summary>
    public byte[][] Utf8CriterionNames { get; }

    /// <summary>A criterion domain's words as UTF-8, by ordinal.</summary>
    public byte[][] Utf8Values(ValueDomain domain) => _utf8Values[domain];

    /// <summary>
    /// Makes each set criterion's slots agree, from its members: a set whose members are all known
    /// holds their mask in its own slot; a set with any unknown member is unknown in every slot.
    /// Readers and the builder write members and mask together; this keeps values built slot by
    /// slot (such as analysis's) consistent.
    /// </summary>
    public void SyncSets(int[] values)
    {
        foreach (var set in Sets)
        {
            var mask = 0;
            var known = true;
            for (var i = 0; i < set.Members.Count && known; i++)
            {
                var v = values[set.Members[i].Slot];
                known = v != Unknown;
                if (v > 0) mask |= 1 << i;
            }

            if (known)
            {
                values[set.Slot] = mask;
                continue;
            }

            values[set.Slot] = Unknown;
            foreach (var member in set.Members) values[member.Slot] = Unknown;
        }
    }

    /// <summary>Writes a set's value into its slots: the mask, or <see cref="Unknown"/>, and each member.</summary>
    public static void WriteSet(int[] values, Criterion set, int mask)
    {
        values[set.Slot] = mask;
        for (var i = 0; i < set.Members.Count; i++)
        {
            values[set.Members[i].Slot] = mask == Unknown ? Unknown : (mask >> i) & 1;
        }
    }

    /// <summary>Each rule as the compilers take it: condition, target slots and values.</summary>
    public static (Language.Binding.BoundExpr, int[], int[])[] ProgramRules(IEnumerable<CompiledRule> order) =>
        order.Select(r => (r.Condition, r.TargetSlots, r.TargetValues)).ToArray();
}
