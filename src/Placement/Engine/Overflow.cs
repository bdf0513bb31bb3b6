using Placement.Language.Binding;

namespace Placement.Engine;

/// <summary>
/// Whether integer arithmetic in a condition can leave the 32-bit range over the declared ranges of
/// what it reads. The compiled programs would wrap around there, so the loader rejects such a
/// condition (PL3006): nothing downstream ever has to reason about wrapping.
/// </summary>
internal static class Overflow
{
    /// <summary>True when some integer sub-expression of <paramref name="condition"/> can exceed the 32-bit range.</summary>
    public static bool Possible(BoundExpr condition) => Bounds.Overflow(condition);

    /// <summary>The range of every integer expression over the declared ranges, in 64 bits, noting any that leaves the 32-bit range.</summary>
    private sealed class Bounds : BoundExprVisitor<(long Lo, long Hi)>
    {
        private bool _overflow;

        public static bool Overflow(BoundExpr condition)
        {
            var bounds = new Bounds();
            bounds.Visit(condition);
            return bounds._overflow;
        }

        public override (long Lo, long Hi) VisitConstant(BoundConstant node) => (node.Value, node.Value);

        public override (long Lo, long Hi) VisitSymbol(BoundSymbol node) => (node.Symbol.Domain.Min, node.Symbol.Domain.Max);

        public override (long Lo, long Hi) VisitKnown(BoundKnown node) => (0, 1);

        public override (long Lo, long Hi) VisitComparison(BoundComparison node)
        {
            Visit(node.Left);
            Visit(node.Right);
            return (0, 1);
        }

        public override (long Lo, long Hi) VisitIn(BoundIn node)
        {
            Visit(node.Operand);
            return (0, 1);
        }

        public override (long Lo, long Hi) VisitLogical(BoundLogical node)
        {
            Visit(node.Left);
            Visit(node.Right);
            return (0, 1);
        }

        public override (long Lo, long Hi) VisitNot(BoundNot node)
        {
            Visit(node.Operand);
            return (0, 1);
        }

        public override (long Lo, long Hi) VisitArithmetic(BoundArithmetic node)
        {
            var (a, b) = (Visit(node.Left), Visit(node.Right));
            return Check(node.IsAdd ? (a.Lo + b.Lo, a.Hi + b.Hi) : (a.Lo - b.Hi, a.Hi - b.Lo));
        }

        public override (long Lo, long Hi) VisitAggregate(BoundAggregate node)
        {
            var args = node.Arguments.Select(Visit).ToArray();
            return Check(node.Kind switch
            {
                AggregateKind.Count => (0L, (long)args.Length),
                AggregateKind.Min => (args.Min(a => a.Lo), args.Min(a => a.Hi)),
                _ => (args.Max(a => a.Lo), args.Max(a => a.Hi)),
            });
        }

        private (long Lo, long Hi) Check((long Lo, long Hi) range)
        {
            if (range.Lo < int.MinValue || range.Hi > int.MaxValue) _overflow = true;
            return range;
        }
    }
}
