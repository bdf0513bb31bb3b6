namespace Placement.Model;

/// <summary>The kinds of value a criterion, fact or decision holds.</summary>
public enum ValueKind
{
    /// <summary>true or false; false is lower than true.</summary>
    Boolean,

    /// <summary>A whole number within a declared range.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Integer is the rule language's name for the type.")]
    Integer,

    /// <summary>One of a list of words, ordered as declared (decisions are enums of their levels).</summary>
    Enum,

    /// <summary>
    /// Any number of a list of words (a multi-select criterion). A value is a bit mask of the words
    /// chosen: bit <c>i</c> for <see cref="ValueDomain.Values"/>[i]. Only criteria are sets.
    /// </summary>
    Set,
}
