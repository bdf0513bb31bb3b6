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

    /// <summary>The compiled rule set that produced it.</summary>
    public CompiledRuleSet Rules { get; }

    /// <summary>The assessment's values by criterion slot; <see cref="CompiledRuleSet.Unknown"/> when not given.</summary>
    public int[] Values { get; }

    /// <summary>True when some fact or decision is not yet determined (its ceiling is above its floor).</summary>
    public bool IsUndetermined
    {
        get
        {
            if (_floors is not null) return false;
            var state = State;
            var n = Rules.SlotCount;
            for (var s = Rules.CriteriaCount; s < n; s++)
            {
                if (state[s + n] > state[s]) return true;
            }

            return false;
        }
    }

    /// <summary>Floors in [0, n) then ceilings in [n, 2n) of every slot.</summary>
    public int[] State => Record.State;

    private Full Record => _full ??= Run(Rules, Values);

    /// <summary>A record for a complete assessment: fact and decision floors from the two-valued program.</summary>
    public static EvaluationRecord ForComplete(CompiledRuleSet rules, int[] values, int[] floors) => new(rules, values, floors, null);

    /// <summary>A full record: three-valued evaluation of every rule.</summary>
    public static EvaluationRecord ForPartial(CompiledRuleSet rules, int[] values) => new(rules, values, null, Run(rules, values));

    /// <summary>The outcome of the rule at an index of the evaluation order.</summary>
    public RuleOutcomeCode Outcome(int evaluationIndex) => (RuleOutcomeCode)Record.Outcomes[evaluationIndex];

    /// <summary>A symbol's floor: its value when known or certain.</summary>
    public int Floor(Symbol s) => _floors is not null && s is Criterion ? Values[s.Slot] : FloorAt(s.Slot);

    /// <summary>A symbol's ceiling: the highest value it could take once missing answers are known.</summary>
    public int Ceiling(Symbol s) => _floors is null ? Record.State[s.Slot + Rules.SlotCount] : Floor(s);

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

    private int FloorAt(int slot) => _floors is null ? Record.State[slot] : _floors[slot - Rules.CriteriaCount];

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
        return new Full(state, outcomes);
    }

    private sealed record Full(int[] State, byte[] Outcomes);
}
