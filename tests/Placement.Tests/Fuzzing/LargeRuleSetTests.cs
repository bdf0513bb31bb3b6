using System.Globalization;
using Placement.Diagnostics;

namespace Placement.Tests.Fuzzing;

/// <summary>
/// Rule sets at the size limits: the compiled program is split into chunks (each its own method),
/// long chains of 'or' are balanced and long lists are summed as balanced trees, so a large rule set
/// runs on a 1 MB thread stack (about what a service's request threads have) and still gives, rule
/// for rule, what the reference interpreter gives.
/// </summary>
public sealed class LargeRuleSetTests
{
    private const string Header = """
        ruleset: { id: large, version: 1 }
        decisions:
          care: { levels: [ { id: low }, { id: middle }, { id: high } ] }
        criteria:
          b1: { type: boolean }
          b2: { type: boolean }
          i1: { type: integer, min: 0, max: 6 }
          e1: { type: enum, values: [lo, mid, hi] }
        facts:
          f1: { type: boolean }
          f2: { type: enum, values: [none, some, lots] }

        """;

    private static readonly string[] Atoms =
        ["b1", "not b2", "i1 >= 3", "i1 < 2", "i1 in [1, 5]", "e1 >= mid", "e1 == lo", "count(b1, b2, i1 > 4) >= 2", "known(i1)", "min(i1, 4) >= 3"];

    private static readonly string[] FactAtoms = ["f1", "not f1", "f2 >= some", "f2 == lots"];

    /// <summary>300 rules of about 60 parts: 18,000 parts, under the limit, in nine chunks; in the second half two rules in three read facts the first half sets.</summary>
    private static string LargeRuleSet()
    {
        var random = new Random(12);
        string Condition(string[] atoms) => string.Join(random.Next(2) == 0 ? " or " : " and ", Enumerable.Range(0, 12).Select(_ => "(" + atoms[random.Next(atoms.Length)] + ")"));
        var rules = Enumerable.Range(0, 300).Select(i => i < 150
            ? $"  - {{ id: r{i}, when: '{Condition(Atoms)}', set: {{ {(i % 2 == 0 ? "f1: true" : "f2: " + (i % 4 == 1 ? "some" : "lots"))} }}, because: x, source: s }}\n"
            : $"  - {{ id: r{i}, when: '{Condition(i % 3 == 0 ? Atoms : [.. Atoms, .. FactAtoms])}', require: {{ care: {(i % 2 == 0 ? "middle" : "high")} }}, because: x, source: s }}\n");
        return Header + "rules:\n" + string.Concat(rules);
    }

