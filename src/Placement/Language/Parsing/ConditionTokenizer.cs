using Superpower;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace Placement.Language.Parsing;

/// <summary>Splits a condition into tokens.</summary>
internal static class ConditionTokenizer
{
    public static Tokenizer<ConditionToken> Instance { get; } = new TokenizerBuilder<ConditionToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Span.EqualTo("=="), ConditionToken.Equal)
        .Match(Span.EqualTo("!="), ConditionToken.NotEqual)
        .Match(Span.EqualTo("<="), ConditionToken.LessOrEqual)
        .Match(Span.EqualTo(">="), ConditionToken.GreaterOrEqual)
        .Match(Character.EqualTo('<'), ConditionToken.Less)
        .Match(Character.EqualTo('>'), ConditionToken.Greater)
        .Match(Character.EqualTo('('), ConditionToken.LParen)
        .Match(Character.EqualTo(')'), ConditionToken.RParen)
        .Match(Character.EqualTo('['), ConditionToken.LBracket)
        .Match(Character.EqualTo(']'), ConditionToken.RBracket)
        .Match(Character.EqualTo(','), ConditionToken.Comma)
        .Match(Span.EqualTo(".."), ConditionToken.DotDot)
        .Match(Character.EqualTo('+'), ConditionToken.Plus)
        .Match(Character.EqualTo('-'), ConditionToken.Minus)
        .Match(Numerics.Natural, ConditionToken.Number, requireDelimiters: true)
        .Match(Span.EqualTo("and"), ConditionToken.And, requireDelimiters: true)
        .Match(Span.EqualTo("or"), ConditionToken.Or, requireDelimiters: true)
        .Match(Span.EqualTo("not"), ConditionToken.Not, requireDelimiters: true)
        .Match(Span.EqualTo("in"), ConditionToken.In, requireDelimiters: true)
        .Match(Span.EqualTo("has"), ConditionToken.Has, requireDelimiters: true)
        .Match(Span.EqualTo("true"), ConditionToken.True, requireDelimiters: true)
        .Match(Span.EqualTo("false"), ConditionToken.False, requireDelimiters: true)
        .Match(Identifier.CStyle, ConditionToken.Identifier, requireDelimiters: true)
        .Build();
}
