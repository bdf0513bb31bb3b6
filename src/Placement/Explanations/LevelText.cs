using Placement.Model;

namespace Placement.Explanations;

/// <summary>Shared wording for levels and lists in the renderers.</summary>
internal static class LevelText
{
    /// <summary>"Intensive outpatient (IOP) [iop; asam3 2.1, asam4 2.1]".</summary>
    public static string Describe(Level level)
    {
        var codes = level.Codes.Count == 0 ? "" : "; " + string.Join(", ", level.Codes.Select(c => $"{c.Key} {c.Value}"));
        return $"{level.Name} [{level.Id}{codes}]";
    }

    /// <summary>"could raise level_of_care to residential, withdrawal_management to ambulatory", and whether it could raise a review flag.</summary>
    public static string CouldRaise(Recommendation rec, MissingCriterion m)
    {
        var flag = CouldRaiseFlag(rec, m);
        if (m.CouldRaise.Count == 0) return flag ? "could raise a review flag" : "could change derived facts";
        return "could raise " + string.Join(", ", m.CouldRaise.Select(kv => $"{kv.Key} to {kv.Value.Id}")) + (flag ? ", and a review flag" : "");
    }

    /// <summary>True when a rule that may fire because this answer is missing has a flag.</summary>
    public static bool CouldRaiseFlag(Recommendation rec, MissingCriterion m) =>
        rec.PossibleFlags.Any(f => m.Rules.Contains(f.Rule, StringComparer.Ordinal));

    /// <summary>Before the text of a flag whose rule may fire.</summary>
    public const string Possibly = "possibly, once missing answers are known: ";

    public static string Status(RecommendationStatus status) =>
        status == RecommendationStatus.Provisional ? "provisional" : "recommended";
}
