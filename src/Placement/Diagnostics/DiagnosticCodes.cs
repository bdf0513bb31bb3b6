namespace Placement.Diagnostics;

/// <summary>
/// The stable diagnostic codes. PL1xxx: file and structure; PL2xxx: declarations;
/// PL3xxx: conditions; PL4xxx: rules; PL5xxx: assessments; PL6xxx: check warnings; PL7xxx: rule tests. Listed in docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "PL1001";
    /// <summary>A node has the wrong shape (a mapping, a list or a single value was expected).</summary>
    public const string WrongNodeKind = "PL1002";
    /// <summary>A property that the format does not have.</summary>
    public const string UnknownProperty = "PL1003";
    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "PL1004";
    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "PL1005";
    /// <summary>A file or folder could not be read.</summary>
    public const string FileNotReadable = "PL1006";
    /// <summary>A property's value is not one of the allowed words, or not of the right form.</summary>
    public const string InvalidValue = "PL1007";
    /// <summary>An assessment written as JSON is not valid JSON.</summary>
    public const string JsonSyntax = "PL1008";
    /// <summary>A rule test file named like a rule file, so it was read as rules.</summary>
    public const string TestFileAsRules = "PL1009";
    /// <summary>A file, a rule set or a list past one of <see cref="PlacementLimits"/>, refused before it is read further.</summary>
    public const string LimitExceeded = "PL1010";

    /// <summary>An id is declared twice.</summary>
    public const string DuplicateId = "PL2001";
    /// <summary>An id does not have the form of an id.</summary>
    public const string InvalidId = "PL2002";
    /// <summary>A type that is neither built in nor declared under <c>types:</c>.</summary>
    public const string UnknownType = "PL2003";
    /// <summary>An integer range that is missing or empty.</summary>
    public const string InvalidRange = "PL2004";
    /// <summary>An enum or decision with too few or repeated values.</summary>
    public const string InvalidValues = "PL2005";
    /// <summary>A default that is not one of the declared values or levels.</summary>
    public const string InvalidDefault = "PL2006";
    /// <summary>No <c>ruleset:</c> header, or more than one.</summary>
    public const string RuleSetHeader = "PL2007";
    /// <summary>A migration keyed by an id that is still declared in the rule set.</summary>
    public const string MigrationFromDeclared = "PL2008";
    /// <summary>A migration whose <c>to</c> is not a criterion, or a criterion that another migration already targets.</summary>
    public const string MigrationTarget = "PL2009";
    /// <summary>A migrated value that is not a value of the target criterion (nor <c>ask</c>).</summary>
    public const string MigrationValue = "PL2010";

    /// <summary>A condition that does not parse.</summary>
    public const string ConditionSyntax = "PL3001";
    /// <summary>A name in a condition or text that is not declared.</summary>
    public const string UnknownIdentifier = "PL3002";
    /// <summary>Operands of mismatched types, or a non-boolean condition.</summary>
    public const string TypeMismatch = "PL3003";
    /// <summary>A word that is not a value of the enum or decision it is compared with.</summary>
    public const string UnknownValue = "PL3004";
    /// <summary>A function that does not exist or is called wrongly.</summary>
    public const string InvalidCall = "PL3005";
    /// <summary>Arithmetic in a condition that can leave the range of whole numbers.</summary>
    public const string ArithmeticOverflow = "PL3006";

    /// <summary>A rule with no action: no set, require, note or flag.</summary>
    public const string RuleWithoutAction = "PL4001";
    /// <summary>A set or require target of the wrong kind.</summary>
    public const string InvalidTarget = "PL4002";
    /// <summary>Rules that depend on each other in a cycle.</summary>
    public const string Cycle = "PL4003";
    /// <summary>A rule that changes a result without a <c>because</c> text.</summary>
    public const string MissingBecause = "PL4004";
    /// <summary>A rule without a <c>source</c>.</summary>
    public const string MissingSource = "PL4005";

    /// <summary>(check) A criterion or fact that no rule reads.</summary>
    public const string Unread = "PL6001";
    /// <summary>(check) A rule whose condition no assessment can make true.</summary>
    public const string NeverFires = "PL6002";
    /// <summary>(check) A rule whose <c>require</c> another rule always covers.</summary>
    public const string Shadowed = "PL6003";
    /// <summary>(check) A decision level no rule can require.</summary>
    public const string UnreachableLevel = "PL6004";
    /// <summary>(check) A <c>require</c> or <c>set</c> below the decision's or fact's default, which can never change anything.</summary>
    public const string BelowDefault = "PL6005";
    /// <summary>(check) A criterion without a risk order, which <c>verify</c> cannot vary.</summary>
    public const string NoRiskOrder = "PL6006";

    /// <summary>A test file problem (structure, unknown rule or level in an expectation).</summary>
    public const string InvalidTest = "PL7001";

    /// <summary>An assessment key that is not a criterion.</summary>
    public const string UnknownCriterion = "PL5001";
    /// <summary>An assessment value of the wrong type.</summary>
    public const string WrongValueType = "PL5002";
    /// <summary>An assessment number outside the criterion's range.</summary>
    public const string OutOfRange = "PL5003";
    /// <summary>An assessment word that is not one of the criterion's values.</summary>
    public const string NotAnAllowedValue = "PL5004";
    /// <summary>An assessment that is not a mapping of criteria to values.</summary>
    public const string AssessmentShape = "PL5005";
    /// <summary>An assessment list for a set criterion that names a value twice.</summary>
    public const string DuplicateValue = "PL5006";
    /// <summary>An assessment key that an earlier version of the rule set used: a migration names the criterion that replaced it.</summary>
    public const string ReplacedCriterion = "PL5007";
    /// <summary>An answer that <c>placement migrate</c> cannot migrate: not one the migration maps, or given together with its replacement.</summary>
    public const string CannotMigrate = "PL5008";
    /// <summary>An assessment read from a stream that is larger than the limit given: refused before it is parsed.</summary>
    public const string AssessmentTooLarge = "PL5009";
}
