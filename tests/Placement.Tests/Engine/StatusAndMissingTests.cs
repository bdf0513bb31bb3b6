using Placement.Explanations;

namespace Placement.Tests.Engine;

/// <summary>
/// What a clinician is shown with answers missing: a level only when it is decided, exact floors
/// that reason case by case, a status that counts only decisions and output facts, required answers
/// and the order in which to ask.
/// </summary>
public sealed class StatusAndMissingTests
{
    private const string Rules = """
        ruleset: { id: status, version: 1 }
        decisions:
          care: { levels: [ { id: outpatient, name: Outpatient }, { id: iop, name: IOP }, { id: inpatient, name: Inpatient } ] }
        criteria:
          rating: { type: enum, values: [low, high], label: Rating }
          score: { type: integer, min: 0, max: 30, risk: increasing, ask: 2, label: Score }
          substance: { type: enum, values: [none, alcohol, opioid], required: true, ask: 1, label: Substance }
          cows: { type: integer, min: 0, max: 48, risk: increasing, required: substance == opioid, ask: 1, label: COWS }
          note_only: { type: boolean, risk: increasing }
        facts:
          internal: { type: boolean }
        rules:
          - { id: low_rating, when: rating == low, require: { care: iop }, because: low, source: s }
          - { id: high_rating, when: rating == high, require: { care: iop }, because: high, source: s }
          - { id: severe, when: score >= 20, require: { care: inpatient }, because: severe, source: s }
          - { id: opioid, when: substance == opioid and cows >= 13, require: { care: inpatient }, because: opioid, source: s }
          - { id: hidden, when: note_only, set: { internal: true }, because: x, source: s }
        """;

    private static readonly RuleSet Set = TestSupport.Load(Rules).RuleSet!;

    private static Recommendation Recommend(string yaml) => Set.Recommend(Assessment.Parse(yaml, Set));

    [Fact]
    public void Floor_ReasonsCaseByCase_EveryAnswerOfAnUnknownLeadsToIop()
    {
        // Interval reasoning alone leaves the floor at outpatient: neither rating rule fires while rating is unknown.
        var rec = Recommend("substance: none\nscore: 5\nnote_only: false\n");

        rec.Floor("care").Id.Should().Be("iop", "both answers to rating require IOP");
        rec.Ceiling("care").Id.Should().Be("iop");
        rec.Level("care")!.Id.Should().Be("iop");
        rec.Status.Should().Be(RecommendationStatus.Recommended, "nothing unknown can change the decision");
        rec.Missing.Should().BeEmpty("rating's answer cannot change anything");
        rec.Explain().ToText().Should().Contain("whatever the unknown answers turn out to be, the rules require at least this level.");
    }

    [Fact]
    public void Level_IsNullAndTheTextSaysSoWhileUndecided()
    {
        var rec = Recommend("substance: none\nrating: low\nnote_only: false\n");

        rec.Status.Should().Be(RecommendationStatus.Provisional);
        rec.Level("care").Should().BeNull("a floor is never shown as the recommended level");
        rec.Decisions["care"].Level.Should().BeNull();
        (rec.Floor("care").Id, rec.Ceiling("care").Id).Should().Be(("iop", "inpatient"));
        var text = rec.Explain().ToText();
        text.Should().Contain("care cannot be determined yet: at least IOP, up to Inpatient.");
        text.Should().Contain("Ask first: Score");
    }

    [Fact]
    public void Status_IgnoresFactsThatAreNotOutput()
    {
        var rec = Recommend("substance: none\nrating: low\nscore: 3\n");

        rec.Facts["internal"].IsDetermined.Should().BeFalse("note_only is unknown");
        rec.Status.Should().Be(RecommendationStatus.Recommended, "only decisions and output facts count");
        rec.Missing.Should().BeEmpty("note_only can change no decision and no output fact");
    }

