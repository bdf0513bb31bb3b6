using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;

namespace Placement.Analysis;

/// <summary>
/// Checks a loaded rule set for things that are legal but probably mistakes, reported as warnings:
/// criteria and facts no rule reads (PL6001), rules that can never fire (PL6002), rules whose
/// <c>require</c> never changes the result because another rule always requires as much (PL6003),
/// levels no rule can reach (PL6004), a <c>require</c> or <c>set</c> below the target's default
/// (PL6005), and criteria without a risk order, which <c>verify</c> cannot vary (PL6006).
/// <para>
/// Reasoning is exhaustive over the values of <see cref="ValueSpace"/> (integer ranges split until
/// every comparison is decided), including the unknown state of a criterion some rule reads with
/// <c>known(...)</c>. A rule "can never fire" only when that is shown: by running the engine on every
/// combination of the criteria it depends on, or, past a budget, over the values its facts and
/// decisions can reach. Whatever cannot be decided is not reported.
/// </para>
/// </summary>
public static class RuleSetChecker
{
    /// <summary>Running the whole rule set on at most this many combinations to decide whether one rule can fire.</summary>
    private const long ExactLimit = 500_000;

    /// <summary>The warnings for a rule set, in file order.</summary>
    public static IReadOnlyList<Diagnostic> Check(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = rules.Compiled;
        var bag = new DiagnosticBag();
        var space = new ValueSpace(compiled);
        var n = compiled.SlotCount;
        var order = compiled.EvaluationOrder;

        var read = order.SelectMany(r => r.Slots).ToHashSet();
        foreach (var member in read.OfType<Criterion>().Where(c => c.SetOf is not null).ToArray()) read.Add(member.SetOf!);
        foreach (var c in rules.Criteria.Where(c => !read.Contains(c)))
        {
            bag.Warning(DiagnosticCodes.Unread, c.Location, $"criterion '{c.Id}' is not read by any rule");
        }

        foreach (var f in rules.Facts.Where(f => !read.Contains(f) && !f.IsOutput))
        {
            bag.Warning(DiagnosticCodes.Unread, f.Location,
                $"fact '{f.Id}' is not read by any rule; mark it 'output: true' if it is reported with the recommendation");
        }

        foreach (var c in rules.Criteria.Where(c => read.Contains(c) && c.Risk == RiskDirection.None))
        {
            bag.Warning(DiagnosticCodes.NoRiskOrder, c.Location,
                $"criterion '{c.Id}' has no risk order, so verify cannot vary it: it proves nothing about changing it; declare 'risk: increasing' or 'risk: decreasing' if its values are ordered by risk");
        }

        foreach (var rule in order.OrderBy(r => r.DeclarationIndex))
        {
            foreach (var a in rule.Model.Actions.Where(a => a.Value < Default(a.Target)))
            {
                var (verb, kind) = a.Target is Decision ? ("requires", "a decision") : ("sets", "a fact");
                bag.Warning(DiagnosticCodes.BelowDefault, rule.Model.Location,
                    $"rule '{rule.Model.Id}' {verb} {a.Target.Id}: {a.ValueText}, below its default {a.Target.Domain.Format(Default(a.Target))}; {kind} never goes below its default, so this can never change anything");
            }
        }

        // The values each fact and decision can end at: its default and what rules that can fire raise it to.
        var reachable = new Dictionary<Symbol, SortedSet<int>>();
        foreach (var f in rules.Facts) reachable[f] = new SortedSet<int> { f.DefaultValue };
        foreach (var d in rules.Decisions) reachable[d] = new SortedSet<int> { d.Default.Ordinal };
        Span[] Reachable(Symbol s) => s is Criterion ? space.PointsOrUnknown(s) : reachable[s].Select(Span.Point).ToArray();
        Span[] Free(Symbol s) => s is Criterion ? space.PointsOrUnknown(s) : space.Points(s);

        var canFire = new bool[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var rule = order[i];
            canFire[i] = CanFire(rule, i, compiled, space, Reachable) ?? true;
            if (canFire[i])
            {
                foreach (var action in rule.Model.Actions.Where(a => a.Value > Default(a.Target))) reachable[action.Target].Add(action.Value);
                continue;
            }

            var derived = rule.Slots.Where(s => s is not Criterion).ToArray();
            var message = derived.Length > 0 && Fires(rule, compiled, Free) != false
                ? $"rule '{rule.Model.Id}' can never fire: the rules that set {Words(derived)} never give {(derived.Length == 1 ? "it a value" : "them values")} that make{(derived.Length == 1 ? "s" : "")} this condition true on the same assessment"
                : $"rule '{rule.Model.Id}' can never fire: no assessment within the declared values and ranges makes its condition true";
            bag.Warning(DiagnosticCodes.NeverFires, rule.Model.Location, message);
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
            if (!canFire[r] || rule.Model.Note is not null || rule.Model.Flag is not null || rule.Model.Actions.Count == 0 || rule.Model.Actions.Any(a => a.Target is not Decision))
            {
                continue;
            }

            for (var s = 0; s < order.Length; s++)
            {
                var other = order[s];
                if (s == r || !canFire[s] || !Covers(other, rule)) continue;
                if (!Implies(rule, other, space, reachable, compiled)) continue;

                // Two equivalent rules cover each other: warn only about the one declared later.
                if (Covers(rule, other) && Implies(other, rule, space, reachable, compiled) && rule.DeclarationIndex < other.DeclarationIndex) continue;
                bag.Warning(DiagnosticCodes.Shadowed, rule.Model.Location,
                    $"rule '{rule.Model.Id}' never changes the result: whenever it fires, rule '{other.Model.Id}' fires too and requires as much or more");
                break;
            }
        }

        return bag.Sorted();
    }

