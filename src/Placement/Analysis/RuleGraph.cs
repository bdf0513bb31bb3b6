using Placement.Engine;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>What a rule depends on through the facts and decisions it reads, and the engine run on one state.</summary>
internal static class RuleGraph
{
    /// <summary>The criteria a rule depends on, directly or through the facts and decisions it reads, by slot.</summary>
    public static Criterion[] Support(CompiledRule rule, CompiledRuleSet rules) =>
        Closure(rule, rules).Criteria.OrderBy(c => c.Slot).ToArray();

    /// <summary>The rules that set or require what the rule reads, directly or through other facts and decisions.</summary>
    public static CompiledRule[] Cone(CompiledRule rule, CompiledRuleSet rules) => Closure(rule, rules).Writers.ToArray();

    /// <summary>The decisions a rule can raise, directly or through the facts it sets and the rules that read them.</summary>
    public static IReadOnlyList<Decision> Influenced(CompiledRule rule, CompiledRuleSet rules)
    {
        var decisions = new List<Decision>();
        var seen = new HashSet<Symbol>();
        var pending = new Stack<Symbol>(rule.Model.Actions.Select(a => a.Target));
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            if (!seen.Add(s)) continue;
            if (s is Decision d) decisions.Add(d);
            foreach (var reader in rules.EvaluationOrder.Where(r => r.Slots.Contains(s)))
            {
                foreach (var a in reader.Model.Actions) pending.Push(a.Target);
            }
        }

        return decisions;
    }

    /// <summary>
    /// Runs the whole rule set, as the engine does, on a state whose criteria slots are set (a value,
    /// or the whole range for an unknown): facts and decisions start from their defaults.
    /// </summary>
    public static void Run(CompiledRuleSet rules, int[] state, byte[] outcomes)
    {
        var n = rules.SlotCount;
        var c = rules.CriteriaCount;
        Array.Copy(rules.InitialState, c, state, c, n - c);
        Array.Copy(rules.InitialState, n + c, state, n + c, n - c);
        rules.Program(state, outcomes);
    }

    private static (HashSet<Criterion> Criteria, List<CompiledRule> Writers) Closure(CompiledRule rule, CompiledRuleSet rules)
    {
        var criteria = new HashSet<Criterion>();
        var writers = new List<CompiledRule>();
        var seen = new HashSet<Symbol>();
        var pending = new Stack<Symbol>(rule.Slots);
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            if (!seen.Add(s)) continue;
            if (s is Criterion c)
            {
                criteria.Add(c);
                continue;
            }

            foreach (var writer in rules.EvaluationOrder.Where(r => r.Model.Actions.Any(a => a.Target == s)))
            {
                if (!writers.Contains(writer)) writers.Add(writer);
                foreach (var read in writer.Slots) pending.Push(read);
            }
        }

        return (criteria, writers);
    }
}