    [Fact]
    public void RequiredAnswerUnknown_IsInsufficientAndListedFirst()
    {
        var rec = Recommend("rating: low\nscore: 25\nnote_only: false\n");

        rec.Status.Should().Be(RecommendationStatus.Insufficient);
        rec.UnknownRequired.Select(c => c.Id).Should().Equal("substance", "cows");
        rec.Level("care")!.Id.Should().Be("inpatient", "the level itself is decided even so");
        rec.Missing.Select(m => (m.Criterion.Id, m.IsRequired)).Should().Equal(("substance", true), ("cows", true));
        rec.Explain().ToText().Should().StartWith("Status: INSUFFICIENT - required answers are missing: Substance, COWS");
    }

    [Fact]
    public void ConditionallyRequired_IsRequiredOnlyWhileItsConditionIsTrueOrUnknown()
    {
        Recommend("substance: alcohol\nrating: low\nscore: 3\nnote_only: false\n").Status.Should().Be(RecommendationStatus.Recommended);
        Recommend("substance: opioid\nrating: low\nscore: 3\nnote_only: false\n").UnknownRequired.Select(c => c.Id).Should().Equal("cows");
    }

    [Fact]
    public void Missing_IsOrderedByAskTierThenByImpact()
    {
        var rec = Recommend("substance: opioid\ncows: 20\nnote_only: false\n");

        rec.Missing.Select(m => m.Criterion.Id).Should().BeEmpty("cows 20 with opioid already requires inpatient: nothing can change");

        rec = Recommend("substance: opioid\nnote_only: false\n");
        rec.Missing.Select(m => m.Criterion.Id).Should().Equal(["cows", "score"], "tier 1 first, then tier 2; rating is left out: both its answers require IOP");
        rec.Missing[0].CouldRaise["care"].Id.Should().Be("inpatient");
    }

    [Fact]
    public void EmptyAssessment_ShowsNoLevelAndAsksForTheRequiredAnswers()
    {
        var rules = TestSupport.Rules;

        var rec = rules.Recommend(Assessment.Parse("{}", rules));

        rec.Level("level_of_care").Should().BeNull("with nothing known, standard outpatient is only the floor");
        rec.Status.Should().NotBe(RecommendationStatus.Recommended);
        rec.Explain().ToText().Should().Contain("Level of care cannot be determined yet: at least Standard outpatient, up to Inpatient, medically managed.");
    }

    [Fact]
    public void TooManyUnorderedUnknowns_FallBackToIntervalsAndSaySo()
    {
        var criteria = string.Concat(Enumerable.Range(0, 14).Select(i => $"  c{i}: {{ type: enum, values: [a, b] }}\n"));
        var rules = TestSupport.Load($$"""
            ruleset: { id: wide, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
            {{criteria}}rules:
              - { id: r, when: 'count({{string.Join(", ", Enumerable.Range(0, 14).Select(i => $"c{i} == a"))}}) >= 7', require: { care: high }, because: x, source: s }
            """).RuleSet!;

        var rec = rules.Recommend(Assessment.Parse("{}", rules));

        rec.BoundsAreExact.Should().BeFalse("2^14 combinations exceed the budget");
        (rec.Floor("care").Id, rec.Ceiling("care").Id).Should().Be(("low", "high"));
        rec.Explain().ToText().Should().Contain("the range shown may be wider than the truth");
        rec.Explain().ToJson().Should().Contain("\"boundsExact\": false");
    }

    [Fact]
    public void Known_IsJudgedOnTheAnswersGiven()
    {
        var rules = TestSupport.Load("""
            ruleset: { id: k, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
              ciwa: { type: integer, min: 0, max: 67, risk: increasing }
            rules:
              - { id: unknown_ciwa, when: not known(ciwa), require: { care: high }, because: x, source: s }
            """).RuleSet!;

        var unknown = rules.Recommend(Assessment.Parse("{}", rules));
        unknown.Level("care")!.Id.Should().Be("high", "while CIWA-Ar is not known the rule applies");
        unknown.Missing.Select(m => m.Criterion.Id).Should().Equal(["ciwa"], "answering it can change the level");
        rules.Recommend(Assessment.Parse("ciwa: 3", rules)).Level("care")!.Id.Should().Be("low");
    }

