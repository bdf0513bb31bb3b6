namespace Placement.Language.Binding;

/// <summary>
/// Visits a bound condition tree, one method per kind of node. Every walker over bound conditions
/// (the interpreter, both compilers, the documentation's words, the analysis, the tracer) derives
/// from it, so a new kind of node is a compile error in each walker until it is handled there.
/// </summary>
/// <typeparam name="TResult">What the walker computes for a node.</typeparam>
internal abstract class BoundExprVisitor<TResult>
{
    /// <summary>Visits a node (and, through the methods below, whatever of its children the walker visits).</summary>
    public TResult Visit(BoundExpr node) => node.Accept(this);

    /// <summary>A number, a boolean or an enum word.</summary>
    public abstract TResult VisitConstant(BoundConstant node);

    /// <summary>A criterion, fact or decision.</summary>
    public abstract TResult VisitSymbol(BoundSymbol node);

    /// <summary><c>known(x)</c>.</summary>
    public abstract TResult VisitKnown(BoundKnown node);

    /// <summary><c>a op b</c> for a comparison operator.</summary>
    public abstract TResult VisitComparison(BoundComparison node);

    /// <summary><c>x in [..]</c> or <c>x not in [..]</c>.</summary>
    public abstract TResult VisitIn(BoundIn node);

    /// <summary><c>a and b</c>, <c>a or b</c>.</summary>
    public abstract TResult VisitLogical(BoundLogical node);

    /// <summary><c>not a</c>.</summary>
    public abstract TResult VisitNot(BoundNot node);

    /// <summary><c>a + b</c>, <c>a - b</c>.</summary>
    public abstract TResult VisitArithmetic(BoundArithmetic node);

    /// <summary><c>count(..)</c>, <c>min(..)</c>, <c>max(..)</c>.</summary>
    public abstract TResult VisitAggregate(BoundAggregate node);
}
