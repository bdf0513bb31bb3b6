using System.Text.Json;
using Placement.Explanations;

namespace Placement.Tests.Explanations;

/// <summary>What a clinician and a machine read: the rendered explanations.</summary>
public sealed class ExplanationTests
{
    private static string Example(string file) =>
        File.ReadAllText(Path.Combine(TestSupport.Rules10Examples, file));

    private static Recommendation RecommendExample(string file) =>
        TestSupport.Rules.Recommend(Assessment.Parse(Example(file), TestSupport.Rules, file));

    /// <summary>
    /// Golden files, reviewed like code: tests/Placement.Tests/Explanations/golden/&lt;example&gt;.txt|.md.
    /// The sha256 is masked so rule edits do not churn them. Set PLACEMENT_UPDATE_GOLDEN=1 to rewrite.
    /// </summary>
    [Theory]
    [InlineData("provisional.yaml")]
    [InlineData("medically-monitored-inpatient.yaml")]
    [InlineData("php.yaml")]
    [InlineData("residential.yaml")]
    public void Explanation_MatchesGoldenFiles(string example) =>
        MatchesGoldenFiles(RecommendExample(example), Path.GetFileNameWithoutExtension(example));

    /// <summary>The same for a small rule set with review flags: flags that fired, and possible ones.</summary>
    [Fact]
    public void Explanation_WithReviewFlags_MatchesGoldenFiles()
    {
        var rules = RuleSet.Load([new RuleSource("flags.yaml", ReviewFlagTests.Rules)]);

        MatchesGoldenFiles(rules.Recommend(Assessment.Parse("score: 6\npregnant: true\n", rules)), "review-flags");
    }

    private static void MatchesGoldenFiles(Recommendation rec, string name)
    {
        var sha = rec.RuleSet.Sha256;
        var dir = Path.Combine(TestSupport.RepoRoot, "tests", "Placement.Tests", "Explanations", "golden");
        foreach (var (ext, actual) in new[] { ("txt", rec.Explain().ToText()), ("md", rec.Explain().ToMarkdown()) })
        {
            var masked = actual.Replace(sha, "<sha256>", StringComparison.Ordinal);
            var path = Path.Combine(dir, $"{name}.{ext}");
            if (Environment.GetEnvironmentVariable("PLACEMENT_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(path, masked);
            }

            masked.Should().Be(File.ReadAllText(path), $"{path} is the reviewed output; rerun with PLACEMENT_UPDATE_GOLDEN=1 after an intended change");
        }
    }

    [Fact]
    public void ToText_SaysLevelReasonsWithValuesWhyNotHigherRuleSetAndDisclaimer()
    {
        var rec = RecommendExample("medically-monitored-inpatient.yaml");

        var text = rec.Explain().ToText();

        text.Should().StartWith("Status: RECOMMENDED");
        text.Should().Contain("Level of care: Inpatient, medically monitored [asam3 3.7, asam4 3.7]");
        text.Should().Contain("[P5] Withdrawal management must be at least medically_monitored");
        text.Should().Contain("[W2] A CIWA-Ar of 21 (19 or more) in alcohol withdrawal is severe withdrawal.");
        text.Should().Contain("Why not Inpatient, medically managed:");
        text.Should().Contain("Risk of harm to self or others is plan or intent: not met (Risk of harm to self or others: none)");
        text.Should().Contain($"Rule set: adult-sud-placement 1.0.0, sha256 {rec.RuleSet.Sha256}");
        text.TrimEnd().Should().EndWith("This recommendation supports, and does not replace, clinical judgement.");
    }

    [Fact]
    public void ToText_Provisional_ListsWhatIsMissingAndWhatItCouldRaise()
    {
        var text = RecommendExample("provisional.yaml").Explain().ToText();

        text.Should().StartWith("Status: PROVISIONAL");
        text.Should().Contain("Level of care cannot be determined yet: at least Standard outpatient, up to Inpatient, medically monitored.");
        text.Should().Contain("  Up to: Inpatient, medically monitored");
        text.Should().Contain("Ask first: ");
        text.Should().Contain("- Overnight support: alone could raise Level of care to at least Residential, clinically managed, Withdrawal management to at least Residential withdrawal management, clinically managed");
    }

    [Fact]
    public void ToJson_HasTheDocumentedShape()
    {
        var rec = RecommendExample("provisional.yaml");

        using var doc = JsonDocument.Parse(rec.Explain().ToJson());
        var root = doc.RootElement;

        root.GetProperty("status").GetString().Should().Be("provisional");
        var ruleSet = root.GetProperty("ruleSet");
        (ruleSet.GetProperty("id").GetString(), ruleSet.GetProperty("version").GetString(), ruleSet.GetProperty("sha256").GetString())
            .Should().Be(("adult-sud-placement", "1.0.0", rec.RuleSet.Sha256));
        var wm = root.GetProperty("decisions").GetProperty("withdrawal_management");
        wm.GetProperty("determined").GetBoolean().Should().BeFalse();
        wm.TryGetProperty("level", out _).Should().BeFalse("a level is never shown as decided when it is not");
        wm.GetProperty("floor").GetProperty("id").GetString().Should().Be("ambulatory_extended");
        wm.GetProperty("ceiling").GetProperty("id").GetString().Should().Be("medically_monitored");
        wm.GetProperty("floor").GetProperty("name").GetString().Should().Be("Ambulatory withdrawal management with extended monitoring");
        wm.GetProperty("floor").GetProperty("category").ValueKind.Should().Be(JsonValueKind.Null);
        var because = wm.GetProperty("because").EnumerateArray().Should().ContainSingle().Subject;
        because.GetProperty("rule").GetString().Should().Be("M6");
        because.GetProperty("text").GetString().Should().Contain("moderate");
        because.GetProperty("source").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("decisions").GetProperty("level_of_care").GetProperty("floor").GetProperty("category").GetString().Should().Be("outpatient");
        var severity = root.GetProperty("facts").GetProperty("withdrawal_severity");
        (severity.GetProperty("floor").GetString(), severity.GetProperty("ceiling").GetString()).Should().Be(("moderate", "moderate"));
        root.GetProperty("firedRules").EnumerateArray().Select(e => e.GetString()).Should().Equal(rec.FiredRules);
        root.GetProperty("mayFireRules").EnumerateArray().Select(e => e.GetString()).Should().Equal(rec.MayFireRules);
        var night = root.GetProperty("missing").EnumerateArray().Single(m => m.GetProperty("criterion").GetString() == "night_support");
        night.GetProperty("couldRaise").GetProperty("level_of_care").GetString().Should().Be("residential");
        root.GetProperty("notes").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void ToMarkdown_HasSummaryTableAndDisclaimer()
    {
        var md = RecommendExample("residential.yaml").Explain().ToMarkdown();

        md.Should().StartWith("# Placement recommendation (recommended)");
        md.Should().Contain("| Level of care | **Residential, clinically managed** (`residential`) | Residential, clinically managed (`residential`) | Residential, clinically managed (`residential`) |");
        md.Should().Contain("- **P11** The home is unsafe and relapse risk is high");
        md.Should().Contain("*This recommendation supports, and does not replace, clinical judgement.*");
    }

    [Fact]
    public void Notes_FromFiredRulesAreAttached()
    {
        var rec = TestSupport.Recommend("withdrawal_substance=opioid, readiness_risk=high");

        rec.Notes.Should().Equal(
            "Low readiness to change alone does not call for more intensive care; use motivational approaches at this level.",
            "Offer medication for opioid use disorder; buprenorphine is usually started once the COWS is 8 or more.");
    }
}
