using System.Text;

namespace Placement.Tests.Assessments;

/// <summary>
/// Set criteria in assessments: a list of the values that apply, <c>[]</c> for none of them, absent
/// or <c>null</c> when unknown. Duplicates and unknown words are errors naming the criterion, never
/// the value; the YAML reader, the fast JSON reader and the builder agree.
/// </summary>
public sealed class SetAssessmentTests
{
    private static readonly RuleSet Rules = TestSupport.Load(TestSupport.SetsHeader + """

        rules:
          - { id: r, when: subs has alcohol, require: { care: high }, because: 'Substances {subs}', source: s }
        """).RuleSet!;

    private const string Allowed = "alcohol, opioid, sedative, stimulant";

    [Theory]
    [InlineData("subs: [opioid, alcohol]", "[alcohol, opioid]")]
    [InlineData("subs: [stimulant]", "[stimulant]")]
    [InlineData("subs: []", "[]")]
    [InlineData("subs:\n  - sedative\n  - alcohol\n", "[alcohol, sedative]")]
    [InlineData("subs: [\"opioid\"]", "[opioid]")]
    [InlineData("{ \"subs\": [\"opioid\", \"sedative\"] }", "[opioid, sedative]")]
    public void Parse_List_IsTheSetInDeclaredOrder(string text, string expected)
    {
        var a = Assessment.Parse(text, Rules);

        a.IsKnown("subs").Should().BeTrue();
        a.Get("subs").Should().Be(expected);
        a.Known().Should().Equal([new KeyValuePair<string, string>("subs", expected)]);
    }

    [Theory]
    [InlineData("score: 1")]
    [InlineData("subs: null")]
    [InlineData("subs: ~")]
    [InlineData("subs:")]
    [InlineData("{ \"subs\": null }")]
    public void Parse_AbsentOrNull_IsUnknown(string text)
    {
        var a = Assessment.Parse(text, Rules);

        a.IsKnown("subs").Should().BeFalse();
        a.Get("subs").Should().BeNull();
        a.Known().Should().NotContain(kv => kv.Key == "subs");
        a.IsComplete.Should().BeFalse();
    }

    public static TheoryData<string, string, int, int, string> Invalid => new()
    {
        // assessment, code, line, column, exact message
        { "subs: [alcohol, alcohol]", "PL5006", 1, 17, "subs: a value is listed twice; list each value once" },
        { "subs: [alcohl]", "PL5004", 1, 8, $"subs: not an allowed value; allowed: {Allowed}" },
        { "subs: [opioid, heroin]", "PL5004", 1, 16, $"subs: not an allowed value; allowed: {Allowed}" },
        { "subs: alcohol", "PL5002", 1, 7, $"subs: expected a list of values from {Allowed} ([] for none, or null when unknown)" },
        { "subs: { alcohol: true }", "PL5002", 1, 7, $"subs: expected a list of values from {Allowed}, not a mapping" },
        { "subs: [[alcohol]]", "PL5002", 1, 8, $"subs: each item is one of {Allowed}, not a list" },
        { "subs: [null]", "PL5002", 1, 8, "subs: an item is null; give [] for none, or null instead of the list when unknown" },
        { "sub: [alcohol]", "PL5001", 1, 1, "unknown criterion 'sub'; did you mean 'subs'?" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidSet_NamesTheCriterionAndWhatIsAllowed(string text, string code, int line, int column, string message)
    {
        var result = Assessment.TryParse(text, Rules, "a.yaml");

        result.Success.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Line, d.Column, d.Message).Should().Be((code, line, column, message));
    }

    [Fact]
    public void TryParse_SetErrors_NeverContainTheValuesGiven()
    {
        var result = Assessment.TryParse("subs: [secretword, opioid, opioid, [secretlist]]\n", Rules);

        result.Diagnostics.Should().HaveCount(3);
        result.Diagnostics.Select(d => d.ToString()).Should().NotContain(s => s.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_MembersAreNotCriteria_TheSetIsTheOnlyKey()
    {
        var result = Assessment.TryParse("\"subs has alcohol\": true\n", Rules);

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("PL5001");
    }

    public static TheoryData<string, string, int, string> InvalidJson => new()
    {
        // one NDJSON line, code, byte column, exact message
        { "{\"subs\": [\"alcohol\", \"alcohol\"]}", "PL5006", 22, "subs: a value is listed twice; list each value once" },
        { "{\"subs\": [\"alcohl\"]}", "PL5004", 11, $"subs: not an allowed value; allowed: {Allowed}" },
        { "{\"subs\": \"alcohol\"}", "PL5002", 10, $"subs: expected a list of values from {Allowed} ([] for none, or null when unknown)" },
        { "{\"subs\": {}}", "PL5002", 10, $"subs: expected a list of values from {Allowed}, not an object" },
        { "{\"subs\": [1]}", "PL5002", 11, $"subs: each item is one of {Allowed}, not a number" },
        { "{\"subs\": [[\"alcohol\"]]}", "PL5002", 11, $"subs: each item is one of {Allowed}, not a list" },
        { "{\"subs\": [null]}", "PL5002", 11, "subs: an item is null; give [] for none, or null instead of the list when unknown" },
        { "{\"subs\": [\"opioid\"], \"subs\": []}", "PL1005", 22, "duplicate key 'subs'" },
        { "{\"subs has alcohol\": true}", "PL5001", 2, "a key that is not a criterion (and not written like an id, so it is not repeated here); did you mean 'subs'?" },
    };

    [Theory]
    [MemberData(nameof(InvalidJson))]
    public void TryParseJson_InvalidSet_ReportsCodeColumnAndMessage(string json, string code, int column, string message)
    {
        var result = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules, "in.ndjson", 3);

        result.Success.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Line, d.Column, d.Message).Should().Be((code, 3, column, message));
    }

    [Fact]
    public void TryParseJson_SameValuesAsTryParse_ForSetsEmptySetsAndUnknownSets()
    {
        var random = new Random(8);
        var words = new[] { "alcohol", "opioid", "sedative", "stimulant" };
        for (var i = 0; i < 300; i++)
        {
            var parts = new List<string>();
            var pick = random.Next(4);
            if (pick == 1) parts.Add("\"subs\": null");
            if (pick >= 2) parts.Add("\"subs\": [" + string.Join(", ", words.Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next()).Select(w => $"\"{w}\"")) + "]");
            if (random.Next(2) == 0) parts.Add($"\"score\": {random.Next(11)}");
            if (random.Next(2) == 0) parts.Add($"\"flag\": {(random.Next(2) == 0 ? "true" : "false")}");
            var json = "{" + string.Join(", ", parts.OrderBy(_ => random.Next())) + "}";

            var fast = Assessment.TryParseJson(Encoding.UTF8.GetBytes(json), Rules);
            var slow = Assessment.TryParse(json, Rules);

            fast.Diagnostics.Should().BeEmpty(json);
            fast.Assessment!.Known().Should().Equal(slow.Assessment!.Known(), json);
            fast.Assessment.IsComplete.Should().Be(slow.Assessment.IsComplete, json);
            Rules.Recommend(fast.Assessment).Level("care").Should().Be(Rules.Recommend(slow.Assessment).Level("care"), json);
        }
    }

