using System.Diagnostics.CodeAnalysis;
using Placement.Diagnostics;

namespace Placement;

/// <summary>The outcome of loading a rule set: the rule set, or the errors that stopped it.</summary>
/// <param name="RuleSet">The loaded rule set; null when there was any error.</param>
/// <param name="Diagnostics">Every error and warning, sorted by file and position.</param>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the rule set loaded (there were no errors).</summary>
    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool Success => RuleSet is not null;

    /// <summary>Only the errors.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
