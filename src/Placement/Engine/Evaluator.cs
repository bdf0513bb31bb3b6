namespace Placement.Engine;

/// <summary>
/// Runs the rules over one assessment. The state holds, for every criterion, fact and decision,
/// a floor (what is certain) and a ceiling (what is possible given missing answers). A rule that
/// fires raises floor and ceiling of its targets; a rule that may fire raises only the ceiling.
/// Rules run in strata, so each reads its facts only after every rule that can set them; the whole
/// rule set is one compiled delegate (<see cref="RuleSet.Program"/>).
/// </summary>
internal static class Evaluator
{
    public static Recommendation Evaluate(RuleSet rules, Assessment assessment)
    {
        if (assessment.IsComplete)
        {
            // Nothing is unknown: plain boolean logic, and the full record only if an explanation is asked for.
            var floors = new int[rules.SlotCount - rules.CriteriaCount];
            rules.CompleteProgram(assessment.Values, floors);
            return new Recommendation(rules, assessment, floors);
        }

        var (state, outcomes) = Record(rules, assessment);
        var n = rules.SlotCount;
        for (var s = rules.CriteriaCount; s < n; s++)
        {
            if (state[s + n] > state[s]) return new Recommendation(rules, assessment, state, outcomes, RecommendationStatus.Provisional);
        }

        return new Recommendation(rules, assessment, state, outcomes, RecommendationStatus.Recommended);
    }

    /// <summary>The evaluation record: floors and ceilings of every slot, and every rule's outcome.</summary>
    public static (int[] State, byte[] Outcomes) Record(RuleSet rules, Assessment assessment)
    {
        var n = rules.SlotCount;
        var state = new int[2 * n];
        Array.Copy(rules.InitialState, state, state.Length);
        var values = assessment.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v != Assessment.Unknown)
            {
                state[i] = v;
                state[i + n] = v;
            }
        }

        var outcomes = new byte[rules.EvaluationOrder.Length];
        rules.Program(state, outcomes);
        return (state, outcomes);
    }
}
