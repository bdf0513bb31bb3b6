using Placement.Engine;
using Placement.Explanations;

namespace Placement.Tests.Engine;

/// <summary>
/// Complete assessments take a faster, two-valued path; it must agree with the general
/// three-valued evaluation on every fact and decision, and explanations must still be complete.
/// </summary>
public sealed class CompleteProgramTests
{
    [Fact]
    public void CompleteAssessments_FastPathAgreesWithTheGeneralEvaluation()
    {
        var rules = TestSupport.Rules;
        var random = new Random(99);
        for (var i = 0; i < 20_000; i++)
        {
            var assessment = MissingDataTests.RandomAssessment(rules, random).Build();
            assessment.IsComplete.Should().BeTrue();

            var fast = rules.Recommend(assessment);
            var state = EvaluationRecord.ForPartial(rules.Compiled, assessment.Values).State;

            foreach (var symbol in rules.Facts.Cast<Model.Symbol>().Concat(rules.Decisions))
            {
                var context = $"{symbol.Id} for {string.Join(", ", assessment.Known())}";
                fast.Record.Floor(symbol).Should().Be(state[symbol.Slot], context);
                state[symbol.Slot + rules.Compiled.SlotCount].Should().Be(state[symbol.Slot], "a complete assessment leaves nothing undecided");
            }

            fast.Status.Should().Be(RecommendationStatus.Recommended);
        }
    }

    [Fact]
    public void CompleteAssessments_RecordedOutcomesAgreeWithTheGeneralEvaluation_OnBothRuleSets()
    {
        // Explanations, fired rules and flags of a complete assessment come from the recording
        // two-valued program; every rule's outcome and every value must be what the general
        // three-valued program gives.
        void Check(RuleSet rules, Assessment assessment)
        {
            assessment.IsComplete.Should().BeTrue();
            var fast = rules.Recommend(assessment).Record;
            var general = EvaluationRecord.ForPartial(rules.Compiled, assessment.Values);
            for (var i = 0; i < rules.Compiled.EvaluationOrder.Length; i++)
            {
                fast.Outcome(i).Should().Be(general.Outcome(i), $"rule {rules.Compiled.EvaluationOrder[i].Model.Id} for {string.Join(", ", assessment.Known())}");
            }

            fast.State.Should().Equal(general.State);
        }

        var random = new Random(7);
        for (var i = 0; i < 5_000; i++) Check(TestSupport.Rules, MissingDataTests.RandomAssessment(TestSupport.Rules, random).Build());
        DefaultRules2.V2.ForAll(DefaultRules2.V2.Complete, c => Check(DefaultRules2.V2.Rules, c.Build(DefaultRules2.V2.Rules)), iter: 5_000);
    }

    [Fact]
    public void CompleteAssessment_ExplanationIsBuiltFromTheFullRecordOnDemand()
    {
        var rec = TestSupport.Recommend("withdrawal_substance=alcohol, ciwa_ar=21");

        rec.Assessment.IsComplete.Should().BeTrue();
        rec.FiredRules.Should().Contain(["W2", "M2", "P5"]);
        rec.OutcomeOf("W1").Should().Be(RuleOutcome.NotFired);
        rec.Explain().ToText().Should().Contain("[W2] A CIWA-Ar of 21 (19 or more) in alcohol withdrawal is severe withdrawal.");
    }

    [Fact]
    public void CompleteProgram_HandlesEveryOperatorOfTheLanguage()
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: a, when: 'count(flag, score > 5, risk >= high) >= 2 and home not in [stable]', set: { alarm: true }, because: x, source: s }
              - { id: b, when: 'min(score, 8) - 1 >= 6 or max(score, 2) + 1 < 3', set: { severity: mild }, because: x, source: s }
              - { id: c, when: 'alarm and not (severity == none) and known(score)', require: { care: high }, because: x, source: s }
            """).RuleSet!;
        foreach (var score in Enumerable.Range(0, 11))
        {
            foreach (var flag in new[] { false, true })
            {
                foreach (var risk in new[] { "none", "high" })
                {
                    foreach (var home in new[] { "stable", "unsafe" })
                    {
                        var a = rules.NewAssessment().Set("score", score).Set("flag", flag).Set("risk", risk).Set("home", home).Build();
                        var state = EvaluationRecord.ForPartial(rules.Compiled, a.Values).State;
                        var fast = rules.Recommend(a);
                        foreach (var s in rules.Facts.Cast<Model.Symbol>().Concat(rules.Decisions))
                        {
                            fast.Record.Floor(s).Should().Be(state[s.Slot], $"{s.Id} at score {score}, flag {flag}, risk {risk}, home {home}");
                        }
                    }
                }
            }
        }
    }
}
