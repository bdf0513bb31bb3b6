namespace Placement.Testing;

/// <summary>
/// Which rule outcomes and decision levels the test cases exercised: for each rule, whether some
/// case made it fire and some case made it not fire; for each level, whether some case reached it.
/// </summary>
/// <param name="Rules">Per rule, in declaration order.</param>
/// <param name="Levels">Per decision level, in declaration order.</param>
public sealed record RuleCoverage(IReadOnlyList<RuleCoverage.RuleEntry> Rules, IReadOnlyList<RuleCoverage.LevelEntry> Levels)
{
    /// <summary>Items covered: each rule's fired and not-fired outcome and each level.</summary>
    public int Covered => Rules.Sum(r => (r.Fired ? 1 : 0) + (r.NotFired ? 1 : 0)) + Levels.Count(l => l.Reached);

    /// <summary>Items in all: two per rule and one per level.</summary>
    public int Total => (2 * Rules.Count) + Levels.Count;

    /// <summary>Covered as a percentage of total.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Covered / Total;

    /// <summary>Coverage of one rule.</summary>
    /// <param name="Rule">The rule's id.</param>
    /// <param name="Fired">Some case made it fire.</param>
    /// <param name="NotFired">Some case made it not fire.</param>
    public sealed record RuleEntry(string Rule, bool Fired, bool NotFired);

    /// <summary>Coverage of one decision level.</summary>
    /// <param name="Decision">The decision's id.</param>
    /// <param name="Level">The level's id.</param>
    /// <param name="Reached">Some case recommended this level.</param>
    public sealed record LevelEntry(string Decision, string Level, bool Reached);
}
