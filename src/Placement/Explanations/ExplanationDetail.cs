namespace Placement.Explanations;

/// <summary>How much of an explanation the text and Markdown renderings show.</summary>
public enum ExplanationDetail
{
    /// <summary>
    /// What a clinician needs at a glance. While required answers are missing (status insufficient)
    /// this is the short form: the ranges, what to ask, what the answers so far establish, review
    /// flags and notes, without the rule-by-rule "why not" and "could change" lists. Rule ids appear
    /// only beside reasons and flags.
    /// </summary>
    Standard,

    /// <summary>Everything, for rule authors and review: every rule that blocked or could still raise a level, and the rules behind each missing answer.</summary>
    Full,
}
