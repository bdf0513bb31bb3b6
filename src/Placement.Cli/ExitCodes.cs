namespace Placement.Cli;

/// <summary>
/// The tool's exit codes, the same in every command. Each command's help lists the ones it uses;
/// the README has the table.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded: a recommendation was made (recommended or provisional), the rule set is clean, every test passed, the safety property is proven.</summary>
    public const int Success = 0;

    /// <summary>The command ran, and its answer is no: a rule test failed, coverage is below the threshold, there were no test cases, or <c>verify</c> found a counterexample or could not prove the property.</summary>
    public const int Failed = 1;

    /// <summary>The input is invalid: an invalid assessment, invalid lines in <c>batch</c> or <c>diff</c> input, or a file named on the command line that cannot be read (or, for <c>--out</c>, written); also reading or writing that fails part way, such as on a full disk.</summary>
    public const int InvalidInput = 2;

    /// <summary>The rule set (or a rule test file) is invalid or cannot be read.</summary>
    public const int InvalidRuleSet = 3;

    /// <summary>A usage error: an unknown command or option, a missing argument, or a bad option value, such as a <c>--key</c> naming a criterion (as <c>EX_USAGE</c> in sysexits.h).</summary>
    public const int Usage = 64;

    /// <summary>An unexpected failure, a bug to report; <c>PLACEMENT_DEBUG=1</c> prints the stack trace (as <c>EX_SOFTWARE</c> in sysexits.h).</summary>
    public const int Unexpected = 70;
}
