using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// What evaluating one assessment produced: the floor and ceiling of every criterion, fact and
/// decision, and every rule's outcome (0 not fired, 1 may fire, 2 fired). For a complete
/// assessment only the floors of facts and decisions are computed at first; the full record is
/// computed on first use (explanations need it), so callers who want only levels pay only for the
/// two-valued program. Thread-safe: racing threads compute identical records.
/// </summary>
internal sealed class EvaluationRecord
{
    private readonly int[]? _floors;
    private Full? _full;

    private EvaluationRecord(CompiledRuleSet rules, int[] values, int[]? floors, Full? full)
    {
        Rules = rules;
        Values = values;
        _floors = floors;
        _full = full;
    }

    /// <summary>True for a complete assessment: nothing is unknown, so everything is determined.</summary>
    public bool IsComplete => _floors is not null;

    /// <summary>The compiled rule set that produced it.</summary>
    public CompiledRuleSet Rules { get; }

    /// <summary>The assessment's values by criterion slot; <see cref="CompiledRuleSet.Unknown"/> when not given.</summary>
    public int[] Values { get; }

    /// <summary>
    /// True when some decision or output fact is not yet determined: its ceiling is above its floor.
    /// Facts that only feed other rules do not count.
    /// </summary>
    public bool IsUndetermined
    {
        get
        {
            if (_floors is not null) return false;
            foreach (var d in Rules.Decisions)
            {
                if (Ceiling(d) > Floor(d)) return true;
            }

            foreach (var f in Rules.Facts)
            {
                if (f.IsOutput && Ceiling(f) > Floor(f)) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// True when floors and ceilings are exact over every completion of the unknown answers; false
    /// when they come (in part) from the interval evaluation, which may be wider than the truth.
    /// </summary>
    public bool BoundsAreExact => _floors is not null || Record.Exact is not null || NothingUnknown;

    /// <summary>True when every criterion was answered (the interval evaluation is then exact).</summary>
    private bool NothingUnknown => Array.IndexOf(Values, CompiledRuleSet.Unknown) < 0;

    /// <summary>The required criteria that are unknown: always required, or required by a condition that is true or unknown.</summary>
    public IReadOnlyList<Criterion> UnknownRequired()
    {
        if (_floors is not null || Rules.Requirements.Count == 0) return [];
        var unknown = new List<Criterion>();
        foreach (var r in Rules.Requirements)
        {
            if (Values[r.Criterion.Slot] != CompiledRuleSet.Unknown) continue;
            if (r.When is null || Language.Compilation.Interval.Truth(Language.Compilation.ConditionInterpreter.Evaluate(r.When, State, Rules.SlotCount)) != 0)
            {
                unknown.Add(r.Criterion);
            }
        }

        return unknown;
    }

    /// <summary>Floors in [0, n) then ceilings in [n, 2n) of every slot.</summary>
    public int[] State => Record.State;

    private Full Record => _full ??= _floors is null ? Run(Rules, Values) : RunComplete(Rules, Values);

    /// <summary>A record for a complete assessment: fact and decision floors from the two-valued program.</summary>
    public static EvaluationRecord ForComplete(CompiledRuleSet rules, int[] values, int[] floors) => new(rules, values, floors, null);

    /// <summary>A full record: three-valued evaluation of every rule.</summary>
    public static EvaluationRecord ForPartial(CompiledRuleSet rules, int[] values) => new(rules, values, null, Run(rules, values));

    /// <summary>The outcome of the rule at an index of the evaluation order.</summary>
    public RuleOutcomeCode Outcome(int evaluationIndex) => (RuleOutcomeCode)Record.Outcomes[evaluationIndex];

    /// <summary>A symbol's floor: its value when known or certain (exact over the completions of unknown answers when computed).</summary>
    public int Floor(Symbol s)
    {
        if (_floors is not null) return s is Criterion ? Values[s.Slot] : _floors[s.Slot - Rules.CriteriaCount];
        if (Record.Exact is { } exact && s is not Criterion) return exact.Floors[s.Slot - Rules.CriteriaCount];
        return Record.State[s.Slot];
    }

    /// <summary>A symbol's ceiling: the highest value it could take once missing answers are known.</summary>
    public int Ceiling(Symbol s)
    {
        if (_floors is not null) return Floor(s);
        if (Record.Exact is { } exact && s is not Criterion) return exact.Ceilings[s.Slot - Rules.CriteriaCount];

        // Without exact bounds, the present evaluation caps completions only when no rule reads known().
        if (s is not Criterion && Rules.ReadsKnown.Count > 0 && !NothingUnknown) return s.Domain.Max;
        return Record.State[s.Slot + Rules.SlotCount];
    }

    /// <summary>A symbol's value for texts: a word, a number, "unknown", or "x to y" while undecided.</summary>
    public string Describe(Symbol s)
    {
        if (s is Criterion && Values[s.Slot] == CompiledRuleSet.Unknown) return "unknown";
        var lo = Floor(s);
        var hi = Ceiling(s);
        return lo == hi ? s.Domain.Format(lo) : $"{s.Domain.Format(lo)} to {s.Domain.Format(hi)}";
    }

    /// <summary>A rule's reason with the values filled in (its title or id when it has no <c>because</c>).</summary>
    public string RenderReason(CompiledRule rule) =>
        rule.Because?.Render(Describe) ?? rule.Model.Title ?? rule.Model.Id;

    /// <summary>
    /// The full record of a complete assessment from the two-valued program that records outcomes:
    /// every value is known, so floors equal ceilings and every rule fired or did not.
    /// </summary>
    private static Full RunComplete(CompiledRuleSet rules, int[] values)
    {
        var n = rules.SlotCount;
        var c = rules.CriteriaCount;
        var floors = new int[n - c];
        var outcomes = new byte[rules.EvaluationOrder.Length];
        rules.RecordingProgram(values, floors, outcomes);
        var state = new int[2 * n];
        values.CopyTo(state, 0);
        floors.CopyTo(state, c);
        Array.Copy(state, 0, state, n, n);
        return new Full(state, outcomes, null);
    }

    private static Full Run(CompiledRuleSet rules, int[] values)
    {
        var n = rules.SlotCount;
        var state = new int[2 * n];
        Array.Copy(rules.InitialState, state, state.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v != CompiledRuleSet.Unknown)
            {
                state[i] = v;
                state[i + n] = v;
            }
        }

        var outcomes = new byte[rules.EvaluationOrder.Length];
        rules.Program(state, outcomes);
        // A complete assessment has nothing to bound: its floors come from the two-valued program.
        var complete = Array.IndexOf(values, CompiledRuleSet.Unknown) < 0;
        return new Full(state, outcomes, complete ? null : Exact(rules, values, state));
    }

    /// <summary>
    /// Exact floors and ceilings of every fact and decision, or null when they could not be worked out
    /// exactly (then the interval state, which is sound, is used). Never wider than the intervals.
    /// </summary>
    private static (int[] Floors, int[] Ceilings)? Exact(CompiledRuleSet rules, int[] values, int[] state)
    {
        var bounds = ExactBounds.Compute(rules, values, out var exact);

        // Bounds from approximate value classes could miss a completion: then only the interval evaluation is used.
        if (!exact || bounds is not { } b) return null;

        // What applies now is never hidden: the floor is at least what the rules that certainly fire
        // require (rules reading known() apply while an answer is missing). Without known(), the
        // present evaluation spans every completion, so its ceiling also caps the exact one; with
        // it, the range must also hold what applies now.
        var n = rules.SlotCount;
        var knownRead = rules.ReadsKnown.Count > 0;
        for (var s = 0; s < b.Floors.Length; s++)
        {
            var slot = rules.CriteriaCount + s;
            b.Floors[s] = Math.Max(b.Floors[s], state[slot]);
            b.Ceilings[s] = knownRead ? Math.Max(b.Ceilings[s], state[slot + n]) : Math.Min(b.Ceilings[s], state[slot + n]);
        }

        return b;
    }

    private sealed record Full(int[] State, byte[] Outcomes, (int[] Floors, int[] Ceilings)? Exact);
}
