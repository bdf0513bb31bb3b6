using Placement.Engine;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>
/// Proves, or refutes with a concrete assessment, that worsening any criterion along its declared
/// risk order (a higher rating or score, true instead of false for a risk flag, false instead of
/// true for a protective one) never lowers any decision.
/// <para>
/// Proof: decisions and facts are the maximum of what fired rules require, and rules run in
/// strata, so the result is monotone when every rule's condition is monotone in each risk-ordered
/// criterion (in its risk direction) and in each fact and decision it reads (upwards). That is
/// checked for each rule exhaustively over the values of what it reads, integer ranges split at
/// the thresholds the rules mention. A rule that stops firing when a value worsens is still safe
/// when a monotone rule that requires at least as much fires in its place. Refutation: for a rule that is not monotone, the verifier
/// searches assessments over the criteria the rule depends on, worsens each risk criterion by one
/// step and compares every decision with the engine itself.
/// </para>
/// </summary>
public static class SafetyVerifier
{
    private const long SearchLimit = 1_000_000;

    /// <summary>Verifies the rule set.</summary>
    public static VerificationResult Verify(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var space = new ValueSpace(rules);
        var n = rules.Compiled.SlotCount;
        var verified = rules.Criteria.Where(c => c.Risk != RiskDirection.None).Select(c => c.Id).ToArray();
        var skipped = rules.Criteria.Where(c => c.Risk == RiskDirection.None).Select(c => c.Id).ToArray();
        var counterexamples = new List<Counterexample>();
        var unresolved = new List<string>();

        var acting = rules.Compiled.EvaluationOrder.Where(r => r.Model.Actions.Count > 0).ToArray();
        var nonMonotone = acting.ToDictionary(r => r, r => NonMonotoneIn(r, rules, space).ToList());
        var monotone = acting.Where(r => nonMonotone[r].Count == 0).ToArray();
        foreach (var rule in acting)
        {
            foreach (var symbol in nonMonotone[rule])
            {
                if (monotone.Any(cover => CoveredAfterWorsening(rule, symbol, cover, rules, space))) continue;
                var found = Search(rule, rules, space);
                if (found is not null) counterexamples.Add(found);
                else unresolved.Add($"rule {rule.Model.Id} is not monotone in {symbol.Id}, but no assessment was found where that lowers a decision; review it");
            }
        }

        return new VerificationResult(counterexamples.Count == 0 && unresolved.Count == 0, verified, skipped, counterexamples, unresolved);
    }

    /// <summary>The symbols (risk criteria, facts, decisions) in which the rule's condition is not monotone.</summary>
    private static IEnumerable<Symbol> NonMonotoneIn(CompiledRule rule, RuleSet rules, ValueSpace space)
    {
        var n = rules.Compiled.SlotCount;
        var reads = rule.Model.Reads;
        var found = new List<Symbol>();
        ValueSpace.ForEach(reads, space.Of, (int[])rules.Compiled.InitialState.Clone(), n, state =>
        {
            if (rule.Evaluate(state) != 2) return true;
            foreach (var s in reads)
            {
                if (found.Contains(s) || Direction(s) == 0) continue;
                var current = state[s.Slot];
                var worse = Worse(space.Of(s), current, Direction(s));
                if (worse is null) continue;
                state[s.Slot] = state[s.Slot + n] = worse.Value;
                if (rule.Evaluate(state) != 2) found.Add(s);
                state[s.Slot] = state[s.Slot + n] = current;
            }

            return true;
        }, long.MaxValue);
        return found;
    }

