using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// Which unknown answers to ask for, in order. An answer is worth asking when it is required now,
/// or when knowing it alone could change a decision or an output fact: for each value class of the
/// criterion, the exact bounds with that answer are compared with today's. Answers are ordered by
/// their <c>ask</c> tier, then by how far the answer alone could move the decisions (the most
/// narrowing of floor to ceiling over its possible values), then as declared. For each, the
/// decisions whose floor it alone could raise, and the rules that may fire because it is unknown.
/// </summary>
internal static class MissingInformation
{
    public static IReadOnlyList<(Criterion Criterion, IReadOnlyDictionary<string, Level> CouldRaise, IReadOnlyList<string> Rules, bool Required)> Find(EvaluationRecord rec)
    {
        var rules = rec.Rules;
        if (Array.IndexOf(rec.Values, CompiledRuleSet.Unknown) < 0) return [];
        var required = rec.UnknownRequired().ToHashSet();
        var watched = rules.Decisions.Cast<Symbol>().Concat(rules.Facts.Where(f => f.IsOutput)).ToArray();

        // When every decision and output fact is decided, no answer can change one, alone or together.
        var open = watched.Any(s => rec.Ceiling(s) > rec.Floor(s));
        var found = new List<(Criterion Criterion, Dictionary<string, Level> CouldRaise, int Move, int FactMove)>();
        foreach (var criterion in rules.PublicCriteria)
        {
            if (rec.Values[criterion.Slot] != CompiledRuleSet.Unknown) continue;
            var couldRaise = new Dictionary<string, Level>(StringComparer.Ordinal);
            var move = 0;
            var factMove = 0;
            foreach (var values in Answers(rules, rec.Values, criterion))
            {
                var (floors, ceilings) = BoundsWith(rules, values);
                var decisionMove = 0;
                var outputMove = 0;
                foreach (var s in watched)
                {
                    var i = s.Slot - rules.CriteriaCount;
                    // Any change counts: an answer can narrow the range, or (through known()) move it.
                    var narrowing = Math.Abs(floors[i] - rec.Floor(s)) + Math.Abs(rec.Ceiling(s) - ceilings[i]);
                    if (s is Decision d)
                    {
                        decisionMove += narrowing;
                        if (floors[i] > rec.Floor(d) && (!couldRaise.TryGetValue(d.Id, out var best) || best.Ordinal < floors[i]))
                        {
                            couldRaise[d.Id] = d.Levels[floors[i]];
                        }
                    }
                    else
                    {
                        outputMove += narrowing;
                    }
                }

                move = Math.Max(move, decisionMove);
                factMove = Math.Max(factMove, outputMove);
            }

            if (move > 0 || factMove > 0 || required.Contains(criterion) || RaisesAFlag(rec, criterion) || (open && MattersWithOthers(rec, criterion, watched)))
            {
                found.Add((criterion, couldRaise, move, factMove));
            }
        }

        return found
            .OrderBy(f => f.Criterion.Ask ?? int.MaxValue)
            .ThenByDescending(f => f.Move)
            .ThenByDescending(f => f.FactMove)
            .ThenBy(f => f.Criterion.Slot)
            .Select(f => (f.Criterion, (IReadOnlyDictionary<string, Level>)f.CouldRaise, (IReadOnlyList<string>)RulesDependingOn(rec, f.Criterion), required.Contains(f.Criterion)))
            .ToArray();
    }

    /// <summary>True when a rule with a review flag may fire because the criterion is unknown: its answer decides whether a clinician is asked to review.</summary>
    private static bool RaisesAFlag(EvaluationRecord rec, Criterion criterion) =>
        RulesDependingOn(rec, criterion).Any(id => rec.Rules.RulesById[id].Model.Flag is not null);

    /// <summary>
    /// True when the criterion's answer changes a decision or an output fact together with some
    /// answers to the other unknown criteria (two completions that differ only in it give different
    /// results), although no answer to it alone narrows anything. Found by enumerating the value
    /// classes of every unknown criterion within <see cref="ExactBounds.Budget"/>; past it, any
    /// rule that may fire because of the criterion counts, so nothing that matters is left out.
    /// </summary>
    private static bool MattersWithOthers(EvaluationRecord rec, Criterion criterion, Symbol[] watched)
    {
        var rules = rec.Rules;
        var own = criterion.Members.Count > 0 ? criterion.Members.ToArray() : [criterion];
        var others = new List<Criterion>();
        long combinations = 1;
        var overBudget = false;
        foreach (var c in rules.Criteria)
        {
            if (rec.Values[c.Slot] != CompiledRuleSet.Unknown || c.Members.Count > 0 || own.Contains(c)) continue;
            others.Add(c);
            overBudget |= !Multiply(ref combinations, rules.Values.Of(c).Length);
        }

        foreach (var c in own) overBudget |= !Multiply(ref combinations, rules.Values.Of(c).Length);

        // Whether it was answered is what known() reads: answering it can change a rule that reads known().
        if (rules.ReadsKnown.Contains(criterion) || own.Any(rules.ReadsKnown.Contains)) return true;
        if (overBudget || !own.All(rules.Values.IsExact) || !others.All(rules.Values.IsExact))
        {
            // Too many to try: any rule that may fire because of it and changes something counts.
            return RulesDependingOn(rec, criterion).Any(id => rules.RulesById[id] is var r && (r.TargetSlots.Length > 0 || r.Model.Flag is not null));
        }

        // Completions: every answer given (known() true), the unknown ones over their value classes.
        var n = rules.CriteriaCount;
        var input = new int[n];
        for (var i = 0; i < n; i++)
        {
            input[i] = rec.Values[i] != CompiledRuleSet.Unknown ? rec.Values[i] : rules.Criteria[i].Domain.Min;
        }

        var output = new int[rules.SlotCount - n];
        var first = new int[output.Length];
        foreach (var context in Odometer(rules, others))
        {
            for (var k = 0; k < others.Count; k++) input[others[k].Slot] = context[k];
            var firstAnswer = true;
            foreach (var answer in Odometer(rules, own))
            {
                for (var k = 0; k < own.Length; k++) input[own[k].Slot] = answer[k];
                rules.CompleteProgram(input, output);
                if (firstAnswer)
                {
                    Array.Copy(output, first, output.Length);
                    firstAnswer = false;
                    continue;
                }

                foreach (var s in watched)
                {
                    if (output[s.Slot - n] != first[s.Slot - n]) return true;
                }
            }
        }

        return false;
    }

