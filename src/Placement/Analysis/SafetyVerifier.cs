using Placement.Engine;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>
/// Proves, or refutes with a concrete assessment, that on complete assessments worsening any
/// criterion along its declared risk order (a higher rating or score, true instead of false for a
/// risk flag, false instead of true for a protective one) never lowers any decision. Criteria
/// without a risk order are not varied: they are context, every one of their values is tried, and
/// nothing is claimed about changing them (<see cref="VerificationResult.Skipped"/>).
/// <para>
/// Proof: decisions and facts are the maximum of what fired rules require, and rules run in
/// strata, so the result is monotone when every rule's condition is monotone in each risk-ordered
/// criterion (in its risk direction) and in each fact and decision it reads (upwards). For each rule
/// that is first read off the syntax (<see cref="Polarity"/>: <c>&gt;=</c> on sums, <c>min</c>, <c>max</c>
/// and <c>count</c> of rising things rises), and otherwise checked exhaustively over the cells of
/// what it reads (<see cref="ValueSpace"/>: integer ranges split until every comparison is decided
/// on every cell). A rule that stops firing when a value worsens is still safe when a monotone rule
/// that requires at least as much fires in its place. A rule whose comparisons cannot be split
/// exactly (arithmetic between criteria over large ranges) is never taken as proven.
/// </para>
/// <para>
/// Refutation: for a rule that is not monotone, the verifier searches assessments over the criteria
/// the rule depends on (every other criterion at its least risky value), worsens a criterion by one
/// step and compares every decision with the engine itself. The counterexample is then made the
/// smallest change: two adjacent values where possible, and every other criterion moved to its least
/// risky value that still shows the problem. Each distinct counterexample is reported once.
/// </para>
/// </summary>
public static class SafetyVerifier
{
    private const long EnumerationLimit = 5_000_000;
    private const long SearchLimit = 250_000;
    private const long ExhaustiveLimit = 2_000_000;

    /// <summary>Verifies the rule set.</summary>
    public static VerificationResult Verify(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = rules.Compiled;
        var space = new ValueSpace(compiled);
        var verified = rules.Criteria.Where(c => c.Risk != RiskDirection.None).Select(c => c.Id).ToArray();
        var skipped = rules.Criteria.Where(c => c.Risk == RiskDirection.None).Select(c => c.Id).ToArray();
        var counterexamples = new List<Counterexample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unresolved = new List<string>();

        // Rules that can move a decision; a rule that only sets facts no decision depends on cannot lower one.
        var acting = compiled.EvaluationOrder.Where(r => RuleGraph.Influenced(r, compiled).Count > 0).ToArray();
        var problems = acting.ToDictionary(r => r, r => Problems(r, compiled, space));
        var monotone = acting.Where(r => problems[r].Count == 0).ToArray();
        foreach (var rule in acting)
        {
            foreach (var problem in problems[rule])
            {
                if (problem.Reason is null && problem.Symbols.Count == 1
                    && monotone.Any(cover => space.IsExact(cover) && CoveredAfterWorsening(rule, problem.Symbols[0], cover, compiled, space)))
                {
                    continue;
                }

                var (found, exhausted) = Search(rule, problem.Symbols, compiled, space);
                if (found is null && exhausted) continue;
                if (found is not null)
                {
                    var key = string.Join('\u0001', found.Criterion, found.From, found.To, found.Decision, string.Join(',', found.Assessment));
                    if (seen.Add(key)) counterexamples.Add(found);
                    continue;
                }

                unresolved.Add(problem.Reason
                    ?? $"rule {rule.Model.Id} is not monotone in {problem.Symbols[0].Id}, and no counterexample was found among the assessments tried, but they are too many to try them all; review it");
            }
        }

        return new VerificationResult(counterexamples.Count == 0 && unresolved.Count == 0, verified, skipped, counterexamples, unresolved);
    }

