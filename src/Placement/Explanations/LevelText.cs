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

    /// <summary>"level_of_care to residential, withdrawal_management to ambulatory".</summary>
    public static string CouldRaise(MissingCriterion m) =>
        m.CouldRaise.Count == 0
            ? "could change derived facts"
            : "could raise " + string.Join(", ", m.CouldRaise.Select(kv => $"{kv.Key} to {kv.Value.Id}"));

    public static string Status(RecommendationStatus status) =>
        status == RecommendationStatus.Provisional ? "provisional" : "recommended";
}