    [Fact]
    public void Builder_SetsAListAndAnEmptyList()
    {
        var a = Rules.NewAssessment().Set("subs", ["opioid", "alcohol"]).Build();
        var none = Rules.NewAssessment().Set("subs", []).Build();
        var unknown = Rules.NewAssessment().Set("subs", ["opioid"]).Unknown("subs").Build();

        a.Get("subs").Should().Be("[alcohol, opioid]");
        Rules.Recommend(a).Level("care")!.Id.Should().Be("high");
        none.Get("subs").Should().Be("[]");
        Rules.Recommend(none).Level("care")!.Id.Should().Be("low");
        unknown.IsKnown("subs").Should().BeFalse();
        Rules.Recommend(unknown).Ceiling(Rules.FindDecision("care")!).Id.Should().Be("high");
    }

    [Fact]
    public void Builder_InvalidSets_ThrowNamingTheCriterionNotTheValue()
    {
        var builder = Rules.NewAssessment();

        builder.Invoking(b => b.Set("subs", ["opioid", "opioid"])).Should().Throw<ArgumentException>()
            .WithMessage("subs: a value is listed twice; list each value once*");
        builder.Invoking(b => b.Set("subs", ["alcohl"])).Should().Throw<ArgumentException>()
            .WithMessage($"subs: not an allowed value; allowed: {Allowed}*")
            .Which.Message.Should().NotContain("alcohl");
        builder.Invoking(b => b.Set("subs", "alcohol")).Should().Throw<ArgumentException>()
            .WithMessage($"subs: wrong type; expected a list of values from {Allowed}");
        builder.Invoking(b => b.Set("home", ["stable"])).Should().Throw<ArgumentException>()
            .WithMessage("home: wrong type; expected one of stable, unstable, unsafe");
        builder.Invoking(b => b.Set("subs", (IEnumerable<string>)null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void RuleSet_ListsTheSetCriterionOnceAndNoHiddenMembers()
    {
        Rules.Criteria.Select(c => c.Id).Should().Equal("subs", "score", "flag", "risk", "home");
        Rules.Criteria[0].Domain.Kind.Should().Be(Model.ValueKind.Set);
        Rules.Criteria[0].Domain.Values.Should().Equal("alcohol", "opioid", "sedative", "stimulant");
        Rules.FindRule("r")!.Reads.Select(s => s.Id).Should().Equal("subs");
    }
}
