namespace Placement.Tests.Loading;

/// <summary>Rules run in strata: a rule that reads a fact runs after every rule that can set it.</summary>
public sealed class StratificationTests
{
    private const string Rules = """

        rules:
          - { id: reader, when: severity >= severe, require: { care: high }, because: severe, source: s }
          - { id: middle, when: alarm, set: { severity: severe }, because: alarm, source: s }
          - { id: writer, when: score >= 5, set: { alarm: true }, because: score, source: s }
        """;

    [Fact]
    public void Recommend_ReaderDeclaredBeforeWriters_StillSeesTheDerivedFact()
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader + Rules).RuleSet!;

        var rec = rules.Recommend(rules.NewAssessment().Set("score", 7).Build());

        rec.FiredRules.Should().Equal("writer", "middle", "reader");
        rec.Floor("care").Id.Should().Be("high");
    }

    [Fact]
    public void Recommend_ResultDoesNotDependOnRuleOrderInTheFile()
    {
        var lines = Rules.Split('\n').Where(l => l.TrimStart().StartsWith("- {", StringComparison.Ordinal)).ToArray();
        var random = new Random(7);
        var expected = Outcomes(lines);
        for (var i = 0; i < 6; i++)
        {
            var shuffled = lines.OrderBy(_ => random.Next()).ToArray();
            Outcomes(shuffled).Should().Be(expected, string.Join(" | ", shuffled));
        }
    }

    private static string Outcomes(string[] ruleLines)
    {
        var rules = TestSupport.Load(TestSupport.MiniHeader + "\nrules:\n" + string.Join('\n', ruleLines) + "\n").RuleSet!;
        return string.Concat(new[] { 0, 5, 10 }.Select(score =>
        {
            var rec = rules.Recommend(rules.NewAssessment().Set("score", score).Build());
            return $"{score}:{rec.Floor("care").Id}:{rec.Facts["severity"].Floor}:{rec.Facts["alarm"].Floor};";
        }));
    }

    [Fact]
    public void Load_TwoRulesInACycle_IsAnErrorNamingBothRulesAndTheFacts()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: a, when: alarm, set: { severity: severe }, because: x, source: s }
              - { id: b, when: severity >= mild, set: { alarm: true }, because: x, source: s }
            """);

        result.Success.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "test.yaml:20:11: error PL4003: rules depend on each other in a cycle: a sets severity, which b reads; b sets alarm, which a reads. " +
            "A rule may only read values set by rules that do not depend on it.");
    }

    [Fact]
    public void Load_RuleReadingWhatItSets_IsACycle()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: self, when: severity >= mild, set: { severity: severe }, because: x, source: s }
            """);

        result.Errors.Should().ContainSingle().Which.Message.Should().StartWith("rules depend on each other in a cycle: self sets severity, which self reads.");
    }

    [Fact]
    public void Load_CycleThroughADecision_IsDetected()
    {
        var result = TestSupport.Load(TestSupport.MiniHeader + """

            rules:
              - { id: up, when: alarm, require: { care: high }, because: x, source: s }
              - { id: back, when: care >= middle, set: { alarm: true }, because: x, source: s }
              - { id: fine, when: score > 3, require: { care: middle }, because: x, source: s }
            """);

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be("PL4003");
        error.Message.Should().Contain("up sets care, which back reads").And.Contain("back sets alarm, which up reads").And.NotContain("fine");
    }
}
