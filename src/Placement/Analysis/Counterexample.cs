namespace Placement.Analysis;

/// <summary>
/// A concrete complete assessment where worsening one criterion lowers a decision, as the smallest
/// change found: one criterion, two adjacent values where possible, and every other criterion at the
/// least risky value that still shows the problem. The engine itself confirms it.
/// </summary>
/// <param name="Criterion">The criterion worsened.</param>
/// <param name="From">Its value before.</param>
/// <param name="To">Its worse value (the next value in its risk order, or the next range the rules tell apart).</param>
/// <param name="Decision">The decision that went down.</param>
/// <param name="LevelBefore">The decision's level before.</param>
/// <param name="LevelAfter">The decision's lower level after.</param>
/// <param name="Assessment">The assessment before the change, every criterion in declaration order.</param>
/// <param name="Rule">The rule that stopped firing: the one whose condition is not monotone, or else the one that required the higher level.</param>
public sealed record Counterexample(
    string Criterion,
    string From,
    string To,
    string Decision,
    string LevelBefore,
    string LevelAfter,
    IReadOnlyList<KeyValuePair<string, string>> Assessment,
    string Rule)
{
    /// <summary>One paragraph for a terminal, with the assessment as YAML.</summary>
    public string ToText() =>
        $"Worsening {Criterion} from {From} to {To} lowers {Decision} from {LevelBefore} to {LevelAfter} (rule {Rule} stops firing).{Environment.NewLine}" +
        $"Assessment before the change:{Environment.NewLine}" +
        string.Join(Environment.NewLine, Assessment.Select(kv => $"  {kv.Key}: {kv.Value}"));
}