    [Fact]
    public void ARuleSetInSeveralChunks_AgreesWithTheReferenceInterpreter_OnAOneMegabyteStack()
    {
        var load = RuleSet.TryLoad([new RuleSource("large.yaml", LargeRuleSet())]);
        load.Errors.Should().BeEmpty();
        var rules = load.RuleSet!;
        Placement.Language.Compilation.ProgramChunks.Of(Placement.Engine.CompiledRuleSet.ProgramRules(rules.Compiled.EvaluationOrder))
            .Should().HaveCountGreaterThan(4, "the rule set is compiled in several chunks");
        var assessments = new[]
        {
            "b1: true\nb2: false\ni1: 4\ne1: hi\n", "b1: false\nb2: true\ni1: 1\ne1: lo\n", "i1: 5\n", "b2: false\ne1: mid\n", "b1: null\ni1: 0\n", "{}",
        };

        OnAOneMegabyteStack(() =>
        {
            foreach (var text in assessments)
            {
                var given = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": ", StringComparison.Ordinal)).Select(l => l.Split(": "))
                    .Where(p => p[1] != "null").ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
                var recommendation = rules.Recommend(Assessment.Parse(text, rules));
                _ = recommendation.Decisions;
                var complete = given.Count == 4;
                if (complete) RunsAsTheReferenceDoes(rules, given, recommendation, text);
                foreach (var rule in rules.Compiled.EvaluationOrder)
                {
                    // With unknown answers a fact's reported floor and ceiling are exact (over every completion),
                    // while a rule reading it was evaluated three-valued and may be wider: compared on complete ones.
                    if (!complete && rule.Slots.Any(s => s is not Placement.Model.Criterion)) continue;
                    var expected = ReferenceInterpreter.Outcome(ReferenceInterpreter.Evaluate(rule.Condition,
                        s => ConditionPropertyTests.Possible(s, given, recommendation), c => given.ContainsKey(c.Id)));
                    recommendation.OutcomeOf(rule.Model.Id).Should().Be(expected, $"rule {rule.Model.Id}: {rule.ConditionText}\nassessment:\n{text}");
                }
            }
        });
    }

    [Fact]
    public void AChainOf1200Ors_AndAListOf1500Numbers_LoadAndRun_OnAOneMegabyteStack()
    {
        var ors = string.Join(" or ", Enumerable.Repeat("b2", 1_199).Append("b1"));
        var list = "i1 in [" + string.Join(", ", Enumerable.Range(100, 1_500).Select(n => n.ToString(CultureInfo.InvariantCulture))) + ", 3]";
        var yaml = Header + "rules:\n"
            + $"  - {{ id: ors, when: '{ors}', require: {{ care: high }}, because: x, source: s }}\n"
            + $"  - {{ id: list, when: '{list}', require: {{ care: middle }}, because: x, source: s }}\n";
        var load = RuleSet.TryLoad([new RuleSource("chains.yaml", yaml)]);
        load.Errors.Should().BeEmpty();
        var rules = load.RuleSet!;

        OnAOneMegabyteStack(() =>
        {
            var both = rules.Recommend(Assessment.Parse("b1: true\nb2: false\ni1: 3\ne1: lo", rules));
            both.FiredRules.Should().BeEquivalentTo(["ors", "list"]);
            var neither = rules.Recommend(Assessment.Parse("b1: false\nb2: false\ni1: 4\ne1: lo", rules));
            neither.FiredRules.Should().BeEmpty();
            rules.Recommend(Assessment.Parse("b1: false\ni1: 3", rules)).OutcomeOf("ors").Should().Be(RuleOutcome.MayFire);
        });
    }

    [Fact]
    public void PastTheLimitsOnConditions_TheRuleSetIsRefused_AtTheConditionThatPassesThem()
    {
        var sum = string.Join(" + ", Enumerable.Repeat("i1", 100)) + " > 3";
        var deep = RuleSet.TryLoad([new RuleSource("r.yaml", Header + $"rules:\n  - {{ id: r, when: '{sum}', require: {{ care: high }}, because: x, source: s }}\n")]);
        deep.Errors.Should().ContainSingle().Which.Message.Should().StartWith($"invalid condition: the condition nests deeper than {PlacementLimits.MaxConditionDepth} levels");

        var wide = string.Join(" or ", Enumerable.Repeat("(i1 >= 3 and b1)", 120)); // 719 parts (5 in each bracket, 119 'or'), 2,279 characters
        var many = Header + "rules:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"  - {{ id: r{i}, when: '{wide}', require: {{ care: high }}, because: x, source: s }}\n"));
        var error = RuleSet.TryLoad([new RuleSource("r.yaml", many)]).Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        error.Message.Should().StartWith($"the conditions of the rule set have more than {PlacementLimits.MaxConditionNodes} parts in all");
        var passing = PlacementLimits.MaxConditionNodes / 719; // the 0-based index of the rule whose parts pass the limit
        error.Line.Should().Be(many.Split('\n').ToList().FindIndex(l => l.Contains($"id: r{passing},", StringComparison.Ordinal)) + 1, "the error is at the rule that passes the limit");

        var longOnes = Header + "rules:\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"  - {{ id: r{i}, when: '{new string(' ', 9_000)}b1', require: {{ care: high }}, because: x, source: s }}\n"));
        RuleSet.TryLoad([new RuleSource("r.yaml", longOnes)]).Errors.Should().ContainSingle().Which.Message
            .Should().StartWith($"the conditions of the rule set hold more than {PlacementLimits.MaxConditionCharacters} characters in all");
    }

    /// <summary>
    /// On a complete assessment, the whole program run by the reference interpreter: rules in
    /// evaluation order, each raising its targets when its condition is true, from the defaults. The
    /// facts, the levels and every rule's outcome must be the engine's (which runs the chunks).
    /// </summary>
    private static void RunsAsTheReferenceDoes(RuleSet rules, Dictionary<string, string> given, Recommendation recommendation, string text)
    {
        var current = new Dictionary<Placement.Model.Symbol, int>();
        foreach (var f in rules.Facts) current[f] = f.DefaultValue;
        foreach (var d in rules.Decisions) current[d] = d.Default.Ordinal;
        foreach (var rule in rules.Compiled.EvaluationOrder)
        {
            var truth = ReferenceInterpreter.Evaluate(rule.Condition,
                s => s is Placement.Model.Criterion ? ConditionPropertyTests.Possible(s, given, null) : new HashSet<int> { current[s] }, _ => true);
            var outcome = ReferenceInterpreter.Outcome(truth);
            recommendation.OutcomeOf(rule.Model.Id).Should().Be(outcome, $"rule {rule.Model.Id} on\n{text}");
            if (outcome != RuleOutcome.Fired) continue;
            foreach (var action in rule.Model.Actions) current[action.Target] = Math.Max(current[action.Target], action.Value);
        }

        foreach (var f in rules.Facts) recommendation.Facts[f.Id].Floor.Should().Be(f.Domain.Format(current[f]), $"fact {f.Id} on\n{text}");
        foreach (var d in rules.Decisions) recommendation.Level(d)!.Ordinal.Should().Be(current[d], $"decision {d.Id} on\n{text}");
    }

    private static void OnAOneMegabyteStack(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("failed on the 1 MB thread", failure);
    }
}
