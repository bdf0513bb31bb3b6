using Placement.Language.Ast;
using Placement.Model;

namespace Placement.Language.Binding;

// The type-checked condition tree: names resolved to symbols (with their state slots)
// and enum words to their ordinals. Every node keeps its syntax for explanations.

/// <summary>The static type of a bound expression; <see cref="Enum"/> is the domain of an enum (or of a set, which only <c>has</c> and <c>count</c> read).</summary>
internal readonly record struct BoundType(ValueKind Kind, ValueDomain? Enum)
{
    public static BoundType Boolean => new(ValueKind.Boolean, null);

    public static BoundType Integer => new(ValueKind.Integer, null);

    public override string ToString() => Kind switch
    {
        ValueKind.Boolean => "boolean",
        ValueKind.Integer => "integer",
        _ => Enum!.Name,
    };
}

internal abstract record BoundExpr(BoundType Type, Expr Syntax)
{
    /// <summary>Calls the visitor's method for this kind of node.</summary>
    public abstract TResult Accept<TResult>(BoundExprVisitor<TResult> visitor);
}

internal sealed record BoundConstant(int Value, BoundType Type, Expr Syntax) : BoundExpr(Type, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitConstant(this);
}

internal sealed record BoundSymbol(Symbol Symbol, BoundType Type, Expr Syntax) : BoundExpr(Type, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitSymbol(this);
}

internal sealed record BoundKnown(Criterion Criterion, Expr Syntax) : BoundExpr(BoundType.Boolean, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitKnown(this);
}

internal sealed record BoundComparison(BinaryOperator Operator, BoundExpr Left, BoundExpr Right, Expr Syntax) : BoundExpr(BoundType.Boolean, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitComparison(this);
}

internal sealed record BoundIn(BoundExpr Operand, ulong Mask, bool Negated, Expr Syntax) : BoundExpr(BoundType.Boolean, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitIn(this);
}

internal sealed record BoundLogical(bool IsAnd, BoundExpr Left, BoundExpr Right, Expr Syntax) : BoundExpr(BoundType.Boolean, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitLogical(this);
}

internal sealed record BoundNot(BoundExpr Operand, Expr Syntax) : BoundExpr(BoundType.Boolean, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitNot(this);
}

internal sealed record BoundArithmetic(bool IsAdd, BoundExpr Left, BoundExpr Right, Expr Syntax) : BoundExpr(BoundType.Integer, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitArithmetic(this);
}

internal sealed record BoundAggregate(AggregateKind Kind, IReadOnlyList<BoundExpr> Arguments, Expr Syntax) : BoundExpr(BoundType.Integer, Syntax)
{
    public override TResult Accept<TResult>(BoundExprVisitor<TResult> visitor) => visitor.VisitAggregate(this);
}

internal enum AggregateKind
{
    Count,
    Min,
    Max,
}
