using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// The least and the most intensive value every fact and decision can take over all completions of
/// an assessment's unknown answers (a completion answers every question, so <c>known(x)</c> is true
/// in it). Criteria proven monotone (<see cref="Monotonicity"/>) are set to
/// their least and most risky values; the other unknown criteria are enumerated over their value
/// classes (<see cref="CriterionValues"/>). Each try runs the two-valued completion program. Past
/// <see cref="Budget"/> tries the bounds are not computed here and the caller falls back to the
/// interval evaluation, which is sound but may be wider; the result then says it is approximate.
/// </summary>
internal static class ExactBounds
{
    /// <summary>The most combinations of enumerated values tried (each costs two program runs).</summary>
    public const int Budget = 4096;

    /// <summary>
    /// Floors and ceilings of every fact and decision (indexed from the first slot after the criteria),
    /// or null when the enumeration would exceed the budget. <paramref name="exact"/> is false when
    /// some enumerated criterion's value classes are approximate.
    /// </summary>
    public static (int[] Floors, int[] Ceilings)? Compute(CompiledRuleSet rules, int[] values, out bool exact)
    {
        var n = rules.CriteriaCount;
        var input = new int[n];
        var enumerated = new List<Criterion>();
        var monotone = new List<Criterion>();
        exact = true;
        long combinations = 1;
        for (var i = 0; i < n; i++)
        {
            // A completion answers every question: known() is true throughout.
            if (values[i] != CompiledRuleSet.Unknown)
            {
                input[i] = values[i];
                continue;
            }

            var c = rules.Criteria[i];
            if (rules.Monotone[i] != 0)
            {
                monotone.Add(c);
                continue;
            }

            enumerated.Add(c);
            var classes = rules.Values.Of(c).Length;
            if (!rules.Values.IsExact(c) || combinations > Budget / classes)
            {
                // Approximate classes could miss a completion, and past the budget nothing is tried.
                exact = false;
                return null;
            }

            combinations *= classes;
        }

        var derived = rules.SlotCount - n;
        var floors = new int[derived];
        var ceilings = new int[derived];
        Array.Fill(floors, int.MaxValue);
        Array.Fill(ceilings, int.MinValue);
        var output = new int[derived];
        var program = rules.CompleteProgram;
        var index = new int[enumerated.Count];
        while (true)
        {
            for (var k = 0; k < enumerated.Count; k++) input[enumerated[k].Slot] = rules.Values.Of(enumerated[k])[index[k]];

            foreach (var c in monotone) input[c.Slot] = LeastRisky(c, rules.Monotone[c.Slot]);
            program(input, output);
            for (var s = 0; s < derived; s++) floors[s] = Math.Min(floors[s], output[s]);

            foreach (var c in monotone) input[c.Slot] = LeastRisky(c, -rules.Monotone[c.Slot]);
            program(input, output);
            for (var s = 0; s < derived; s++) ceilings[s] = Math.Max(ceilings[s], output[s]);

            // Next combination (an odometer over the enumerated criteria's values).
            var k2 = 0;
            while (k2 < index.Length && ++index[k2] == rules.Values.Of(enumerated[k2]).Length)
            {
                index[k2] = 0;
                k2++;
            }

            if (k2 == index.Length) break;
        }

        return (floors, ceilings);
    }

    /// <summary>The least risky value of a criterion that raises risk in <paramref name="direction"/> (+1: higher is riskier).</summary>
    private static int LeastRisky(Criterion c, int direction) => direction > 0 ? c.Domain.Min : c.Domain.Max;
}
