namespace Placement;

/// <summary>
/// The limits the library enforces on what it reads, so that memory and time stay proportional
/// to the input whatever a file or a request holds. Each is listed in docs/limits.md with the
/// error it gives. Past a limit the input is refused with a diagnostic, never half-read.
/// </summary>
public static class PlacementLimits
{
    /// <summary>The largest rule file: 1 MiB, checked before the file is read (PL1010). The default rules are about 55 KB in all.</summary>
    public const int MaxRuleFileBytes = 1 << 20;

    /// <summary>The most rule files in one rule set (PL1010).</summary>
    public const int MaxRuleFiles = 100;

    /// <summary>The most text in one rule set, all files together: 4 MiB (PL1010).</summary>
    public const int MaxRuleSetBytes = 4 << 20;

    /// <summary>The most rules in one rule set (PL1010). The default rules have fewer than 100.</summary>
    public const int MaxRules = 1_000;

    /// <summary>The most declarations (types, criteria, facts and decisions together) in one rule set (PL1010).</summary>
    public const int MaxDeclarations = 1_000;

    /// <summary>The longest id of a rule, a criterion, a fact, a decision, a type, a level or a value (PL2002).</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest diagnostic message: a longer one (quoting a long piece of a file) is cut there, and loses its suggestion.</summary>
    public const int MaxMessageLength = 2_000;

    /// <summary>The most values of an enum type and levels of a decision (PL2005).</summary>
    public const int MaxValues = 64;

    /// <summary>The most values of a set criterion (PL2005): every subset is a possible answer.</summary>
    public const int MaxSetValues = 20;

    /// <summary>The longest condition, in characters (PL3001).</summary>
    public const int MaxConditionLength = 10_000;

    /// <summary>
    /// The deepest nesting in a condition (PL3001), counted twice: brackets and <c>not</c> in the text
    /// before it is parsed, and the depth of the parsed condition, where each <c>not</c>, comparison,
    /// arithmetic operator and call adds a level and a chain of one <c>and</c> or <c>or</c> counts as a
    /// balanced tree (a chain of 1,000 adds 10).
    /// </summary>
    public const int MaxConditionDepth = 64;

    /// <summary>The most characters in all the conditions of a rule set together, <c>required:</c> ones included (PL1010). The default rules have about 4,500.</summary>
    public const int MaxConditionCharacters = 200_000;

    /// <summary>
    /// The most parts (names, numbers, operators and calls, after a number's <c>in [...]</c> list is
    /// spelled out as comparisons) in all the conditions of a rule set together (PL1010): compiling
    /// costs time and memory by the part. The default rules have about 450.
    /// </summary>
    public const int MaxConditionNodes = 20_000;

    /// <summary>The deepest nesting of lists and mappings in a YAML or JSON file (PL1001, PL1008).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// The most diagnostics reported for one rule set or one assessment. Past it, one more says how
    /// many were left out (PL1010): the first thousand problems are enough to start on.
    /// </summary>
    public const int MaxDiagnostics = 1_000;

    /// <summary>The largest assessment: 1 MiB from a file, a stream, a request body or an NDJSON line (PL5009); an assessment is about 1 KB.</summary>
    public const int MaxAssessmentBytes = Assessment.DefaultMaxBytes;
}
