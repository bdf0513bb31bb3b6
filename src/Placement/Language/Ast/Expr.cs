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

/// <summary><c>x in [a, b]</c> or <c>x not in [a, b]</c>.</summary>
internal sealed record InExpr(Expr Operand, IReadOnlyList<NameExpr> Values, bool Negated, int End)
    : Expr(Operand.Start, End);

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
