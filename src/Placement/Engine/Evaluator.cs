namespace Placement.Engine;

/// <summary>
/// Runs the rules over one assessment. The state holds, for every criterion, fact and decision,
/// a floor (what is certain) and a ceiling (what is possible given missing answers). A rule that
/// fires raises floor and ceiling of its targets; a rule that may fire raises only the ceiling.
/// Rules run in strata, so each reads its facts only after every rule that can set them; the whole
/// rule set is one compiled delegate (<see cref="CompiledRuleSet.Program"/>).
/// </summary>
internal static class Evaluator
{
    /// <param name="rules">The compiled rule set.</param>
    /// <param name="values">One value per criterion; <see cref="CompiledRuleSet.Unknown"/> when not given.</param>
    /// <param name="complete">True when no value is unknown.</param>
    public static EvaluationRecord Evaluate(CompiledRuleSet rules, int[] values, bool complete)
    {
        if (complete)
        {
            // Nothing is unknown: plain boolean logic, and the full record only if an explanation is asked for.
            var floors = new int[rules.SlotCount - rules.CriteriaCount];
            rules.CompleteProgram(values, floors);
            return EvaluationRecord.ForComplete(rules, values, floors);
        }

        return EvaluationRecord.ForPartial(rules, values);
    }
}