    [Fact]
    public void RequiredAndAsk_BadValues_AreDiagnosticsWithPositions()
    {
        var result = TestSupport.Load("""
            ruleset: { id: x, version: 1 }
            decisions:
              d: { levels: [ { id: lo }, { id: hi } ] }
            criteria:
              a: { type: boolean, ask: 0 }
              b: { type: boolean, required: substanse == opioid }
              c: { type: boolean, ask: first }
            """);

        result.Errors.Select(d => (d.Code, d.Line, d.Column)).Should().Equal(
            ("PL1007", 5, 28),
            ("PL3002", 6, 33),
            ("PL1007", 7, 28));
        result.Errors.First().Message.Should().Be("'ask' of criterion 'a' must be 1 or more (1 is asked first)");
    }

    [Fact]
    public void Missing_ManyUnknownCriteria_StaysWithinTheBudgetInsteadOfLoopingForever()
    {
        var criteria = string.Concat(Enumerable.Range(0, 27).Select(i => $"  r{i}: {{ type: enum, values: [none, low, moderate, high, severe], risk: increasing }}\n"));
        var rules = string.Concat(Enumerable.Range(0, 27).Select(i => $"  - {{ id: x{i}, when: r{i} >= moderate, require: {{ care: high }}, because: x, source: s }}\n"));
        var set = TestSupport.Load($$"""
            ruleset: { id: wide, version: 1 }
            decisions:
              care: { levels: [ { id: low }, { id: high } ] }
            criteria:
            {{criteria}}  extra: { type: boolean, risk: increasing }
            rules:
            {{rules}}  - { id: n, when: extra, note: x, source: s }
            """).RuleSet!;

        var rec = set.Recommend(Assessment.Parse("{}", set));

        rec.Missing.Should().HaveCount(27, "every rating could raise care; the unread boolean is left out");
    }

    [Fact]
    public void Known_AnswerThatMovesARuleReadingKnown_IsAskedAndTheRangeHoldsEveryOutcome()
    {
        var set = TestSupport.Load("""
            ruleset: { id: k, version: 1 }
            decisions:
              loc: { levels: [ { id: outpatient }, { id: inpatient } ] }
            criteria:
              ciwa: { type: integer, min: 0, max: 67, risk: increasing }
              cows: { type: integer, min: 0, max: 48, risk: increasing }
            rules:
              - { id: r1, when: '(known(ciwa) and ciwa >= 10) or (not known(ciwa) and cows >= 13)', require: { loc: inpatient }, because: x, source: s }
            """).RuleSet!;

        var rec = set.Recommend(Assessment.Parse("cows: 5", set));

        rec.Status.Should().Be(RecommendationStatus.Provisional, "a CIWA-Ar of 10 or more would require inpatient care");
        (rec.Floor("loc").Id, rec.Ceiling("loc").Id).Should().Be(("outpatient", "inpatient"));
        rec.Missing.Select(m => m.Criterion.Id).Should().Equal("ciwa");
    }

    [Fact]
    public void Load_ArithmeticThatCanLeaveTheRangeOfWholeNumbers_IsAnError()
    {
        var result = TestSupport.Load("""
            ruleset: { id: o, version: 1 }
            decisions:
              loc: { levels: [ { id: low }, { id: high } ] }
            criteria:
              x: { type: integer, min: 0, max: 2147483647, risk: increasing }
            rules:
              - { id: r1, when: x + 1 >= 100, require: { loc: high }, because: x, source: s }
            """);

        result.Errors.Select(d => (d.Code, d.Line)).Should().Equal(("PL3006", 7));
    }
}
