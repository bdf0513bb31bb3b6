namespace Placement.Diagnostics;

/// <summary>What one diagnostic code means: its code, the severity it is reported with, and a short title.</summary>
/// <remarks>docs/diagnostics.md has a row per code with the same title; a test keeps them in agreement.</remarks>
public sealed record DiagnosticDescriptor
{
    internal DiagnosticDescriptor(string code, DiagnosticSeverity severity, string title)
    {
        Code = code;
        Severity = severity;
        Title = title;
    }

    /// <summary>The stable code, such as <c>PL3002</c>.</summary>
    public string Code { get; }

    /// <summary>The severity the code is reported with.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>What the code means, in a few words.</summary>
    public string Title { get; }

    /// <summary>Where the code is documented, relative to the repository root.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Code.ToLowerInvariant();

    /// <summary>Every diagnostic code, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        new(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error, "the file is not valid YAML"),
        new(DiagnosticCodes.WrongNodeKind, DiagnosticSeverity.Error, "a node has the wrong shape"),
        new(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Error, "a property the format does not have"),
        new(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, "a required property is missing"),
        new(DiagnosticCodes.DuplicateKey, DiagnosticSeverity.Error, "a key appears twice in one mapping"),
        new(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "a file or folder cannot be read"),
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, "a value is not one of the allowed words"),
        new(DiagnosticCodes.JsonSyntax, DiagnosticSeverity.Error, "an assessment written as JSON is not valid JSON"),
        new(DiagnosticCodes.TestFileAsRules, DiagnosticSeverity.Error, "a rule test file named like a rule file"),
        new(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, "a file, a rule set or its lists past a limit"),
        new(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, "an id is declared twice"),
        new(DiagnosticCodes.InvalidId, DiagnosticSeverity.Error, "an id is malformed or reserved"),
        new(DiagnosticCodes.UnknownType, DiagnosticSeverity.Error, "an unknown type"),
        new(DiagnosticCodes.InvalidRange, DiagnosticSeverity.Error, "an integer range that is missing or empty"),
        new(DiagnosticCodes.InvalidValues, DiagnosticSeverity.Error, "an enum or decision with too few or repeated values"),
        new(DiagnosticCodes.InvalidDefault, DiagnosticSeverity.Error, "a default that is not a declared value or level"),
        new(DiagnosticCodes.RuleSetHeader, DiagnosticSeverity.Error, "no `ruleset:` header, or more than one"),
        new(DiagnosticCodes.MigrationFromDeclared, DiagnosticSeverity.Error, "a migration from an id that is still declared"),
        new(DiagnosticCodes.MigrationTarget, DiagnosticSeverity.Error, "a migration to something that is not a criterion, or to a criterion already migrated to"),
        new(DiagnosticCodes.MigrationValue, DiagnosticSeverity.Error, "a migrated value that is not a value of the target"),
        new(DiagnosticCodes.ConditionSyntax, DiagnosticSeverity.Error, "the condition does not parse"),
        new(DiagnosticCodes.UnknownIdentifier, DiagnosticSeverity.Error, "a name that is not declared (also `{name}` in texts)"),
        new(DiagnosticCodes.TypeMismatch, DiagnosticSeverity.Error, "mismatched types"),
        new(DiagnosticCodes.UnknownValue, DiagnosticSeverity.Error, "a word that is not a value of its enum or decision"),
        new(DiagnosticCodes.InvalidCall, DiagnosticSeverity.Error, "an unknown function or a wrong call"),
        new(DiagnosticCodes.ArithmeticOverflow, DiagnosticSeverity.Error, "arithmetic that can exceed the range of whole numbers"),
        new(DiagnosticCodes.RuleWithoutAction, DiagnosticSeverity.Error, "a rule with no `set`, `require`, `note` or `flag`"),
        new(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, "`set` on a decision or `require` on a fact or criterion"),
        new(DiagnosticCodes.Cycle, DiagnosticSeverity.Error, "rules that depend on each other in a cycle"),
        new(DiagnosticCodes.MissingBecause, DiagnosticSeverity.Error, "a rule that changes a result without a `because`"),
        new(DiagnosticCodes.MissingSource, DiagnosticSeverity.Warning, "(warning) a rule without a `source`"),
        new(DiagnosticCodes.Unread, DiagnosticSeverity.Warning, "a criterion or fact no rule reads"),
        new(DiagnosticCodes.NeverFires, DiagnosticSeverity.Warning, "a rule that can never fire"),
        new(DiagnosticCodes.Shadowed, DiagnosticSeverity.Warning, "a rule another rule always covers"),
        new(DiagnosticCodes.UnreachableLevel, DiagnosticSeverity.Warning, "a level no rule can reach"),
        new(DiagnosticCodes.BelowDefault, DiagnosticSeverity.Warning, "a `require` or `set` below the default, which can never change anything"),
        new(DiagnosticCodes.NoRiskOrder, DiagnosticSeverity.Warning, "a criterion without a risk order, which `verify` cannot vary"),
        new(DiagnosticCodes.InvalidTest, DiagnosticSeverity.Error, "an expectation naming an unknown rule, decision, level, fact or criterion"),
        new(DiagnosticCodes.UnknownCriterion, DiagnosticSeverity.Error, "a key that is not a criterion"),
        new(DiagnosticCodes.WrongValueType, DiagnosticSeverity.Error, "a value of the wrong type (also, in `batch` and `diff`, a record key that is not a string or number)"),
        new(DiagnosticCodes.OutOfRange, DiagnosticSeverity.Error, "a number out of range"),
        new(DiagnosticCodes.NotAnAllowedValue, DiagnosticSeverity.Error, "a word that is not an allowed value"),
        new(DiagnosticCodes.AssessmentShape, DiagnosticSeverity.Error, "not a mapping of criteria to values"),
        new(DiagnosticCodes.DuplicateValue, DiagnosticSeverity.Error, "a value listed twice for a set criterion"),
        new(DiagnosticCodes.ReplacedCriterion, DiagnosticSeverity.Error, "a criterion an earlier version of the rule set used, replaced by another"),
        new(DiagnosticCodes.CannotMigrate, DiagnosticSeverity.Error, "an answer `placement migrate` cannot migrate"),
        new(DiagnosticCodes.AssessmentTooLarge, DiagnosticSeverity.Error, "an assessment stream larger than the limit, refused before it is parsed"),
    ];
}
