using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// Finds the unknown criteria that rules which may fire depend on, and how high each one alone
/// could take each decision. For each unknown criterion it replays the may-fire rules over a
/// state where only that criterion's consequences raise facts and decisions:
/// a rule that reads the criterion directly always counts (so nothing is under-reported); a rule
/// that reads it only through a fact or decision counts when its condition can still hold with
/// just that criterion's raises (so a criterion is not blamed for what only another can cause).
/// </summary>
internal static class MissingInformation
{
    public static IReadOnlyList<(Criterion Criterion, IReadOnlyDictionary<string, Level> CouldRaise, IReadOnlyList<string> Rules)> Find(EvaluationRecord rec)
    {
        var rules = rec.Rules;
        var order = rules.EvaluationOrder;
        var n = rules.SlotCount;
        var criteriaCount = rules.Criteria.Count;
        var missing = new List<(Criterion, IReadOnlyDictionary<string, Level>, IReadOnlyList<string>)>();
        var anyMayFire = false;
        for (var i = 0; i < order.Length && !anyMayFire; i++) anyMayFire = rec.Outcome(i) == RuleOutcomeCode.MayFire;
        if (!anyMayFire) return missing;

        var state = new int[2 * n];
        for (var c = 0; c < criteriaCount; c++)
        {
            var criterion = rules.Criteria[c];
            if (rec.Values[c] != CompiledRuleSet.Unknown) continue;

            // Criteria as assessed; facts and decisions at their floors, raised only through this criterion.
            Array.Copy(rec.State, state, state.Length);
            for (var s = criteriaCount; s < n; s++) state[s + n] = state[s];

            var ruleIds = new List<string>();
            var couldRaise = new Dictionary<string, Level>(StringComparer.Ordinal);
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
                ruleIds.Add(rule.Model.Id);
                for (var a = 0; a < rule.TargetSlots.Length; a++)
                {
                    var slot = rule.TargetSlots[a];
                    var value = rule.TargetValues[a];
                    if (state[slot + n] < value) state[slot + n] = value;
                }
            }

            if (ruleIds.Count == 0) continue;
            foreach (var decision in rules.Decisions)
            {
                var ceiling = state[decision.Slot + n];
                if (ceiling > rec.Floor(decision)) couldRaise[decision.Id] = decision.Levels[ceiling];
            }

            missing.Add((criterion, couldRaise, ruleIds));
        }

        return missing;
    }
}
