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

    /// <summary>"could raise level_of_care to at least residential" or "could narrow what is still open".</summary>
    public static string CouldRaise(MissingCriterion m) =>
        m.CouldRaise.Count == 0
            ? "could narrow what is still open"
            : "alone could raise " + string.Join(", ", m.CouldRaise.Select(kv => $"{kv.Key} to at least {kv.Value.Id}"));

    /// <summary>"recommended", "provisional" or "insufficient".</summary>
    public static string Status(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Provisional => "provisional",
        RecommendationStatus.Insufficient => "insufficient",
        _ => "recommended",
    };

    /// <summary>The criteria to ask first: the missing answers of the first <c>ask</c> tier (the first three when no tiers are declared).</summary>
    public static IReadOnlyList<MissingCriterion> AskFirst(Recommendation rec)
    {
        var missing = rec.Missing;
        if (missing.Count == 0) return [];
        var tier = missing[0].Criterion.Ask;
        return tier is null ? missing.Take(3).ToArray() : missing.TakeWhile(m => m.Criterion.Ask == tier).ToArray();
    }

    /// <summary>"ciwa_ar (CIWA-Ar score), cows (COWS score)".</summary>
    public static string Criteria(IEnumerable<MissingCriterion> missing) =>
        string.Join(", ", missing.Select(m => m.Criterion.Label == m.Criterion.Id ? m.Criterion.Id : $"{m.Criterion.Id} ({m.Criterion.Label})"));

    /// <summary>Why a decision is at its floor when no single fired rule requires it.</summary>
    public static string NoReason(DecisionResult r) =>
        r.Floor == r.Decision.Default
            ? "no rule requires more than the default level."
            : "whatever the unknown answers turn out to be, the rules require at least this level.";
}