    /// <summary>Multiplies, returning false once the product passes <see cref="ExactBounds.Budget"/> (it never overflows).</summary>
    private static bool Multiply(ref long product, int factor)
    {
        if (product > ExactBounds.Budget / Math.Max(1, factor)) return false;
        product *= factor;
        return product <= ExactBounds.Budget;
    }

    /// <summary>Every combination of the criteria's value classes.</summary>
    private static IEnumerable<int[]> Odometer(CompiledRuleSet rules, IReadOnlyList<Criterion> criteria)
    {
        var index = new int[criteria.Count];
        var values = new int[criteria.Count];
        while (true)
        {
            for (var k = 0; k < criteria.Count; k++) values[k] = rules.Values.Of(criteria[k])[index[k]];
            yield return values;
            var j = 0;
            while (j < index.Length && ++index[j] == rules.Values.Of(criteria[j]).Length)
            {
                index[j] = 0;
                j++;
            }

            if (j == index.Length) yield break;
        }
    }

    /// <summary>
    /// The assessment with the criterion answered, once per class of its answers. A set is tried with
    /// none and all of its words, and with each word known present or absent while the others stay
    /// unknown (its subsets are too many to try; for ordering and for leaving answers out, a change
    /// that knowing one word can make is what counts).
    /// </summary>
    private static IEnumerable<int[]> Answers(CompiledRuleSet rules, int[] assessed, Criterion criterion)
    {
        if (criterion.Members.Count == 0)
        {
            // A monotone criterion moves every floor and ceiling one way: its least and most risky
            // answers show whether it can change anything and the floor it can establish.
            var d = criterion.Domain;
            var tried = rules.Monotone[criterion.Slot] != 0 && !rules.ReadsKnown.Contains(criterion) ? [d.Min, d.Max] : rules.Values.Of(criterion);
            foreach (var v in tried)
            {
                var values = (int[])assessed.Clone();
                values[criterion.Slot] = v;
                yield return values;
            }

            yield break;
        }

        foreach (var mask in new[] { 0, (1 << criterion.Members.Count) - 1 })
        {
            var values = (int[])assessed.Clone();
            CompiledRuleSet.WriteSet(values, criterion, mask);
            yield return values;
        }

        foreach (var member in criterion.Members)
        {
            foreach (var present in new[] { 0, 1 })
            {
                var values = (int[])assessed.Clone();
                values[member.Slot] = present;
                yield return values;
            }
        }
    }

    /// <summary>Floors and ceilings of every fact and decision with these answers: exact when possible, else the interval evaluation.</summary>
    private static (int[] Floors, int[] Ceilings) BoundsWith(CompiledRuleSet rules, int[] values)
    {
        // Without known(), exact bounds need nothing from the three-valued evaluation.
        if (rules.ReadsKnown.Count == 0 && ExactBounds.Compute(rules, values, out var exact) is { } bounds && exact) return bounds;
        var record = EvaluationRecord.ForPartial(rules, values);
        var derived = rules.Facts.Cast<Symbol>().Concat(rules.Decisions).OrderBy(s => s.Slot).ToArray();
        return (derived.Select(record.Floor).ToArray(), derived.Select(record.Ceiling).ToArray());
    }

    /// <summary>
    /// The rules that may fire because the criterion is unknown: those that read it directly, and
    /// those that read a fact or decision that only its consequences could raise.
    /// </summary>
    private static string[] RulesDependingOn(EvaluationRecord rec, Criterion criterion)
    {
        var rules = rec.Rules;
        var order = rules.EvaluationOrder;
        var n = rules.SlotCount;
        var state = new int[2 * n];

        // Criteria as assessed; facts and decisions at their floors, raised only through this criterion.
        Array.Copy(rec.State, state, state.Length);
        for (var s = rules.CriteriaCount; s < n; s++) state[s + n] = state[s];
        var ids = new List<string>();
        for (var i = 0; i < order.Length; i++)
        {
            if (rec.Outcome(i) != RuleOutcomeCode.MayFire) continue;
            var rule = order[i];
            var direct = false;
            var indirect = false;
            foreach (var read in rule.Model.Reads)
            {
                if (read == criterion) direct = true;
                else if (read is not Criterion && state[read.Slot + n] > state[read.Slot]) indirect = true;
            }

            if (!direct && !(indirect && rule.Evaluate(state) > 0)) continue;
            ids.Add(rule.Model.Id);
            for (var a = 0; a < rule.TargetSlots.Length; a++)
            {
                var slot = rule.TargetSlots[a];
                if (state[slot + n] < rule.TargetValues[a]) state[slot + n] = rule.TargetValues[a];
            }
        }

        return ids.ToArray();
    }
}
