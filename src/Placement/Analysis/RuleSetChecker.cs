using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>
/// Checks a loaded rule set for things that are legal but probably mistakes, reported as warnings:
/// criteria and facts no rule reads (PL6001), rules that can never fire (PL6002), rules whose
/// <c>require</c> never changes the result because another rule always requires as much (PL6003),
/// and levels no rule can reach (PL6004). Reasoning is exhaustive over the declared values, with
/// integer ranges split at the thresholds the rules mention.
/// </summary>
public static class RuleSetChecker
{
    /// <summary>The warnings for a rule set, in file order.</summary>
    public static IReadOnlyList<Diagnostic> Check(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var bag = new DiagnosticBag();
        var space = new ValueSpace(rules);
        var n = rules.Compiled.SlotCount;
        var order = rules.Compiled.EvaluationOrder;

        var read = order.SelectMany(r => r.Model.Reads).ToHashSet();
        foreach (var c in rules.Criteria.Where(c => !read.Contains(c)))
        {
            bag.Warning(DiagnosticCodes.Unread, c.Location, $"criterion '{c.Id}' is not read by any rule");
        }

        foreach (var f in rules.Facts.Where(f => !read.Contains(f) && !f.IsOutput))
        {
            bag.Warning(DiagnosticCodes.Unread, f.Location,
                $"fact '{f.Id}' is not read by any rule; mark it 'output: true' if it is reported with the recommendation");
        }

        // Values each fact and decision can actually take: its default and what satisfiable rules set.
        var reachable = new Dictionary<Symbol, SortedSet<int>>();
        foreach (var f in rules.Facts) reachable[f] = new SortedSet<int> { f.DefaultValue };
        foreach (var d in rules.Decisions) reachable[d] = new SortedSet<int> { d.Default.Ordinal };
        int[] Values(Symbol s) => s is Criterion ? space.Of(s) : reachable[s].ToArray();

        var satisfiable = new bool[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var rule = order[i];
            var sat = false;
            var decided = ValueSpace.ForEach(rule.Model.Reads, Values, (int[])rules.Compiled.InitialState.Clone(), n, state =>
            {
                sat = rule.Evaluate(state) == 2;
                return !sat;
            });
            satisfiable[i] = sat || !decided;
            if (!satisfiable[i])
            {
                bag.Warning(DiagnosticCodes.NeverFires, rule.Model.Location,
                    $"rule '{rule.Model.Id}' can never fire: no assessment within the declared values and ranges makes its condition true");
                continue;
            }

            foreach (var action in rule.Model.Actions) reachable[action.Target].Add(action.Value);
        }

        foreach (var d in rules.Decisions)
        {
            foreach (var level in d.Levels.Where(l => !reachable[d].Contains(l.Ordinal)))
            {
                bag.Warning(DiagnosticCodes.UnreachableLevel, level.Location,
                    $"level '{level.Id}' of '{d.Id}' can never be reached: no rule that can fire requires it");
            }
        }

        for (var r = 0; r < order.Length; r++)
        {
            var rule = order[r];
            if (!satisfiable[r] || rule.Model.Note is not null || rule.Model.Actions.Count == 0 || rule.Model.Actions.Any(a => a.Target is not Decision))
            {
                continue;
            }

            for (var s = 0; s < order.Length; s++)
            {
                var other = order[s];
                if (s == r || !satisfiable[s] || !Covers(other, rule)) continue;
                if (!Implies(rule, other, Values, rules)) continue;

                // Two equivalent rules cover each other: warn only about the one declared later.
                if (Covers(rule, other) && Implies(other, rule, Values, rules) && rule.DeclarationIndex < other.DeclarationIndex) continue;
                bag.Warning(DiagnosticCodes.Shadowed, rule.Model.Location,
                    $"rule '{rule.Model.Id}' never changes the result: whenever it fires, rule '{other.Model.Id}' fires too and requires as much or more");
                break;
            }
        }

        return bag.Sorted();
    }

    /// <summary>True when <paramref name="cover"/> requires at least as much as <paramref name="rule"/> on every decision it requires.</summary>
    private static bool Covers(CompiledRule cover, CompiledRule rule) =>
        rule.Model.Actions.All(a => cover.Model.Actions.Any(c => c.Target == a.Target && c.Value >= a.Value));

    /// <summary>True when every assessment that makes <paramref name="a"/> true makes <paramref name="b"/> true.</summary>
    private static bool Implies(CompiledRule a, CompiledRule b, Func<Symbol, int[]> values, RuleSet rules)
    {
        var symbols = a.Model.Reads.Union(b.Model.Reads).ToArray();
        var implies = true;
        var decided = ValueSpace.ForEach(symbols, values, (int[])rules.Compiled.InitialState.Clone(), rules.Compiled.SlotCount, state =>
        {
            implies = a.Evaluate(state) != 2 || b.Evaluate(state) == 2;
            return implies;
        });
        return decided && implies;
    }
}
