using CsCheck;

namespace Placement.Tests.Engine;

/// <summary>
/// Floors and ceilings are exact: on random rule sets (with and without declared risk orders, with
/// sets, integer ranges, equality, negation, counts and arithmetic) and random partial assessments,
/// they equal the least and the most intensive result over every completion of the unknown answers,
/// found by brute force through complete assessments. The status and the level follow from them.
/// </summary>
public sealed class ExactBoundsPropertyTests
{
    private static readonly string[] CriterionAtoms =
    [
        "b1", "not b2", "b2", "i1 >= 3", "i1 < 2", "i1 == 4", "i1 in [1, 5]", "i1 in 2..4", "min(i1, 4) >= 3", "i1 + 2 >= 5",
        "max(i1, 2) < 4", "e1 >= mid", "e1 == mid", "e1 in [lo, hi]", "e1 != hi", "count(b1, i1 >= 3, e1 == hi) >= 2",
        "s1 has a", "s1 has any [a, b]", "s1 has all [b, c]", "count(s1) >= 2", "not (s1 has c)",
    ];

    private static readonly string[] FactAtoms = ["f1", "not f1", "f2 >= some", "f2 == lots", "f2 == some"];

    private static readonly string[] Risks = ["increasing", "none", "decreasing"];

    private static Gen<string> Condition(string[] atoms) =>
        Gen.Int[0, 3].SelectMany(shape => shape switch
        {
            0 => Gen.OneOf(atoms),
            1 => Gen.Select(Gen.OneOf(atoms), Gen.OneOf(atoms), (a, b) => $"({a}) and ({b})"),
            2 => Gen.Select(Gen.OneOf(atoms), Gen.OneOf(atoms), (a, b) => $"({a}) or ({b})"),
            _ => Gen.Select(Gen.OneOf(atoms), Gen.OneOf(atoms), Gen.OneOf(atoms), (a, b, c) => $"not ({a}) and (({b}) or ({c}))"),
        });

    // Rules that set f1 read criteria only; rules that set f2 also read f1; decision rules read everything.
    private static readonly Gen<string> Rule = Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => Condition(CriterionAtoms).Select(c => $"when: '{c}', set: {{ f1: true }}"),
        1 => Gen.Select(Condition([.. CriterionAtoms, "f1", "not f1"]), Gen.OneOf("some", "lots"), (c, v) => $"when: '{c}', set: {{ f2: {v} }}"),
        _ => Gen.Select(Condition([.. CriterionAtoms, .. FactAtoms]), Gen.OneOf("l1", "l2", "l3"), (c, v) => $"when: '{c}', require: {{ care: {v} }}"),
    });

    private static readonly Gen<string> RuleSetYaml =
        Gen.Select(Gen.OneOf(Risks).Array[4], Gen.OneOf("increasing", "none"), Rule.Array[2, 8], (risks, setRisk, rules) => $$"""
            ruleset: { id: p, version: 1 }
            decisions:
              care: { levels: [ { id: l0 }, { id: l1 }, { id: l2 }, { id: l3 } ] }
            criteria:
              b1: { type: boolean, risk: {{risks[0]}} }
              b2: { type: boolean, risk: {{risks[1]}} }
              i1: { type: integer, min: 0, max: 6, risk: {{risks[2]}} }
              e1: { type: enum, values: [lo, mid, hi], risk: {{risks[3]}} }
              s1: { type: set, values: [a, b, c], risk: {{setRisk}} }
            facts:
              f1: { type: boolean }
              f2: { type: enum, values: [none, some, lots], output: true }
            rules:
            {{string.Join("\n", rules.Select((r, i) => $"  - {{ id: r{i}, {r}, because: x, source: s }}"))}}
            """);

    // One answer per criterion; null is unknown.
    private static readonly Gen<string?[]> Answers = Gen.Select(
        Gen.OneOf<string?>(null, "true", "false"),
        Gen.OneOf<string?>(null, "true", "false"),
        Gen.OneOf<string?>(null, "0", "1", "2", "3", "4", "5", "6"),
        Gen.OneOf<string?>(null, "lo", "mid", "hi"),
        Gen.OneOf<string?>(null, "[]", "[a]", "[b, c]", "[a, b, c]"),
        (b1, b2, i1, e1, s1) => new[] { b1, b2, i1, e1, s1 });

    private static readonly string[] Names = ["b1", "b2", "i1", "e1", "s1"];

    private static readonly string?[][] Domains =
    [
        ["true", "false"], ["true", "false"], ["0", "1", "2", "3", "4", "5", "6"], ["lo", "mid", "hi"],
        ["[]", "[a]", "[b]", "[c]", "[a, b]", "[a, c]", "[b, c]", "[a, b, c]"],
    ];

    [Fact]
    public void Bounds_EqualTheLeastAndMostIntensiveCompletion()
    {
        Gen.Select(RuleSetYaml, Answers.Array[4]).Sample((yaml, cases) =>
        {
            var load = RuleSet.TryLoad([new RuleSource("p.yaml", yaml)]);
            load.Errors.Should().BeEmpty(yaml);
            var rules = load.RuleSet!;
            var care = rules.FindDecision("care")!;
            var f2 = rules.Facts.Single(f => f.Id == "f2");
            foreach (var answers in cases)
            {
                var rec = rules.Recommend(Assessment.Parse(ToYaml(answers), rules));
                var outcomes = Completions(answers).Select(c => rules.Recommend(Assessment.Parse(ToYaml(c), rules))).ToArray();
                var careLevels = outcomes.Select(o => o.Level(care)!.Ordinal).ToArray();
                var f2Values = outcomes.Select(o => f2.Domain.IndexOf(o.Facts["f2"].Floor)).ToArray();
                var context = $"{ToYaml(answers)}\n---\n{yaml}";

                var floor = rec.Floor(care).Ordinal;
                var ceiling = rec.Ceiling(care).Ordinal;
                var f2Floor = f2.Domain.IndexOf(rec.Facts["f2"].Floor);
                var f2Ceiling = f2.Domain.IndexOf(rec.Facts["f2"].Ceiling);
                if (rec.BoundsAreExact)
                {
                    (floor, ceiling).Should().Be((careLevels.Min(), careLevels.Max()), context);
                    (f2Floor, f2Ceiling).Should().Be((f2Values.Min(), f2Values.Max()), context);
                    var determined = careLevels.Min() == careLevels.Max() && f2Values.Min() == f2Values.Max();
                    rec.Status.Should().Be(determined ? RecommendationStatus.Recommended : RecommendationStatus.Provisional, context);
                    (rec.Level(care) is null).Should().Be(careLevels.Min() != careLevels.Max(), context);
                }
                else
                {
                    floor.Should().BeLessThanOrEqualTo(careLevels.Min(), context);
                    ceiling.Should().BeGreaterThanOrEqualTo(careLevels.Max(), context);
                }

                if (rec.Status != RecommendationStatus.Recommended) rec.Missing.Should().NotBeEmpty(context);
            }
        }, iter: 500);
    }

    private static string ToYaml(string?[] answers) =>
        string.Concat(answers.Select((a, i) => $"{Names[i]}: {a ?? "null"}\n"));

    private static IEnumerable<string?[]> Completions(string?[] answers)
    {
        IEnumerable<string?[]> partial = [answers];
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] is not null) continue;
            var index = i;
            partial = partial.SelectMany(p => Domains[index].Select(v =>
            {
                var copy = (string?[])p.Clone();
                copy[index] = v;
                return copy;
            })).ToArray();
        }

        return partial;
    }
}
