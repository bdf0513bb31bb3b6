using Placement.Engine;
using Placement.Explanations;

namespace Placement.Tests.Engine;

/// <summary>
/// Set criteria in evaluation: an unknown set is unknown in every member, a superset never lowers
/// a decision of a rule set that reads sets only through has, has any, has all and count, the
/// complete-assessment program agrees with the general one, and what users see names the set.
/// </summary>
public sealed class SetEvaluationTests
{
    private static readonly string[] Words = ["alcohol", "opioid", "sedative", "stimulant"];

    // Monotone in subs: every rule reads it only through has, has any, has all and count(subs) >= k.
    private static readonly RuleSet Monotone = TestSupport.Load(TestSupport.SetsHeader + """

        rules:
          - { id: f1, when: 'subs has any [alcohol, sedative]', set: { severity: mild }, because: 'x {subs}', source: s }
          - { id: f2, when: 'subs has all [alcohol, sedative] or count(subs) >= 3', set: { severity: severe }, because: x, source: s }
          - { id: d1, when: severity >= mild and score in 3..6, require: { care: middle }, because: x, source: s }
          - { id: d2, when: 'severity >= severe or (subs has opioid and flag)', require: { care: high }, because: x, source: s }
          - { id: d3, when: 'count(subs) + count(flag, score > 7) >= 3', require: { care: high }, because: x, source: s }
          - { id: d4, when: 'subs has stimulant and score not in [0, 1]', require: { care: middle }, because: x, source: s }
        """).RuleSet!;

    [Fact]
    public void AddingValuesToASet_NeverLowersADecision()
    {
        var care = Monotone.FindDecision("care")!;
        foreach (var (score, flag) in Others())
        {
            for (var smaller = 0; smaller < 16; smaller++)
            {
                var before = Monotone.Recommend(Build(Monotone, smaller, score, flag)).Level(care)!.Ordinal;
                for (var larger = 0; larger < 16; larger++)
                {
                    if ((smaller & larger) != smaller) continue;
                    var after = Monotone.Recommend(Build(Monotone, larger, score, flag)).Level(care)!.Ordinal;
                    after.Should().BeGreaterThanOrEqualTo(before, $"{Describe(larger)} is a superset of {Describe(smaller)} (score {score}, flag {flag})");
                }
            }
        }
    }

    [Fact]
    public void UnknownSet_BoundsContainEveryCompletion()
    {
        var care = Monotone.FindDecision("care")!;
        foreach (var (score, flag) in Others())
        {
            var unknown = Monotone.Recommend(Monotone.NewAssessment().Set("score", score).Set("flag", flag).Build());
            var levels = Enumerable.Range(0, 16).Select(m => Monotone.Recommend(Build(Monotone, m, score, flag)).Level(care)!.Ordinal).ToArray();

            unknown.Floor(care).Ordinal.Should().Be(levels.Min(), $"exact floor at score {score}, flag {flag}");
            unknown.Ceiling(care).Ordinal.Should().Be(levels.Max(), $"exact ceiling at score {score}, flag {flag}");
            if (levels.Min() != levels.Max()) unknown.Missing.Select(m => m.Criterion.Id).Should().Contain("subs");
        }
    }

    [Fact]
    public void CompleteAssessments_FastPathAgreesWithTheGeneralEvaluation()
    {
        foreach (var (score, flag) in Others())
        {
            for (var mask = 0; mask < 16; mask++)
            {
                var a = Build(Monotone, mask, score, flag);
                a.IsComplete.Should().BeTrue();
                var state = EvaluationRecord.ForPartial(Monotone.Compiled, a.Values).State;
                var fast = Monotone.Recommend(a);
                foreach (var s in Monotone.Facts.Cast<Model.Symbol>().Concat(Monotone.Decisions))
                {
                    fast.Record.Floor(s).Should().Be(state[s.Slot], $"{s.Id} for {Describe(mask)}, score {score}, flag {flag}");
                }
            }
        }
    }

    [Fact]
    public void UnknownSet_MissingNamesTheSetCriterionNotItsMembers()
    {
        var rec = Monotone.Recommend(Assessment.Parse("score: 4\nflag: true\n", Monotone));

        rec.Status.Should().Be(RecommendationStatus.Provisional);
        rec.Missing.Select(m => m.Criterion.Id).Should().Equal("subs");
        rec.Missing[0].CouldRaise["care"].Id.Should().Be("high");
        rec.Assessment.Known().Select(kv => kv.Key).Should().Equal("score", "flag");
    }

    [Fact]
    public void Explanation_ShowsTheSetAsAListOrUnknown()
    {
        var known = Monotone.Recommend(Assessment.Parse("subs: [sedative, opioid]\nscore: 4\nflag: false\n", Monotone));
        var unknown = Monotone.Recommend(Assessment.Parse("score: 9\nflag: true\n", Monotone));

        known.Facts["severity"].Because.Select(r => r.Text).Should().Contain("x [opioid, sedative]");
        var text = known.Explain().ToText();
        text.Should().NotContain("has alcohol =");
        RuleTracer.Trace(known, "d4").ToText().Should().Contain("(subs = [opioid, sedative])");
        unknown.Explain().ToText().Should().Contain("Substances in withdrawal includes stimulant: unknown (Substances in withdrawal: unknown)").And.NotContain("has stimulant =");
    }

    [Fact]
    public void SignOffDocument_ShowsSetConditionsInWordsAndTheSetOnce()
    {
        var md = Placement.Documentation.RuleSetDocument.ToMarkdown(Monotone);

        md.Should().Contain("Substances in withdrawal (`subs`) includes any of alcohol, sedative |");
        md.Should().Contain("Substances in withdrawal (`subs`) includes all of alcohol, sedative or the number of Substances in withdrawal (`subs`) is at least 3 |");
        md.Should().Contain("Substances in withdrawal (`subs`) includes opioid and flag");
        md.Should().Contain("score is one of 3 to 6");
        md.Should().Contain("score is none of 0, 1");
        md.Should().Contain("| `subs` | Substances in withdrawal | any of alcohol, opioid, sedative, stimulant | more risk |");
        md.Should().NotContain("subs has");
    }

    private static IEnumerable<(int Score, bool Flag)> Others() =>
        from score in new[] { 0, 2, 3, 5, 7, 8, 10 }
        from flag in new[] { false, true }
        select (score, flag);

    private static Assessment Build(RuleSet rules, int mask, int score, bool flag) =>
        rules.NewAssessment().Set("subs", Members(mask)).Set("score", score).Set("flag", flag).Set("risk", "none").Set("home", "stable").Build();

    private static string[] Members(int mask) => Words.Where((_, i) => (mask & (1 << i)) != 0).ToArray();

    private static string Describe(int mask) => "[" + string.Join(", ", Members(mask)) + "]";
}
