namespace Placement.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>A recommendation was made (recommended or provisional), or the command succeeded.</summary>
    public const int Success = 0;

    /// <summary>A usage error or an unexpected failure.</summary>
    public const int Unexpected = 1;

    /// <summary>The assessment is invalid (or cannot be read).</summary>
    public const int InvalidAssessment = 2;

    /// <summary>The rule set is invalid (or cannot be read).</summary>
    public const int InvalidRuleSet = 3;
}
