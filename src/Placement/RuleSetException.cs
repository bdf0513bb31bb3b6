using Placement.Diagnostics;

namespace Placement;

/// <summary>Thrown by <see cref="RuleSet.Load(string)"/> when a rule set has errors; none of it is used.</summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception from the load's diagnostics.</summary>
    public RuleSetException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every error and warning found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToArray();
        return $"the rule set has {errors.Length} error(s):{Environment.NewLine}" +
               string.Join(Environment.NewLine, errors.Select(d => d.ToString()));
    }
}