    /// <summary>
    /// Where the rule's condition may not be monotone: one problem per symbol (risk-ordered criterion,
    /// fact or decision) in which it is not, or one problem naming every symbol the proof could not
    /// decide, with the reason.
    /// </summary>
    private static List<Problem> Problems(CompiledRule rule, CompiledRuleSet rules, ValueSpace space)
    {
        var candidates = rule.Slots.Where(s => Direction(s) != 0 && !Agrees(Polarity.Of(rule.Condition, s), Direction(s))).ToList();
        if (candidates.Count == 0) return [];
        var names = string.Join(", ", candidates.Select(s => s.Id));
        if (!space.IsExact(rule))
        {
            var inexact = string.Join(", ", space.InexactCriteria(rule).Select(c => c.Id));
            return [new Problem(candidates, $"rule {rule.Model.Id} is not proven monotone in {names}: the values of {inexact} cannot be split into ranges on which its comparisons are decided (arithmetic between criteria over large ranges), and no counterexample was found; narrow the ranges or rewrite the condition")];
        }

        var n = rules.SlotCount;
        var found = new List<Symbol>();
        var decided = ValueSpace.ForEach(rule.Slots, space.Points, (int[])rules.InitialState.Clone(), n, state =>
        {
            if (rule.Evaluate(state) != 2) return true;
            foreach (var s in candidates)
            {
                if (found.Contains(s)) continue;
                var current = state[s.Slot];
                var worse = Worse(space, s, current, Direction(s));
                if (worse is null) continue;
                state[s.Slot] = state[s.Slot + n] = worse.Value;
                if (rule.Evaluate(state) != 2) found.Add(s);
                state[s.Slot] = state[s.Slot + n] = current;
            }

            return found.Count < candidates.Count;
        }, EnumerationLimit);

        if (!decided)
        {
            return [new Problem(candidates, $"rule {rule.Model.Id} is not proven monotone in {names}: it reads too many combinations of values to check (more than {EnumerationLimit:N0}), and no counterexample was found; split the rule")];
        }

        return found.OrderBy(s => candidates.IndexOf(s)).Select(s => new Problem([s], null)).ToList();
    }

    /// <summary>True when a syntactic trend is monotone in the risk direction.</summary>
    private static bool Agrees(Trend trend, int direction) =>
        trend == Trend.Constant || (direction > 0 ? trend == Trend.Up : trend == Trend.Down);

