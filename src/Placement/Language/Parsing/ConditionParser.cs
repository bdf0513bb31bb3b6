using System.Globalization;
using Placement.Language.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Placement.Language.Parsing;

/// <summary>
/// Parses the condition language:
/// <code>
/// or   := and ('or' and)*
/// and  := not ('and' not)*
/// not  := 'not' not | cmp
/// cmp  := sum (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') sum | 'not'? 'in' (list | range) | 'has' has)?
/// sum  := atom (('+'|'-') atom)*
/// atom := number | 'true' | 'false' | ident | ident '(' or (',' or)* ')' | '(' or ')'
/// list := '[' item (',' item)* ']'
/// item := ident | number | range
/// range := number '..' number
/// has  := ('any' | 'all') '[' ident (',' ident)* ']' | ident
/// </code>
/// <c>any</c> and <c>all</c> are words of the language only right after <c>has</c> and before
/// <c>[</c>, so they stay free as ids and values.
/// </summary>
internal static class ConditionParser
{
    private static readonly TokenListParser<ConditionToken, Expr> Number =
        Token.EqualTo(ConditionToken.Number).Select(t => (Expr)new NumberExpr(ToInt(t), t.Span.Position.Absolute, t.Span.Position.Absolute + t.Span.Length));

    private static readonly TokenListParser<ConditionToken, Expr> Boolean =
        Token.EqualTo(ConditionToken.True).Or(Token.EqualTo(ConditionToken.False))
            .Select(t => (Expr)new BoolExpr(t.Kind == ConditionToken.True, t.Span.Position.Absolute, t.Span.Position.Absolute + t.Span.Length));

    private static readonly TokenListParser<ConditionToken, NameExpr> Name =
        Token.EqualTo(ConditionToken.Identifier)
            .Select(t => new NameExpr(t.ToStringValue(), t.Span.Position.Absolute, t.Span.Position.Absolute + t.Span.Length))
            .Named("name");

    private static readonly TokenListParser<ConditionToken, Expr> NameOrCall =
        from name in Name
        from call in (
            from open in Token.EqualTo(ConditionToken.LParen)
            from args in Parse.Ref(() => Or!).ManyDelimitedBy(Token.EqualTo(ConditionToken.Comma))
            from close in Token.EqualTo(ConditionToken.RParen)
            select (CallExpr?)new CallExpr(name, args, close.Span.Position.Absolute + 1)).OptionalOrDefault()
        select call is null ? (Expr)name : call;

    private static readonly TokenListParser<ConditionToken, Expr> Parenthesized =
        from open in Token.EqualTo(ConditionToken.LParen)
        from inner in Parse.Ref(() => Or!)
        from close in Token.EqualTo(ConditionToken.RParen)
        select inner;

    private static readonly TokenListParser<ConditionToken, Expr> Atom =
        Number.Or(Boolean).Or(NameOrCall).Or(Parenthesized).Named("value");