    private static int Default(Symbol target) => target switch
    {
        Decision d => d.Default.Ordinal,
        Fact f => f.DefaultValue,
        _ => target.Domain.Min,
    };

    private static string Words(IReadOnlyList<Symbol> symbols) =>
        symbols.Count == 1 ? symbols[0].Id : string.Join(", ", symbols.Take(symbols.Count - 1).Select(s => s.Id)) + " and " + symbols[^1].Id;

    /// <summary>
    /// Whether the rule can fire on some assessment (complete or partial): exactly, by running the
    /// engine on every combination of the criteria it depends on; past the budget, over the values
    /// its facts and decisions can reach, each on its own. Null when neither decides it.
    /// </summary>
    private static bool? CanFire(CompiledRule rule, int index, CompiledRuleSet rules, ValueSpace space, Func<Symbol, Span[]> reachable)
    {
        if (!space.IsExact(rule)) return null;
        var support = RuleGraph.Support(rule, rules);
        var cone = RuleGraph.Cone(rule, rules);
        if (cone.All(space.IsExact))
        {
            var options = support.Select(space.PointsOrUnknown).ToArray();
            if (ValueSpace.Count(options) <= ExactLimit)
            {
                var fires = false;
                var outcomes = new byte[rules.EvaluationOrder.Length];
                ValueSpace.ForEach(support, space.PointsOrUnknown, (int[])rules.InitialState.Clone(), rules.SlotCount, state =>
                {
                    RuleGraph.Run(rules, state, outcomes);
                    fires = outcomes[index] == 2;
                    return !fires;
                }, ExactLimit);
                return fires;
            }
        }

        return Fires(rule, rules, reachable);
    }

    /// <summary>
    /// Whether the rule's condition is true for some combination of the options of what it reads
    /// (null when there are too many). A fact or decision at a value within its range gives every
    /// answer that its range does, and more, so points are enough.
    /// </summary>
    private static bool? Fires(CompiledRule rule, CompiledRuleSet rules, Func<Symbol, Span[]> options)
    {
        var fires = false;
        var decided = ValueSpace.ForEach(rule.Slots, options, (int[])rules.InitialState.Clone(), rules.SlotCount, state =>
        {
            fires = rule.Evaluate(state) == 2;
            return !fires;
        });
        return decided ? fires : null;
    }

    /// <summary>True when <paramref name="cover"/> requires at least as much as <paramref name="rule"/> on every decision it requires.</summary>
    private static bool Covers(CompiledRule cover, CompiledRule rule) =>
        rule.Model.Actions.All(a => cover.Model.Actions.Any(c => c.Target == a.Target && c.Value >= a.Value));

    /// <summary>
    /// True when <paramref name="b"/> is at least as sure to fire as <paramref name="a"/> everywhere:
    /// fires wherever <paramref name="a"/> fires, and may fire wherever <paramref name="a"/> may fire
    /// (so <paramref name="a"/> changes no floor and no ceiling). Criteria are given or unknown; facts and
    /// decisions range from any value they can reach to anything above it.
    /// </summary>
    private static bool Implies(CompiledRule a, CompiledRule b, ValueSpace space, Dictionary<Symbol, SortedSet<int>> reachable, CompiledRuleSet rules)
    {
        if (!space.IsExact(a) || !space.IsExact(b)) return false;
        Span[] Options(Symbol s) => s is Criterion c
            ? space.WithUnknown(c)
            : reachable[s].SelectMany(lo => Enumerable.Range(lo, s.Domain.Max - lo + 1).Select(hi => new Span(lo, hi))).ToArray();

        var symbols = a.Slots.Union(b.Slots).ToArray();
        var implies = true;
        var decided = ValueSpace.ForEach(symbols, Options, (int[])rules.InitialState.Clone(), rules.SlotCount, state =>
        {
            implies = b.Evaluate(state) >= a.Evaluate(state);
            return implies;
        });
        return decided && implies;
    }
}
