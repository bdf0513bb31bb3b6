using Placement.Diagnostics;
using Placement.Engine;

namespace Placement.Loading;

/// <summary>
/// Stage 4: the evaluation order of the bound rules (<see cref="Stratifier"/>); each cycle is
/// reported once, naming the rules and the values that join them.
/// </summary>
internal static class StratifyStage
{
    public static CompiledRule[]? Run(IReadOnlyList<CompiledRule> rules, DiagnosticBag diagnostics)
    {
        var graph = rules
            .Select(r => ((IReadOnlyCollection<int>)r.Model.Reads.Select(s => s.Slot).ToArray(), (IReadOnlyCollection<int>)r.TargetSlots))
            .ToArray();
        var (order, cycles) = Stratifier.Order(graph);
        if (order is not null) return order.Select(i => rules[i]).ToArray();
        foreach (var cycle in cycles)
        {
            var steps = new List<string>();
            for (var k = 0; k < cycle.Length; k++)
            {
                var from = rules[cycle[k]].Model;
                var to = rules[cycle[(k + 1) % cycle.Length]].Model;
                var via = from.Actions.Select(a => a.Target).First(t => to.Reads.Contains(t));
                steps.Add($"{from.Id} sets {via.Id}, which {to.Id} reads");
            }

            diagnostics.Error(DiagnosticCodes.Cycle, rules[cycle[0]].Model.Location,
                $"rules depend on each other in a cycle: {string.Join("; ", steps)}. A rule may only read values set by rules that do not depend on it.");
        }

        return null;
    }
}