    private static readonly TokenListParser<ConditionToken, Expr> Sum =
        Parse.Chain(
            Token.EqualTo(ConditionToken.Plus).Or(Token.EqualTo(ConditionToken.Minus)),
            Atom,
            (op, l, r) => new BinaryExpr(op.Kind == ConditionToken.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, l, r, op.Span.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, Token<ConditionToken>> ComparisonOperator =
        Token.EqualTo(ConditionToken.Equal)
            .Or(Token.EqualTo(ConditionToken.NotEqual))
            .Or(Token.EqualTo(ConditionToken.LessOrEqual))
            .Or(Token.EqualTo(ConditionToken.GreaterOrEqual))
            .Or(Token.EqualTo(ConditionToken.Less))
            .Or(Token.EqualTo(ConditionToken.Greater))
            .Named("comparison");

    /// <summary>A number, or a range <c>low..high</c> when <c>..</c> follows.</summary>
    private static readonly TokenListParser<ConditionToken, Expr> NumberOrRange =
        from low in Token.EqualTo(ConditionToken.Number)
        from high in (from dots in Token.EqualTo(ConditionToken.DotDot)
                      from high in Token.EqualTo(ConditionToken.Number)
                      select (Token<ConditionToken>?)high).OptionalOrDefault()
        select high is { } h
            ? (Expr)new RangeExpr(ToInt(low), ToInt(h), low.Span.Position.Absolute, h.Span.Position.Absolute + h.Span.Length)
            : new NumberExpr(ToInt(low), low.Span.Position.Absolute, low.Span.Position.Absolute + low.Span.Length);

    private static readonly TokenListParser<ConditionToken, (IReadOnlyList<Expr> Values, int End)> List =
        from open in Token.EqualTo(ConditionToken.LBracket)
        from values in Name.Select(n => (Expr)n).Or(NumberOrRange).AtLeastOnceDelimitedBy(Token.EqualTo(ConditionToken.Comma))
        from close in Token.EqualTo(ConditionToken.RBracket)
        select ((IReadOnlyList<Expr>)values, close.Span.Position.Absolute + 1);

    /// <summary>What follows <c>in</c>: a list, or one range written without brackets (<c>x in 2..5</c>).</summary>
    private static readonly TokenListParser<ConditionToken, (IReadOnlyList<Expr> Values, int End)> InTarget =
        List.Or(
            from low in Token.EqualTo(ConditionToken.Number)
            from dots in Token.EqualTo(ConditionToken.DotDot)
            from high in Token.EqualTo(ConditionToken.Number)
            let end = high.Span.Position.Absolute + high.Span.Length
            select ((IReadOnlyList<Expr>)[new RangeExpr(ToInt(low), ToInt(high), low.Span.Position.Absolute, end)], end));

    private static readonly TokenListParser<ConditionToken, (IReadOnlyList<NameExpr> Values, int End)> NameList =
        from open in Token.EqualTo(ConditionToken.LBracket)
        from values in Name.AtLeastOnceDelimitedBy(Token.EqualTo(ConditionToken.Comma))
        from close in Token.EqualTo(ConditionToken.RBracket)
        select ((IReadOnlyList<NameExpr>)values, close.Span.Position.Absolute + 1);

    /// <summary>What follows <c>has</c>: <c>any [..]</c>, <c>all [..]</c> or one value (which may itself be called any or all).</summary>
    private static readonly TokenListParser<ConditionToken, (HasQuantifier Quantifier, IReadOnlyList<NameExpr> Values, int End)> HasTarget =
        (from quantifier in Token.EqualToValue(ConditionToken.Identifier, "any").Or(Token.EqualToValue(ConditionToken.Identifier, "all"))
         from list in NameList
         select (quantifier.ToStringValue() == "any" ? HasQuantifier.Any : HasQuantifier.All, list.Values, list.End)).Try()
        .Or(Name.Select(n => (HasQuantifier.One, (IReadOnlyList<NameExpr>)[n], n.End)));

    private static readonly TokenListParser<ConditionToken, Func<Expr, Expr>> ComparisonTail =
        (from op in ComparisonOperator
         from right in Sum
         select (Func<Expr, Expr>)(left => new BinaryExpr(ToOperator(op.Kind), left, right, op.Span.Position.Absolute)))
        .Or(from kw in Token.EqualTo(ConditionToken.In)
            from list in InTarget
            select (Func<Expr, Expr>)(left => new InExpr(left, list.Values, false, list.End)))
        .Or(from kw in Token.EqualTo(ConditionToken.Not)
            from kw2 in Token.EqualTo(ConditionToken.In)
            from list in InTarget
            select (Func<Expr, Expr>)(left => new InExpr(left, list.Values, true, list.End)))
        .Or(from kw in Token.EqualTo(ConditionToken.Has)
            from target in HasTarget
            select (Func<Expr, Expr>)(left => new HasExpr(left, target.Quantifier, target.Values, target.End)));

    private static readonly TokenListParser<ConditionToken, Expr> Comparison =
        from left in Sum
        from tail in ComparisonTail.Select(f => (Func<Expr, Expr>?)f).OptionalOrDefault()
        select tail is null ? left : tail(left);

    private static readonly TokenListParser<ConditionToken, Expr> Not =
        (from kw in Token.EqualTo(ConditionToken.Not)
         from operand in Parse.Ref(() => Not!)
         select (Expr)new NotExpr(operand, kw.Span.Position.Absolute, operand.End))
        .Or(Comparison);

    private static readonly TokenListParser<ConditionToken, Expr> And =
        Parse.Chain(Token.EqualTo(ConditionToken.And), Not, (op, l, r) => new BinaryExpr(BinaryOperator.And, l, r, op.Span.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, Expr> Or =
        Parse.Chain(Token.EqualTo(ConditionToken.Or), And, (op, l, r) => new BinaryExpr(BinaryOperator.Or, l, r, op.Span.Position.Absolute));

    private static readonly TokenListParser<ConditionToken, Expr> Condition = Or.AtEnd();

    /// <summary>Longer conditions are errors: the parser and binder recurse on their structure.</summary>
    public const int MaxLength = PlacementLimits.MaxConditionLength;

    /// <summary>Deeper nesting of brackets and 'not' is an error rather than a stack overflow.</summary>
    public const int MaxDepth = PlacementLimits.MaxConditionDepth;

    /// <summary>
    /// Parses a condition; on failure returns the error message, its 0-based offset and, for an
    /// operator from another language (<c>=</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>), the one to write instead.
    /// </summary>
    public static bool TryParse(string text, out Expr? expr, out string? error, out int errorOffset, out string? suggestion)
    {
        expr = null;
        error = null;
        errorOffset = 0;
        suggestion = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the condition is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"the condition is longer than {MaxLength} characters; split it into rules and facts";
            return false;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (text[i] == 'n' && string.CompareOrdinal(text, i, "not ", 0, 4) == 0) depth++;
            if (depth > MaxDepth)
            {
                error = $"the condition nests deeper than {MaxDepth} levels";
                errorOffset = i;
                return false;
            }
        }

        var tokens = ConditionTokenizer.Instance.TryTokenize(text);
        if (!tokens.HasValue)
        {
            errorOffset = tokens.ErrorPosition.HasValue ? tokens.ErrorPosition.Absolute : 0;
            if (ForeignOperator(text, errorOffset) is { } foreign)
            {
                suggestion = foreign.Instead;
                error = $"'{foreign.Written}' is not an operator; did you mean '{foreign.Instead}'?";
            }
            else
            {
                error = tokens.FormatErrorMessageFragment();
            }

            return false;
        }

        foreach (var token in tokens.Value)
        {
            if (token.Kind != ConditionToken.Number || int.TryParse(token.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            // Never clamped: a number past the range would silently compare as another number.
            error = $"the number is larger than {int.MaxValue}, the largest whole number a condition can hold";
            errorOffset = token.Span.Position.Absolute;
            return false;
        }

        var result = Condition.TryParse(tokens.Value);
        if (!result.HasValue)
        {
            error = result.FormatErrorMessageFragment();
            errorOffset = result.ErrorPosition.HasValue ? result.ErrorPosition.Absolute : text.TrimEnd().Length;
            return false;
        }

        var tooDeepAt = -1;
        expr = Balance(result.Value, 1, ref tooDeepAt);
        if (expr is null)
        {
            error = $"the condition nests deeper than {MaxDepth} levels; split it into rules and facts";
            errorOffset = tooDeepAt;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The tree with every chain of one <c>and</c> or <c>or</c> operator rebuilt balanced (the parser
    /// builds it leaning left, as deep as the chain is long): <c>and</c> and <c>or</c> are associative
    /// in three-valued logic too, explanations read a chain as one list either way, and a chain of
    /// 2,000 comparisons becomes 11 levels deep rather than 2,000, which every recursive step after
    /// parsing (binding, analysis, the compiled program) could not take. Null, with the offset where
    /// it happens, when the balanced tree is still deeper than <see cref="MaxDepth"/> (a sum of 100
    /// terms, say): nothing here recurses deeper than that.
    /// </summary>
    private static Expr? Balance(Expr e, int depth, ref int tooDeepAt)
    {
        if (depth > MaxDepth)
        {
            tooDeepAt = e.Start;
            return null;
        }

        switch (e)
        {
            case BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or } chain:
                {
                    // The chain's operands and operator positions, left to right, without recursing down it.
                    var operands = new List<Expr>();
                    var operators = new List<int>();
                    Expr left = chain;
                    while (left is BinaryExpr link && link.Operator == chain.Operator)
                    {
                        operands.Add(link.Right);
                        operators.Add(link.OperatorStart);
                        left = link.Left;
                    }

                    operands.Add(left);
                    operands.Reverse();
                    operators.Reverse();
                    var levels = (int)Math.Ceiling(Math.Log2(operands.Count));
                    for (var i = 0; i < operands.Count; i++)
                    {
                        if (Balance(operands[i], depth + levels, ref tooDeepAt) is not { } balanced) return null;
                        operands[i] = balanced;
                    }

                    return Join(chain.Operator, operands, operators, 0, operands.Count - 1);
                }

            case BinaryExpr b:
                return Balance(b.Left, depth + 1, ref tooDeepAt) is { } l && Balance(b.Right, depth + 1, ref tooDeepAt) is { } r
                    ? new BinaryExpr(b.Operator, l, r, b.OperatorStart)
                    : null;
            case NotExpr n:
                return Balance(n.Operand, depth + 1, ref tooDeepAt) is { } operand ? n with { Operand = operand } : null;
            case InExpr i:
                return Balance(i.Operand, depth + 1, ref tooDeepAt) is { } inOperand ? i with { Operand = inOperand } : null;
            case HasExpr h:
                return Balance(h.Operand, depth + 1, ref tooDeepAt) is { } hasOperand ? h with { Operand = hasOperand } : null;
            case CallExpr c:
                {
                    var arguments = new Expr[c.Arguments.Count];
                    for (var i = 0; i < arguments.Length; i++)
                    {
                        if (Balance(c.Arguments[i], depth + 1, ref tooDeepAt) is not { } argument) return null;
                        arguments[i] = argument;
                    }

                    return c with { Arguments = arguments };
                }

            default:
                return e;
        }
    }

    /// <summary>Operands <paramref name="from"/> to <paramref name="to"/> joined by the operator as a balanced tree; each join keeps its operator's position.</summary>
    private static Expr Join(BinaryOperator op, List<Expr> operands, List<int> operators, int from, int to)
    {
        if (from == to) return operands[from];
        var mid = (from + to + 1) / 2;
        return new BinaryExpr(op, Join(op, operands, operators, from, mid - 1), Join(op, operands, operators, mid, to), operators[mid - 1]);
    }

    /// <summary>An operator of C, SQL or spreadsheets at <paramref name="at"/> (where tokenizing failed), and ours.</summary>
    private static (string Written, string Instead)? ForeignOperator(string text, int at)
    {
        if (at < 0 || at >= text.Length) return null;
        var next = at + 1 < text.Length ? text[at + 1] : '\0';
        return text[at] switch
        {
            '=' when next == '>' => ("=>", ">="),
            '=' when next == '<' => ("=<", "<="),
            '=' => ("=", "=="),
            '&' => (next == '&' ? "&&" : "&", "and"),
            '|' => (next == '|' ? "||" : "|", "or"),
            '!' => ("!", "not"),
            _ => null,
        };
    }

    /// <summary>The number; <see cref="TryParse"/> has refused any that does not fit before parsing.</summary>
    private static int ToInt(Token<ConditionToken> t) => int.Parse(t.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static BinaryOperator ToOperator(ConditionToken kind) => kind switch
    {
        ConditionToken.Equal => BinaryOperator.Equal,
        ConditionToken.NotEqual => BinaryOperator.NotEqual,
        ConditionToken.Less => BinaryOperator.Less,
        ConditionToken.LessOrEqual => BinaryOperator.LessOrEqual,
        ConditionToken.Greater => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };
}