    /// <summary>
    /// True when, wherever worsening <paramref name="symbol"/> stops <paramref name="rule"/> from firing,
    /// the monotone rule <paramref name="cover"/> fires after the change and requires at least as
    /// much: then the step cannot lower anything (as with "ideation" giving way to "plan or intent").
    /// </summary>
    private static bool CoveredAfterWorsening(CompiledRule rule, Symbol symbol, CompiledRule cover, CompiledRuleSet rules, ValueSpace space)
    {
        if (cover == rule || !rule.Model.Actions.All(a => cover.Model.Actions.Any(c => c.Target == a.Target && c.Value >= a.Value))) return false;
        var n = rules.SlotCount;
        var symbols = rule.Slots.Union(cover.Slots).ToArray();
        var covered = true;
        var decided = ValueSpace.ForEach(symbols, space.Points, (int[])rules.InitialState.Clone(), n, state =>
        {
            if (rule.Evaluate(state) != 2) return true;
            var current = state[symbol.Slot];
            var worse = Worse(space, symbol, current, Direction(symbol));
            if (worse is null) return true;
            state[symbol.Slot] = state[symbol.Slot + n] = worse.Value;
            covered = rule.Evaluate(state) == 2 || cover.Evaluate(state) == 2;
            state[symbol.Slot] = state[symbol.Slot + n] = current;
            return covered;
        }, EnumerationLimit);
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

    /// <summary>The value of the next cell in the risk direction, or null at the end of the range.</summary>
    private static int? Worse(ValueSpace space, Symbol s, int current, int direction)
    {
        var points = space.Points(s);
        var i = Array.FindIndex(points, p => p.Lo == current);
        var j = i + direction;
        return i < 0 || j < 0 || j >= points.Length ? null : points[j].Lo;
    }

    /// <summary>
    /// Looks for an assessment where worsening one of <paramref name="symbols"/> (or, for a fact or
    /// decision, any risk-ordered criterion the rule depends on) lowers a decision, and returns the
    /// smallest such change. First over the criteria the rule depends on, every other criterion at
    /// its least risky value; then, when the cells allow it, over every criterion that the decisions
    /// the rule influences depend on, criteria without a risk order included: that search is
    /// exhaustive, so finding nothing there resolves the problem (<c>Exhausted</c>).
    /// </summary>
    private static (Counterexample? Found, bool Exhausted) Search(CompiledRule rule, IReadOnlyList<Symbol> symbols, CompiledRuleSet rules, ValueSpace space)
    {
        var support = RuleGraph.Support(rule, rules);
        var vary = symbols
            .SelectMany(s => s is Criterion c ? [c] : support)
            .Where(c => Direction(c) != 0)
            .Distinct()
            .ToArray();
        // A fact or decision that no risk-ordered criterion can move: worsening a criterion never changes it.
        if (vary.Length == 0) return (null, true);

        var engine = new Runner(rules);
        var baseline = rules.Criteria.Select(LeastRisky).ToArray();
        var index = Array.IndexOf(rules.EvaluationOrder, rule);
        var hit = Find(support, vary, rules, space, engine, baseline, values => engine.Run(values).Outcomes[index] == 2, SearchLimit);
        if (hit is { } first) return (Smallest(rule, first.Values, first.Criterion, first.To, rules, space, engine, baseline), false);

        // Exhaustively, over everything the influenced decisions depend on.
        var writers = RuleGraph.Influenced(rule, rules)
            .SelectMany(d => rules.EvaluationOrder.Where(w => w.Model.Actions.Any(a => a.Target == d)))
            .Distinct()
            .ToArray();
        var rulesInvolved = writers.Concat(writers.SelectMany(w => RuleGraph.Cone(w, rules))).Append(rule).Distinct();
        if (!rulesInvolved.All(space.IsExact)) return (null, false);
        var domain = writers.SelectMany(w => RuleGraph.Support(w, rules)).Concat(support).Distinct().OrderBy(c => c.Slot).ToArray();
        var combinations = ValueSpace.Count(domain.Select(space.Points));
        if (combinations > ExhaustiveLimit / (1 + vary.Length)) return (null, false);
        hit = Find(domain, vary, rules, space, engine, baseline, _ => true, long.MaxValue);
        return hit is { } h ? (Smallest(rule, h.Values, h.Criterion, h.To, rules, space, engine, baseline), true) : (null, true);
    }

    /// <summary>
    /// The first assessment over the cells of <paramref name="criteria"/> (every other criterion at
    /// <paramref name="baseline"/>) that passes <paramref name="where"/> and where worsening one of
    /// <paramref name="vary"/> by one cell lowers a decision.
    /// </summary>
    private static (int[] Values, Criterion Criterion, int To)? Find(
        Criterion[] criteria, Criterion[] vary, CompiledRuleSet rules, ValueSpace space, Runner engine, int[] baseline, Func<int[], bool> where, long limit)
    {
        var scratch = new int[2 * rules.SlotCount];
        (int[] Values, Criterion Criterion, int To)? hit = null;
        ValueSpace.ForEach(criteria, space.Points, scratch, rules.SlotCount, state =>
        {
            var values = (int[])baseline.Clone();
            foreach (var c in criteria) values[c.Slot] = state[c.Slot];
            if (!where(values)) return true;
            foreach (var c in vary)
            {
                var worse = Worse(space, c, values[c.Slot], Direction(c));
                if (worse is null || !engine.Lowers(values, c, worse.Value)) continue;
                hit = (values, c, worse.Value);
                return false;
            }

            return true;
        }, limit);
        return hit;
    }

    /// <summary>
    /// The smallest form of a found change: adjacent values for an integer, and every other criterion
    /// at the least risky value that still shows the problem.
    /// </summary>
    private static Counterexample Smallest(CompiledRule rule, int[] values, Criterion criterion, int to, CompiledRuleSet rules, ValueSpace space, Runner engine, int[] baseline)
    {
        values = (int[])values.Clone();
        var slot = criterion.Slot;
        if (criterion.Domain.Kind == ValueKind.Integer)
        {
            // The found values are the starts of their cells; the boundary between the two cells is one step.
            if (Direction(criterion) > 0 && to - 1 > values[slot])
            {
                var from = to - 1;
                var trial = (int[])values.Clone();
                trial[slot] = from;
                if (engine.Lowers(trial, criterion, to)) values = trial;
            }
            else if (Direction(criterion) < 0 && values[slot] - 1 > to && engine.Lowers(values, criterion, values[slot] - 1))
            {
                to = values[slot] - 1;
            }
        }

        foreach (var other in rules.Criteria)
        {
            if (other == criterion || values[other.Slot] == baseline[other.Slot]) continue;
            var current = values[other.Slot];
            foreach (var candidate in TowardsRisk(other, space).Where(v => other.Risk == RiskDirection.Decreasing ? v > current : v < current))
            {
                var trial = (int[])values.Clone();
                trial[other.Slot] = candidate;
                if (!engine.Lowers(trial, criterion, to)) continue;
                values = trial;
                break;
            }
        }

        var before = engine.Run(values);
        var changed = (int[])values.Clone();
        changed[slot] = to;
        var after = engine.Run(changed);
        var decision = rules.Decisions.First(d => after.State[d.Slot] < before.State[d.Slot]);
        var levelBefore = before.State[decision.Slot];
        var stopped = rules.EvaluationOrder
            .Where((r, i) => before.Outcomes[i] == 2 && after.Outcomes[i] != 2)
            .ToArray();
        var culprit = stopped.Contains(rule)
            ? rule
            : stopped.FirstOrDefault(r => r.Model.Actions.Any(a => a.Target == decision && a.Value == levelBefore)) ?? rule;
        return new Counterexample(
            criterion.SetOf?.Id ?? criterion.Id,
            criterion.SetOf is { } set ? Format(set, values) : criterion.Domain.Format(values[slot]),
            criterion.SetOf is { } changedSet ? Format(changedSet, changed) : criterion.Domain.Format(to),
            decision.Id,
            decision.Levels[levelBefore].Id, decision.Levels[after.State[decision.Slot]].Id,
            rules.PublicCriteria.Select(c => new KeyValuePair<string, string>(c.Id, Format(c, values))).ToArray(),
            culprit.Model.Id);
    }

    /// <summary>A criterion's value for a counterexample; a set as the list of its words whose members are true.</summary>
    private static string Format(Criterion c, int[] values) => c.Members.Count == 0
        ? c.Domain.Format(values[c.Slot])
        : "[" + string.Join(", ", c.Members.Where(m => values[m.Slot] > 0).Select(m => m.MemberWord)) + "]";

    /// <summary>The least risky value of a criterion (its first value when it has no risk order).</summary>
    private static int LeastRisky(Criterion c) => c.Risk == RiskDirection.Decreasing ? c.Domain.Max : c.Domain.Min;

    /// <summary>A criterion's values to try, least risky first: one per cell, the least risky value of each.</summary>
    private static IEnumerable<int> TowardsRisk(Criterion c, ValueSpace space)
    {
        var starts = space.Points(c).Select(p => p.Lo);
        return c.Risk == RiskDirection.Decreasing ? starts.Reverse().Select(v => space.CellEnd(c, v)) : starts;
    }

    /// <summary>A problem the proof found: the symbols concerned, and why it is unresolved when no counterexample turns up (null: not monotone).</summary>
    private sealed record Problem(IReadOnlyList<Symbol> Symbols, string? Reason);

    /// <summary>The engine's own program on complete assessments, for the search.</summary>
    private sealed class Runner(CompiledRuleSet rules)
    {
        public (int[] State, byte[] Outcomes) Run(int[] values)
        {
            var n = rules.SlotCount;
            var state = new int[2 * n];
            for (var i = 0; i < values.Length; i++) state[i] = state[i + n] = values[i];
            var outcomes = new byte[rules.EvaluationOrder.Length];
            RuleGraph.Run(rules, state, outcomes);
            return (state, outcomes);
        }

        /// <summary>True when setting the criterion to <paramref name="to"/> lowers some decision.</summary>
        public bool Lowers(int[] values, Criterion criterion, int to)
        {
            var before = Run(values).State;
            var changed = (int[])values.Clone();
            changed[criterion.Slot] = to;
            var after = Run(changed).State;
            return rules.Decisions.Any(d => after[d.Slot] < before[d.Slot]);
        }
    }
}
