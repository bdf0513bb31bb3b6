namespace Placement.Language.Ast;

// The condition language's syntax tree. Start and End are 0-based offsets into the
// condition text (End exclusive), used to point diagnostics at the right column.

/// <summary>A node of a parsed condition.</summary>
internal abstract record Expr(int Start, int End);

/// <summary>A whole number.</summary>
internal sealed record NumberExpr(int Value, int Start, int End) : Expr(Start, End);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BoolExpr(bool Value, int Start, int End) : Expr(Start, End);

/// <summary>A name: a criterion, fact or decision id, or (beside an enum) one of its values.</summary>
internal sealed record NameExpr(string Name, int Start, int End) : Expr(Start, End);

/// <summary><c>not x</c>.</summary>
internal sealed record NotExpr(Expr Operand, int Start, int End) : Expr(Start, End);

/// <summary>A binary operator.</summary>
internal sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, int OperatorStart)
    : Expr(Left.Start, Right.End);

/// <summary>A range of whole numbers in an <c>in</c> list, <c>2..5</c> (both ends included).</summary>
internal sealed record RangeExpr(int Low, int High, int Start, int End) : Expr(Start, End);

/// <summary>
/// <c>x in [a, b]</c> or <c>x not in [a, b]</c>; also <c>x in 2..5</c>. Each item is a
/// <see cref="NameExpr"/> (an enum word), a <see cref="NumberExpr"/> or a <see cref="RangeExpr"/>.
/// </summary>
internal sealed record InExpr(Expr Operand, IReadOnlyList<Expr> Values, bool Negated, int End)
    : Expr(Operand.Start, End);

/// <summary><c>s has v</c>, <c>s has any [a, b]</c> or <c>s has all [a, b]</c> on a set criterion.</summary>
internal sealed record HasExpr(Expr Operand, HasQuantifier Quantifier, IReadOnlyList<NameExpr> Values, int End)
    : Expr(Operand.Start, End);

/// <summary>How many of the listed values a set must have.</summary>
internal enum HasQuantifier
{
    /// <summary><c>s has v</c>.</summary>
    One,

    /// <summary><c>s has any [..]</c>: at least one of them.</summary>
    Any,

    /// <summary><c>s has all [..]</c>: every one of them.</summary>
    All,
}

/// <summary><c>known(x)</c>, <c>count(...)</c>, <c>min(...)</c>, <c>max(...)</c>.</summary>
internal sealed record CallExpr(NameExpr Function, IReadOnlyList<Expr> Arguments, int End)
    : Expr(Function.Start, End);

/// <summary>The binary operators, by kind.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
}
