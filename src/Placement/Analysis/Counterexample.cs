namespace Placement.Analysis;

/// <summary>A concrete assessment where worsening one criterion lowers a decision.</summary>
/// <param name="Criterion">The criterion worsened.</param>
/// <param name="From">Its value before.</param>
/// <param name="To">Its worse value.</param>
/// <param name="Decision">The decision that went down.</param>
/// <param name="LevelBefore">The decision's level before.</param>
/// <param name="LevelAfter">The decision's lower level after.</param>
/// <param name="Assessment">The assessment before the change, criterion by criterion.</param>
/// <param name="Rule">The rule whose condition is not monotone and that stopped firing.</param>
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
