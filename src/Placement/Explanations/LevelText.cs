using Placement.Model;

namespace Placement.Explanations;

/// <summary>Shared wording for levels and lists in the renderers.</summary>
internal static class LevelText
{
    /// <summary>"Intensive outpatient (IOP) [asam3 2.1, asam4 2.1]": the name and its codes, no internal id.</summary>
    public static string Describe(Level level) => level.Codes.Count == 0
        ? level.Name
        : $"{level.Name} [{string.Join(", ", level.Codes.Select(c => $"{c.Key} {c.Value}"))}]";

    /// <summary>"alone could raise level_of_care to at least residential", "could narrow what is still open", and whether it could raise a review flag.</summary>
    public static string CouldRaise(Recommendation rec, MissingCriterion m)
    {
        var flag = CouldRaiseFlag(rec, m);
        if (m.CouldRaise.Count == 0) return flag ? "could raise a review flag" : "could narrow what is still open";
        return "alone could raise " + string.Join(", ", m.CouldRaise.Select(kv => $"{DecisionLabel(rec, kv.Key)} to at least {kv.Value.Name}")) + (flag ? ", and a review flag" : "");
    }

    /// <summary>True when a rule that may fire because this answer is missing has a flag.</summary>
    public static bool CouldRaiseFlag(Recommendation rec, MissingCriterion m) =>
        rec.PossibleFlags.Any(f => m.Rules.Contains(f.Rule, StringComparer.Ordinal));

    /// <summary>The last line of the short form, saying what it leaves out.</summary>
    public const string BriefForm =
        "Shown in short while required answers are missing; the full explanation lists every rule that could still change a level.";

    /// <summary>Before the text of a flag whose rule may fire.</summary>
    public const string Possibly = "possibly, once missing answers are known: ";

    /// <summary>"recommended", "provisional" or "insufficient".</summary>
    public static string Status(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Provisional => "provisional",
        RecommendationStatus.Insufficient => "insufficient",
        _ => "recommended",
    };

    /// <summary>
    /// The criteria to ask first: the missing answers of the first <c>ask</c> tier (the first three
    /// when no tiers are declared), and every required answer that is unknown.
    /// </summary>
    public static IReadOnlyList<MissingCriterion> AskFirst(Recommendation rec)
    {
        var missing = rec.Missing;
        if (missing.Count == 0) return [];
        var tier = missing[0].Criterion.Ask;
        var first = tier is null ? missing.Take(3) : missing.TakeWhile(m => m.Criterion.Ask == tier);

        // Required answers that are unknown are always among the first to ask, whatever their tier.
        return first.Concat(missing.Where(m => m.IsRequired)).Distinct().ToArray();
    }

    /// <summary>"ciwa_ar (CIWA-Ar score), cows (COWS score)".</summary>
    public static string Criteria(IEnumerable<MissingCriterion> missing) =>
        string.Join(", ", missing.Select(m => m.Criterion.Label));

    /// <summary>A decision's label by its id.</summary>
    public static string DecisionLabel(Recommendation rec, string decisionId) => rec.RuleSet.FindDecision(decisionId)?.Label ?? decisionId;

    /// <summary>A value, as users write it, in words for clinicians: yes or no for booleans, declared labels for enums and sets.</summary>
    public static string Words(Model.ValueDomain domain, string value) => domain.Kind switch
    {
        Model.ValueKind.Boolean => value == "true" ? "yes" : "no",
        Model.ValueKind.Enum when domain.IndexOf(value) is var k and >= 0 => domain.Labels[k],
        _ => value.Replace('_', ' '),
    };

    /// <summary>A value by its number, in words for clinicians: yes or no, a label, a number, or a set's labels.</summary>
    public static string Value(Model.ValueDomain domain, int value) => domain.Kind switch
    {
        Model.ValueKind.Boolean => value == 1 ? "yes" : "no",
        Model.ValueKind.Enum => domain.Labels[value],
        Model.ValueKind.Set => value == 0 ? "none" : string.Join(", ", domain.Labels.Where((_, i) => (value & (1 << i)) != 0)),
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// What the answers so far establish, for the short form: each decision some fired rule raised
    /// ("at least" its floor, with its codes), and each fact some rule set or that is above its default.
    /// </summary>
    public static IReadOnlyList<(string Label, string Value, IReadOnlyList<Reason> Because)> Established(Explanation explanation)
    {
        var found = new List<(string, string, IReadOnlyList<Reason>)>();
        foreach (var d in explanation.Decisions)
        {
            if (d.Result.Because.Count > 0) found.Add((d.Result.Decision.Label, "at least " + Describe(d.Result.Floor), d.Result.Because));
        }

        foreach (var f in explanation.Recommendation.Facts.Values)
        {
            if (f.Because.Count == 0 && f.Floor == f.Fact.Default) continue;
            found.Add((f.Fact.Label, (f.IsDetermined ? "" : "at least ") + Words(f.Fact.Domain, f.Floor), f.Because));
        }

        return found;
    }

    /// <summary>The short form's line when nothing is established yet.</summary>
    public const string NothingEstablished = "nothing yet calls for more than the least intensive levels.";

    /// <summary>Why a decision is at its floor when no single fired rule requires it.</summary>
    public static string NoReason(DecisionResult r) =>
        r.Floor == r.Decision.Default
            ? $"nothing recorded calls for more than {r.Decision.Default.Name}."
            : "whatever the unknown answers turn out to be, the rules require at least this level.";
}
