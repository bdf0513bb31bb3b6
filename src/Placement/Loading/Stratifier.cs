namespace Placement.Loading;

/// <summary>
/// Orders rules so that every rule runs after all rules that write what it reads, and declaration
/// order otherwise; finds the cycles that make that impossible. A pure graph algorithm over rule
/// indices and the slots each rule reads and writes: no YAML, no model.
/// </summary>
internal static class Stratifier
{
    /// <summary>
    /// The evaluation order (indices into <paramref name="rules"/>), or null and one simple cycle per
    /// strongly connected group of rules when there is a cycle. Each cycle starts at its lowest index.
    /// </summary>
    public static (int[]? Order, IReadOnlyList<int[]> Cycles) Order(IReadOnlyList<(IReadOnlyCollection<int> Reads, IReadOnlyCollection<int> Writes)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var writers = new Dictionary<int, List<int>>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var slot in rules[i].Writes)
            {
                if (!writers.TryGetValue(slot, out var list)) writers[slot] = list = [];
                if (!list.Contains(i)) list.Add(i);
            }
        }

        // after[i]: the rules that must run after rule i; before[r]: how many must run before r.
        var after = new List<int>[rules.Count];
        var before = new int[rules.Count];
        for (var i = 0; i < rules.Count; i++) after[i] = [];
        for (var r = 0; r < rules.Count; r++)
        {
            foreach (var slot in rules[r].Reads)
            {
                if (!writers.TryGetValue(slot, out var ws)) continue;
                foreach (var w in ws)
                {
                    if (after[w].Contains(r)) continue;
                    after[w].Add(r);
                    before[r]++;
                }
            }
        }

        var order = new List<int>(rules.Count);
        var ready = new SortedSet<int>(Enumerable.Range(0, rules.Count).Where(i => before[i] == 0));
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var r in after[next])
            {
                if (--before[r] == 0) ready.Add(r);
            }
        }

        return order.Count == rules.Count ? (order.ToArray(), []) : (null, Cycles(after, before).ToArray());
    }

    /// <summary>One simple cycle per strongly connected group of the rules left over by the sort.</summary>
    private static IEnumerable<int[]> Cycles(List<int>[] after, int[] remaining)
    {
        var left = Enumerable.Range(0, after.Length).Where(i => remaining[i] > 0).ToHashSet();
        var reported = new HashSet<int>();
        foreach (var start in left.OrderBy(i => i))
        {
            if (reported.Contains(start)) continue;

            // Follow edges inside the left-over rules until a rule repeats.
            var path = new List<int> { start };
            var position = new Dictionary<int, int> { [start] = 0 };
            var current = start;
            while (true)
            {
                var next = after[current].Where(left.Contains).OrderBy(i => i).FirstOrDefault(-1);
                if (next < 0) break;
                if (position.TryGetValue(next, out var at))
                {
                    var cycle = path.Skip(at).ToList();
                    var rotate = cycle.IndexOf(cycle.Min());
                    cycle = cycle.Skip(rotate).Concat(cycle.Take(rotate)).ToList();
                    if (cycle.TrueForAll(c => !reported.Contains(c)))
                    {
                        foreach (var c in cycle) reported.Add(c);
                        yield return cycle.ToArray();
                    }

                    break;
                }

                position[next] = path.Count;
                path.Add(next);
                current = next;
            }
        }
    }
}
