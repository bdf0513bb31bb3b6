using System.Globalization;
using Placement.Analysis;
using Placement.Engine;

namespace Placement.Tests.Analysis;

/// <summary>
/// check and verify against brute force on random small rule sets: every PROVEN holds on every
/// complete assessment, every counterexample is real, and every "can never fire", "can never be
/// reached" and "never changes the result" holds on every assessment, complete or partial.
/// </summary>
public sealed class AnalysisPropertyTests
{
    private const string Header = """
        ruleset: { id: random, version: 1.0.0 }
        decisions:
          care:
            default: low
            levels: [ { id: low }, { id: mid }, { id: high } ]
        criteria:
          x: { type: integer, min: 0, max: 12, risk: increasing }
          y: { type: integer, min: 0, max: 8, risk: decreasing }
          b: { type: boolean, risk: increasing }
          e: { type: enum, values: [p, q, s] }
          r: { type: enum, values: [none, low, mid, high], risk: increasing }
        facts:
          f: { type: enum, values: [f0, f1, f2], default: f0 }
        rules:

        """;

    // Risk direction per criterion slot (x, y, b, e, r); 0 = not varied.
    private static readonly int[] Direction = [1, -1, 1, 0, 1];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 8; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void VerifyAndCheck_AgreeWithBruteForce(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 25; i++)
        {
            var rules = RandomRules(random);
            var yaml = Header + string.Concat(rules);
            var loaded = TestSupport.Load(yaml);
            loaded.Errors.Should().BeEmpty(yaml);
            var set = loaded.RuleSet!;

            VerifyIsSound(set, yaml);
            CheckIsSound(set, rules, yaml);
        }
    }

    private static void VerifyIsSound(RuleSet set, string yaml)
    {
        var result = SafetyVerifier.Verify(set);
        var compiled = set.Compiled;
        var care = compiled.Decisions[0];
        if (result.Proven)
        {
            foreach (var values in Complete())
            {
                var before = Run(compiled, values).State[care.Slot];
                for (var c = 0; c < Direction.Length; c++)
                {
                    if (Direction[c] == 0) continue;
                    var changed = (int[])values.Clone();
                    changed[c] += Direction[c];
                    if (changed[c] < compiled.Criteria[c].Domain.Min || changed[c] > compiled.Criteria[c].Domain.Max) continue;
                    Run(compiled, changed).State[care.Slot].Should().BeGreaterThanOrEqualTo(before,
                        $"verify said PROVEN, but worsening {compiled.Criteria[c].Id} on [{string.Join(", ", values)}] lowers care:\n{yaml}");
                }
            }
        }

        foreach (var c in result.Counterexamples)
        {
            var criterion = compiled.CriteriaById[c.Criterion];
            var values = compiled.Criteria.Select(k => Parse(k, c.Assessment.Single(kv => kv.Key == k.Id).Value)).ToArray();
            var from = Parse(criterion, c.From);
            var to = Parse(criterion, c.To);
            values[criterion.Slot].Should().Be(from);
            ((to - from) * Direction[criterion.Slot]).Should().BePositive("a counterexample worsens the criterion: " + c.ToText());
            var changed = (int[])values.Clone();
            changed[criterion.Slot] = to;
            care.Levels[Run(compiled, values).State[care.Slot]].Id.Should().Be(c.LevelBefore, c.ToText() + "\n" + yaml);
            care.Levels[Run(compiled, changed).State[care.Slot]].Id.Should().Be(c.LevelAfter, c.ToText() + "\n" + yaml);
        }
    }

    private static void CheckIsSound(RuleSet set, IReadOnlyList<string> rules, string yaml)
    {
        var compiled = set.Compiled;
        var care = compiled.Decisions[0];
        var warnings = RuleSetChecker.Check(set);
        var runs = All().Select(v => Run(compiled, v)).ToArray();

        foreach (var w in warnings.Where(w => w.Code == "PL6002"))
        {
            var id = Quoted(w.Message);
            var index = Array.FindIndex(compiled.EvaluationOrder, r => r.Model.Id == id);
            runs.Should().NotContain(run => run.Outcomes[index] == 2, $"{w}\n{yaml}");
        }

        foreach (var w in warnings.Where(w => w.Code == "PL6004"))
        {
            var level = care.Levels.Single(l => l.Id == Quoted(w.Message)).Ordinal;
            runs.Should().NotContain(run => run.State[care.Slot] == level, $"{w}\n{yaml}");
        }

        foreach (var w in warnings.Where(w => w.Code == "PL6003"))
        {
            var id = Quoted(w.Message);
            var without = TestSupport.Load(Header + string.Concat(rules.Where(r => !r.Contains($"id: {id},", StringComparison.Ordinal)))).RuleSet!.Compiled;
            var n = compiled.SlotCount;
            var values = All().ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                var other = Run(without, values[i]).State;
                (other[care.Slot], other[care.Slot + n]).Should().Be((runs[i].State[care.Slot], runs[i].State[care.Slot + n]), $"{w}\non [{string.Join(", ", values[i])}]\n{yaml}");
            }
        }
    }

    private static string Quoted(string message) => message.Split('\'')[1];

    private static int Parse(Placement.Model.Criterion c, string text) =>
        c.Domain.Kind == Placement.Model.ValueKind.Integer ? int.Parse(text, CultureInfo.InvariantCulture) : c.Domain.IndexOf(text);

    private static (int[] State, byte[] Outcomes) Run(CompiledRuleSet rules, int[] values)
    {
        var n = rules.SlotCount;
        var state = (int[])rules.InitialState.Clone();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != CompiledRuleSet.Unknown) state[i] = state[i + n] = values[i];
        }

        var outcomes = new byte[rules.EvaluationOrder.Length];
        RuleGraph.Run(rules, state, outcomes);
        return (state, outcomes);
    }

    private static readonly int[] Sizes = [13, 9, 2, 3, 4];

    /// <summary>Every complete assessment.</summary>
    private static IEnumerable<int[]> Complete() => Product(Sizes.Select(s => Enumerable.Range(0, s).ToArray()).ToArray());

    /// <summary>Every assessment, each criterion given or unknown.</summary>
    private static IEnumerable<int[]> All() =>
        Product(Sizes.Select(s => Enumerable.Range(0, s).Append(CompiledRuleSet.Unknown).ToArray()).ToArray());

    private static IEnumerable<int[]> Product(int[][] choices)
    {
        var index = new int[choices.Length];
        while (true)
        {
            yield return index.Select((j, i) => choices[i][j]).ToArray();
            var k = 0;
            while (k < choices.Length && ++index[k] == choices[k].Length)
            {
                index[k] = 0;
                k++;
            }

            if (k == choices.Length) yield break;
        }
    }

    private static List<string> RandomRules(Random random)
    {
        var rules = new List<string>();
        var count = random.Next(2, 6);
        for (var i = 0; i < count; i++)
        {
            var setsFact = random.Next(3) == 0;
            var when = Condition(random, 2, readsFact: !setsFact);
            var action = setsFact
                ? $"set: {{ f: f{random.Next(1, 3)} }}"
                : $"require: {{ care: {(random.Next(2) == 0 ? "mid" : "high")} }}";
            rules.Add($"  - {{ id: r{i}, when: \"{when}\", {action}, because: b, source: s }}\n");
        }

        return rules;
    }

    private static string Condition(Random random, int depth, bool readsFact)
    {
        if (depth > 0 && random.Next(3) > 0)
        {
            return random.Next(3) switch
            {
                0 => $"({Condition(random, depth - 1, readsFact)} and {Condition(random, depth - 1, readsFact)})",
                1 => $"({Condition(random, depth - 1, readsFact)} or {Condition(random, depth - 1, readsFact)})",
                _ => $"not {Condition(random, depth - 1, readsFact)}",
            };
        }

        string[] ops = [">=", "<=", ">", "<", "==", "!="];
        var choice = random.Next(readsFact ? 9 : 8);
        return choice switch
        {
            0 or 1 or 2 => $"{Integer(random, 2, readsFact)} {ops[random.Next(ops.Length)]} {Integer(random, 1, readsFact)}",
            3 => random.Next(2) == 0 ? "b" : "not b",
            4 => new[] { "e == p", "e in [p, q]", "e != s", "e not in [q]" }[random.Next(4)],
            5 => $"r {ops[random.Next(ops.Length)]} {new[] { "none", "low", "mid", "high" }[random.Next(4)]}",
            6 => new[] { "r in [none, high]", "r in [mid, high]", "r not in [low]" }[random.Next(3)],
            7 => new[] { "known(x)", "not known(y)", "known(r)", "not known(b)" }[random.Next(4)],
            _ => $"f {ops[random.Next(ops.Length)]} {new[] { "f0", "f1", "f2" }[random.Next(3)]}",
        };
    }

    private static string Integer(Random random, int depth, bool readsFact)
    {
        if (depth > 0 && random.Next(2) == 0)
        {
            return random.Next(5) switch
            {
                0 => $"min({Integer(random, depth - 1, readsFact)}, {Integer(random, depth - 1, readsFact)})",
                1 => $"max({Integer(random, depth - 1, readsFact)}, {Integer(random, depth - 1, readsFact)})",
                2 => $"{Integer(random, depth - 1, readsFact)} + {Integer(random, depth - 1, readsFact)}",
                3 => $"{Integer(random, depth - 1, readsFact)} - {Integer(random, depth - 1, readsFact)}",
                _ => $"count({Condition(random, 0, readsFact)}, {Condition(random, 0, readsFact)})",
            };
        }

        return random.Next(3) switch
        {
            0 => "x",
            1 => "y",
            _ => random.Next(0, 15).ToString(CultureInfo.InvariantCulture),
        };
    }
}