    /// <summary>
    /// True when, wherever worsening <paramref name="symbol"/> stops <paramref name="rule"/> from firing,
    /// the monotone rule <paramref name="cover"/> fires after the change and requires at least as
    /// much: then the step cannot lower anything (as with "ideation" giving way to "plan or intent").
    /// </summary>
    private static bool CoveredAfterWorsening(CompiledRule rule, Symbol symbol, CompiledRule cover, RuleSet rules, ValueSpace space)
    {
        if (cover == rule || !rule.Model.Actions.All(a => cover.Model.Actions.Any(c => c.Target == a.Target && c.Value >= a.Value))) return false;
        var n = rules.Compiled.SlotCount;
        var symbols = rule.Model.Reads.Union(cover.Model.Reads).ToArray();
        var covered = true;
        var decided = ValueSpace.ForEach(symbols, space.Of, (int[])rules.Compiled.InitialState.Clone(), n, state =>
        {
            if (rule.Evaluate(state) != 2) return true;
            var current = state[symbol.Slot];
            var worse = Worse(space.Of(symbol), current, Direction(symbol));
            if (worse is null) return true;
            state[symbol.Slot] = state[symbol.Slot + n] = worse.Value;
            covered = rule.Evaluate(state) == 2 || cover.Evaluate(state) == 2;
            state[symbol.Slot] = state[symbol.Slot + n] = current;
            return covered;
        });
        return decided && covered;
    }

    /// <summary>+1 when higher is worse, -1 when lower is worse, 0 when not risk-ordered.</summary>
    private static int Direction(Symbol s) => s switch
    {
        Criterion { Risk: RiskDirection.Increasing } => 1,
        Criterion { Risk: RiskDirection.Decreasing } => -1,
        Criterion => 0,
        _ => 1,
    };

    private static int? Worse(int[] values, int current, int direction)
    {
        var i = Array.IndexOf(values, current);
        var j = i + direction;
        return i < 0 || j < 0 || j >= values.Length ? null : values[j];
    }

    /// <summary>Searches assessments over the criteria the rule depends on for one where worsening a criterion lowers a decision.</summary>
    private static Counterexample? Search(CompiledRule rule, RuleSet rules, ValueSpace space)
    {
        var support = Support(rule, rules);
        var baseline = new int[rules.Compiled.CriteriaCount];
        foreach (var c in rules.Criteria)
        {
            // Outside the rule's support, the least risky value: other rules then interfere least.
            var values = space.Of(c);
            baseline[c.Slot] = c.Risk == RiskDirection.Decreasing ? values[^1] : values[0];
        }

        var scratch = new int[2 * rules.Compiled.SlotCount];
        Counterexample? result = null;
        ValueSpace.ForEach(support, space.Of, scratch, rules.Compiled.SlotCount, state =>
        {
            var values = (int[])baseline.Clone();
            foreach (var c in support) values[c.Slot] = state[c.Slot];
            var before = rules.Recommend(new Assessment(rules, values));
            if (before.OutcomeOf(rule.Model.Id) != RuleOutcome.Fired) return true;
            foreach (var c in support.Where(c => Direction(c) != 0))
            {
                var worse = Worse(space.Of(c), values[c.Slot], Direction(c));
                if (worse is null) continue;
                var changed = (int[])values.Clone();
                changed[c.Slot] = worse.Value;
                var after = rules.Recommend(new Assessment(rules, changed));
                foreach (var d in rules.Decisions)
                {
                    if (after.Record.Floor(d) >= before.Record.Floor(d)) continue;
                    result = new Counterexample(
                        c.Id, c.Domain.Format(values[c.Slot]), c.Domain.Format(worse.Value), d.Id,
                        d.Levels[before.Record.Floor(d)].Id, d.Levels[after.Record.Floor(d)].Id,
                        new Assessment(rules, values).Known(), rule.Model.Id);
                    return false;
                }
            }

            return true;
        }, SearchLimit);
        return result;
    }

    /// <summary>The criteria a rule depends on, directly or through the facts and decisions it reads.</summary>
    private static Criterion[] Support(CompiledRule rule, RuleSet rules)
    {
        var criteria = new HashSet<Criterion>();
        var seen = new HashSet<Symbol>();
        var pending = new Stack<Symbol>(rule.Model.Reads);
        while (pending.Count > 0)
        {
            var s = pending.Pop();
            if (!seen.Add(s)) continue;
            if (s is Criterion c)
            {
                criteria.Add(c);
                continue;
            }

            foreach (var writer in rules.Compiled.EvaluationOrder.Where(r => r.Model.Actions.Any(a => a.Target == s)))
            {
                foreach (var read in writer.Model.Reads) pending.Push(read);
            }
        }

        return criteria.OrderBy(c => c.Slot).ToArray();
    }
}
