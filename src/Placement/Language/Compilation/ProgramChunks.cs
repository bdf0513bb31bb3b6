using Placement.Language.Binding;

namespace Placement.Language.Compilation;

/// <summary>
/// A rule set's program is compiled in chunks of consecutive rules, each its own method, run one
/// after the other. One method for every rule lets the JIT inline everything, but its stack frame
/// grows with the number of condition nodes: 1,000 rules of 90 nodes overflowed a 1 MB thread
/// stack (a service's request threads have about that). A chunk holds at most
/// <see cref="MaxNodes"/> nodes (at least one rule): the default rules (about 450 nodes) are one.
/// </summary>
internal static class ProgramChunks
{
    /// <summary>The most condition nodes in one compiled method (a single larger rule is a chunk of its own).</summary>
    public const int MaxNodes = 2_000;

    /// <summary>The chunks as (first rule, number of rules), in evaluation order.</summary>
    public static IReadOnlyList<(int Start, int Count)> Of(IReadOnlyList<(BoundExpr Condition, int[] Slots, int[] Values)> rules)
    {
        var chunks = new List<(int, int)>();
        var start = 0;
        var nodes = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            var size = BoundExprSymbols.Descendants(rules[r].Condition).Count();
            if (r > start && nodes + size > MaxNodes)
            {
                chunks.Add((start, r - start));
                start = r;
                nodes = 0;
            }

            nodes += size;
        }

        chunks.Add((start, rules.Count - start));
        return chunks;
    }
}
