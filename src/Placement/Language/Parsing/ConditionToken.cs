namespace Placement.Language.Parsing;

/// <summary>The tokens of the condition language.</summary>
internal enum ConditionToken
{
    None,
    Identifier,
    Number,
    And,
    Or,
    Not,
    In,
    True,
    False,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
