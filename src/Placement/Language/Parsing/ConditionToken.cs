using Superpower.Display;

namespace Placement.Language.Parsing;

/// <summary>The tokens of the condition language (the attributes word Superpower's error messages).</summary>
internal enum ConditionToken
{
    None,

    [Token(Description = "name")]
    Identifier,

    [Token(Description = "number")]
    Number,

    [Token(Example = "and")]
    And,

    [Token(Example = "or")]
    Or,

    [Token(Example = "not")]
    Not,

    [Token(Example = "in")]
    In,

    [Token(Example = "has")]
    Has,

    [Token(Example = "true")]
    True,

    [Token(Example = "false")]
    False,

    [Token(Example = "(")]
    LParen,

    [Token(Example = ")")]
    RParen,

    [Token(Example = "[")]
    LBracket,

    [Token(Example = "]")]
    RBracket,

    [Token(Example = ",")]
    Comma,

    [Token(Example = "..")]
    DotDot,

    [Token(Example = "+")]
    Plus,

    [Token(Example = "-")]
    Minus,

    [Token(Example = "==")]
    Equal,

    [Token(Example = "!=")]
    NotEqual,

    [Token(Example = "<")]
    Less,

    [Token(Example = "<=")]
    LessOrEqual,

    [Token(Example = ">")]
    Greater,

    [Token(Example = ">=")]
    GreaterOrEqual,
}
