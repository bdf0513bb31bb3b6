using Placement.Language.Binding;

namespace Placement.Engine;

/// <summary>
/// Whether integer arithmetic in a condition can leave the 32-bit range over the declared ranges of
/// what it reads. The compiled programs wrap around there, so such arithmetic is neither monotone nor
/// split exactly by thresholds; exact bounds then treat its criteria as unknown in shape.
/// </summary>
internal static class Overflow
{
    /// <summary>True when some integer sub-expression of <paramref name="e"/> can exceed the 32-bit range.</summary>
    public static bool Possible(BoundExpr e) => BoundExprSymbols.Descendants(e).Any(node => Range(node) is not { } r || r.Lo < int.MinValue || r.Hi > int.MaxValue);

    /// <summary>The range of an integer expression in 64 bits, or null when it cannot be bounded.</summary>
    private static (long Lo, long Hi)? Range(BoundExpr e)
    {
        switch (e)
        {
            case BoundConstant c:
                return (c.Value, c.Value);
            case BoundSymbol s:
                return (s.Symbol.Domain.Min, s.Symbol.Domain.Max);
            case BoundArithmetic a:
                if (Range(a.Left) is not { } l || Range(a.Right) is not { } r) return null;
                return a.IsAdd ? (l.Lo + r.Lo, l.Hi + r.Hi) : (l.Lo - r.Hi, l.Hi - r.Lo);
            case BoundAggregate { Kind: AggregateKind.Count } g:
                return (0, g.Arguments.Count);
            case BoundAggregate g:
                var ranges = g.Arguments.Select(Range).ToArray();
                if (ranges.Any(x => x is null)) return null;
                return g.Kind == AggregateKind.Min
                    ? (ranges.Min(x => x!.Value.Lo), ranges.Min(x => x!.Value.Hi))
                    : (ranges.Max(x => x!.Value.Lo), ranges.Max(x => x!.Value.Hi));
            default:
                // Boolean nodes: 0 or 1.
                return (0, 1);
        }
    }
}
