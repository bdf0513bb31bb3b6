using System.Globalization;
using CsCheck;
using Placement.Model;

namespace Placement.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the condition language with CsCheck (see <see cref="Fuzz"/> for the
/// seeded CI run and the longer run for a release):
/// random token sequences only ever give diagnostics; random well-typed conditions over every kind
/// of criterion load, compile and run without exception; and the compiled program's outcome for
/// each rule equals what <see cref="ReferenceInterpreter"/> computes over the bound tree, on random
/// assessments with unknown answers. The same agreement is checked for every rule of the default
/// rule set, whose conditions also read facts and decisions.
/// </summary>
public sealed class ConditionPropertyTests
{
    private const string Criteria = """
        ruleset: { id: fuzz, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: high } ] }
        criteria:
          b1: { type: boolean }
          b2: { type: boolean }
          i1: { type: integer, min: 0, max: 6 }
          i2: { type: integer, min: 2, max: 4 }
          e1: { type: enum, values: [lo, mid, hi] }
          e2: { type: enum, values: [p, q] }
          s1: { type: set, values: [a, b, c] }

        """;

    private static readonly Gen<string> Comparison = Gen.OneOf("==", "!=", "<", "<=", ">", ">=");

    private static Gen<string> Int(int depth)
    {
        var leaf = Gen.OneOf(Gen.OneOf("i1", "i2", "count(s1)"), Gen.Int[0, 8].Select(n => n.ToString(CultureInfo.InvariantCulture)));
        if (depth == 0) return leaf;
        var smaller = Int(depth - 1);
        return Gen.OneOf(
            leaf,
            Gen.Select(smaller, smaller, (a, b) => $"min({a}, {b})"),
            Gen.Select(smaller, smaller, (a, b) => $"max({a}, {b})"),
            Gen.Select(smaller, smaller, (a, b) => $"({a}) + ({b})"),
            Gen.Select(smaller, smaller, (a, b) => $"({a}) - ({b})"),
            Gen.Select(Bool(depth - 1), Bool(depth - 1), (a, b) => $"count({a}, {b})"));
    }

    private static Gen<string> Bool(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.OneOf("b1", "b2", "true", "false", "known(b1)", "known(i1)", "known(e1)", "known(s1)", "b1 == b2", "b1 != true", "b2 < b1",
                "e1 in [lo, hi]", "e1 not in [mid]", "e2 == p", "e1 >= e1", "i1 in [1, 3..5]", "i2 not in 2..3", "i1 in 0..2",
                "s1 has a", "s1 has any [a, c]", "s1 has all [b, c]", "not s1 has b", "count(s1) >= 2"),
            Gen.Select(Comparison, Gen.OneOf("lo", "mid", "hi"), (op, v) => $"e1 {op} {v}"),
            Gen.Select(Int(0), Comparison, Int(0), (a, op, b) => $"{a} {op} {b}"));
        if (depth == 0) return leaf;
        var smaller = Bool(depth - 1);
        return Gen.OneOf(
            leaf,
            smaller.Select(a => $"not ({a})"),
            Gen.Select(smaller, smaller, (a, b) => $"({a}) and ({b})"),
            Gen.Select(smaller, smaller, (a, b) => $"({a}) or ({b})"),
            Gen.Select(Int(depth - 1), Comparison, Int(depth - 1), (a, op, b) => $"{a} {op} {b}"));
    }

    private static readonly Gen<string[]> Conditions = Bool(3).Array[1, 6];

    /// <summary>One answer per criterion (b1, b2, i1, i2, e1, e2, s1); null is unknown.</summary>
    private static readonly Gen<string?[]> Answers = Gen.Select(
        Gen.OneOf<string?>(null, "true", "false"),
        Gen.OneOf<string?>(null, "true", "false"),
        Gen.OneOf<string?>(null, "0", "1", "3", "5", "6"),
        Gen.OneOf<string?>(null, "2", "3", "4"),
        Gen.OneOf<string?>(null, "lo", "mid", "hi"),
        Gen.OneOf<string?>(null, "p", "q"),
        Gen.OneOf<string?>(null, "[]", "[a]", "[b, c]", "[a, b, c]"),
        (b1, b2, i1, i2, e1, e2, s1) => new[] { b1, b2, i1, i2, e1, e2, s1 });

    private static readonly string[] Names = ["b1", "b2", "i1", "i2", "e1", "e2", "s1"];

    [Fact]
    public void WellTypedConditions_AgreeWithTheReferenceInterpreter_UnknownsIncluded()
    {
        Fuzz.Check(Gen.Select(Conditions, Answers.Array[6]), t =>
        {
            var (conditions, cases) = t;
            var yaml = Criteria + "rules:\n" + string.Concat(conditions.Select((c, i) =>
                $"  - {{ id: r{i}, when: '{c}', require: {{ care: high }}, because: x, source: s }}\n"));
            var load = RuleSet.TryLoad([new RuleSource("fuzz.yaml", yaml)]);
            load.Errors.Should().BeEmpty(yaml);
            var rules = load.RuleSet!;
            foreach (var answers in cases)
            {
                var text = string.Concat(answers.Select((a, i) => $"{Names[i]}: {a ?? "null"}\n"));
                var given = Names.Select((n, i) => (n, a: answers[i])).Where(x => x.a is not null).ToDictionary(x => x.n, x => x.a!, StringComparer.Ordinal);
                OutcomesAgree(rules, conditions, given, text, yaml);
            }
        }, cases: 300);
    }

    /// <summary>
    /// The same over generated declarations: the two integer criteria get random ranges (negative
    /// minimums included), so comparisons, sums and differences meet ranges of every shape.
    /// </summary>
    [Fact]
    public void WellTypedConditions_OverGeneratedRanges_AgreeWithTheReferenceInterpreter()
    {
        var ranges = Gen.Select(Gen.Int[-5, 3], Gen.Int[1, 8], Gen.Int[-2, 4], Gen.Int[1, 5], (lo1, w1, lo2, w2) => (lo1, hi1: lo1 + w1, lo2, hi2: lo2 + w2));
        var draws = Gen.Select(Gen.Int[0, 1_000_000].Array[7], Gen.Int[0, 3].Array[7]);
        Fuzz.Check(Gen.Select(ranges, Conditions, draws.Array[6]), t =>
        {
            var ((lo1, hi1, lo2, hi2), conditions, cases) = t;
            var yaml = Criteria
                .Replace("i1: { type: integer, min: 0, max: 6 }", $"i1: {{ type: integer, min: {lo1}, max: {hi1} }}", StringComparison.Ordinal)
                .Replace("i2: { type: integer, min: 2, max: 4 }", $"i2: {{ type: integer, min: {lo2}, max: {hi2} }}", StringComparison.Ordinal)
                + "rules:\n" + string.Concat(conditions.Select((c, i) => $"  - {{ id: r{i}, when: '{c}', require: {{ care: high }}, because: x, source: s }}\n"));
            var load = RuleSet.TryLoad([new RuleSource("fuzz.yaml", yaml)]);
            load.Errors.Should().BeEmpty(yaml);
            var rules = load.RuleSet!;
            foreach (var (values, unknown) in cases)
            {
                var given = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var c in rules.Criteria.Select((c, i) => (c, i)).Where(x => unknown[x.i] != 0))
                {
                    given[c.c.Id] = c.c.Domain.Kind switch
                    {
                        ValueKind.Integer => (c.c.Domain.Min + (values[c.i] % (c.c.Domain.Max - c.c.Domain.Min + 1))).ToString(CultureInfo.InvariantCulture),
                        ValueKind.Set => "[" + string.Join(", ", c.c.Domain.Values.Where((_, w) => ((values[c.i] >> w) & 1) == 1)) + "]",
                        _ => c.c.Domain.Values[values[c.i] % c.c.Domain.Values.Count],
                    };
                }

                var text = given.Count == 0 ? "{}" : string.Concat(given.Select(kv => $"{kv.Key}: {kv.Value}\n"));
                OutcomesAgree(rules, conditions, given, text, yaml);
            }
        }, cases: 200);
    }

    /// <summary>Rule r<c>i</c>'s outcome on the assessment is what the reference interpreter gives for condition <c>i</c>, for every i.</summary>
    private static void OutcomesAgree(RuleSet rules, string[] conditions, Dictionary<string, string> given, string text, string yaml)
    {
        var recommendation = rules.Recommend(Assessment.Parse(text, rules));
        for (var i = 0; i < conditions.Length; i++)
        {
            var bound = rules.Compiled.RulesById["r" + i].Condition;
            var expected = ReferenceInterpreter.Outcome(ReferenceInterpreter.Evaluate(bound, s => Possible(s, given, null), c => given.ContainsKey(c.Id)));
            recommendation.OutcomeOf("r" + i).Should().Be(expected, $"rule r{i}: {conditions[i]}\nassessment:\n{text}\n{yaml}");
        }
    }

    [Fact]
    public void EveryRuleOfTheDefaultSet_AgreesWithTheReferenceInterpreter_OnRandomAssessments()
    {
        var rules = RuleSet.LoadDefault();
        var criteria = rules.Criteria;
        // Per criterion: a draw for its value and one for whether it is unknown (three in ten).
        var answer = Gen.Select(Gen.Int[0, 1_000_000].Array[criteria.Count], Gen.Int[0, 9].Array[criteria.Count],
            (draws, unknown) => criteria.Select((c, i) => unknown[i] < 3 ? null : Value(c.Domain, draws[i])).ToArray());
        Fuzz.Check(answer, values =>
        {
            var given = criteria.Select((c, i) => (c.Id, v: values[i])).Where(x => x.v is not null).ToDictionary(x => x.Id, x => x.v!, StringComparer.Ordinal);
            var text = string.Concat(given.Select(kv => $"{kv.Key}: {kv.Value}\n"));
            var recommendation = rules.Recommend(Assessment.Parse(text, rules));
            foreach (var rule in rules.Compiled.EvaluationOrder)
            {
                var expected = ReferenceInterpreter.Outcome(ReferenceInterpreter.Evaluate(rule.Condition, s => Possible(s, given, recommendation), c => given.ContainsKey(c.Id)));
                recommendation.OutcomeOf(rule.Model.Id).Should().Be(expected, $"rule {rule.Model.Id}: {rule.ConditionText}\nassessment:\n{text}");
            }
        }, cases: 500);
    }

    /// <summary>An answer for a domain from a random draw, written as in YAML; integers are often at an end of their range.</summary>
    private static string Value(ValueDomain domain, int draw) => domain.Kind switch
    {
        ValueKind.Integer => IntegerValue(domain, draw).ToString(CultureInfo.InvariantCulture),
        ValueKind.Set => "[" + string.Join(", ", domain.Values.Where((_, i) => ((draw >> i) & 1) == 1)) + "]",
        _ => domain.Values[draw % domain.Values.Count],
    };

    private static int IntegerValue(ValueDomain domain, int draw) => (draw % 4) switch
    {
        0 => domain.Min,
        1 => domain.Max,
        _ => domain.Min + (draw / 4 % (domain.Max - domain.Min + 1)),
    };

    /// <summary>
    /// What a symbol can be, read from the answers as given (not from the engine's state): a given
    /// answer is one value, an unknown one any value of its domain; a word of a set is 0 or 1. Facts
    /// and decisions take the range the recommendation reports for them.
    /// </summary>
    internal static HashSet<int> Possible(Symbol symbol, IReadOnlyDictionary<string, string> given, Recommendation? recommendation)
    {
        switch (symbol)
        {
            case Criterion { SetOf: { } set } member:
                return given.TryGetValue(set.Id, out var words) ? [Words(words).Contains(member.MemberWord!) ? 1 : 0] : [0, 1];
            case Criterion c when given.TryGetValue(c.Id, out var value):
                return c.Domain.Kind switch
                {
                    ValueKind.Integer => [int.Parse(value, CultureInfo.InvariantCulture)],
                    ValueKind.Set => [Words(value).Sum(w => 1 << c.Domain.IndexOf(w))],
                    _ => [c.Domain.IndexOf(value)],
                };
            case Criterion c:
                return [.. Enumerable.Range(c.Domain.Min, c.Domain.Max - c.Domain.Min + 1)];
            case Fact f:
                var fact = recommendation!.Facts[f.Id];
                return [.. Enumerable.Range(f.Domain.IndexOf(fact.Floor), f.Domain.IndexOf(fact.Ceiling) - f.Domain.IndexOf(fact.Floor) + 1)];
            case Decision d:
                var (floor, ceiling) = (recommendation!.Floor(d).Ordinal, recommendation.Ceiling(d).Ordinal);
                return [.. Enumerable.Range(floor, ceiling - floor + 1)];
            default:
                throw new InvalidOperationException("unexpected symbol " + symbol.Id);
        }
    }

    private static string[] Words(string list) => list.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
