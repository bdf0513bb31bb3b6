using Placement.Explanations;

namespace Placement.Tests.DefaultRules2;

/// <summary>
/// The explanation a clinician reads for every example of the default rule set, as text and
/// Markdown: golden files in tests/Placement.Tests/DefaultRules2/golden, reviewed like code (the
/// sha256 is masked). Set PLACEMENT_UPDATE_GOLDEN=1 to rewrite them after an intended change, and
/// read the diff as a clinician would.
/// </summary>
public sealed class GoldenExplanationTests
{
    public static TheoryData<string> Examples => new(
        Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "rules", "examples"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ExplanationMatchesItsReviewedGoldenFiles(string example)
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", example));
        var rec = rules.Recommend(Assessment.Parse(text, rules, example));
        var dir = Path.Combine(TestSupport.RepoRoot, "tests", "Placement.Tests", "DefaultRules2", "golden");
        foreach (var (ext, actual) in new[] { ("txt", rec.Explain().ToText()), ("md", rec.Explain().ToMarkdown()) })
        {
            var masked = actual.Replace(rec.RuleSet.Sha256, "<sha256>", StringComparison.Ordinal);
            var path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(example)}.{ext}");
            if (Environment.GetEnvironmentVariable("PLACEMENT_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(path, masked);
            }

            masked.Should().Be(File.ReadAllText(path), $"{path} is the reviewed output; rerun with PLACEMENT_UPDATE_GOLDEN=1 after an intended change");
        }
    }
}

/// <summary>While required answers are missing, the standard explanation is short enough to read at a glance; the full form keeps every rule.</summary>
public sealed class ShortInsufficientFormTests
{
    private static Recommendation PhoneScreen()
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", "phone-screen-insufficient.yaml"));
        return rules.Recommend(Assessment.Parse(text, rules, "phone-screen-insufficient.yaml"));
    }

    [Fact]
    public void Insufficient_StandardText_IsShortAndLeadsWithWhatToAsk()
    {
        var rec = PhoneScreen();
        rec.Status.Should().Be(RecommendationStatus.Insufficient);
        var text = rec.Explain().ToText();
        var full = rec.Explain().ToText(ExplanationDetail.Full);

        text.Split('\n').Length.Should().BeLessThan(45, "a phone screen with required answers missing is read at a glance");
        full.Split('\n').Length.Should().BeGreaterThan(100);
        text.Should().Contain("Ask first: Risk of harm to self or others").And.Contain("What the answers so far establish:")
            .And.Contain("[M15] Moderate withdrawal").And.Contain("Missing information:").And.Contain("- Pregnant (required): alone could raise")
            .And.NotContain("Could change once known").And.NotContain("Why not").And.NotContain("[rules ");
        full.Should().Contain("Could change once known").And.Contain("Why not").And.Contain("[rules ");

        // Nothing a clinician must see is dropped from the short form: every flag, note, level range and missing answer.
        foreach (var flag in rec.PossibleFlags.Concat(rec.Flags)) text.Should().Contain(flag.Text);
        foreach (var note in rec.Notes) text.Should().Contain(note);
        foreach (var m in rec.Missing) text.Should().Contain("  - " + m.Criterion.Label);
        foreach (var d in rec.Decisions.Values) text.Should().Contain($"{d.Decision.Label} cannot be determined yet: at least {d.Floor.Name}, up to {d.Ceiling.Name}.");
    }

    [Fact]
    public void Insufficient_StandardMarkdown_IsShortAndFullKeepsTheRules()
    {
        var rec = PhoneScreen();
        var md = rec.Explain().ToMarkdown();
        var full = rec.Explain().ToMarkdown(ExplanationDetail.Full);

        md.Should().Contain("## What the answers so far establish").And.NotContain("Could change once missing information is known")
            .And.Contain("required answers are missing (Risk of harm to self or others");
        full.Should().Contain("Could change once missing information is known").And.Contain("| Rules |");
    }

    [Fact]
    public void Recommended_StandardText_StillExplainsWhyNot()
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", "iop.yaml"));
        var rec = rules.Recommend(Assessment.Parse(text, rules, "iop.yaml"));

        rec.Explain().ToText().Should().Contain("Why not").And.NotContain("What the answers so far establish");
    }
}

/// <summary>With several substances, the explanation shows how each withdrawal was judged, not only the worst.</summary>
public sealed class AlsoFoundTests
{
    [Fact]
    public void Polysubstance_ShowsTheOpioidFindingBesideTheSevereAlcoholWithdrawal_ButNotLowerBandsOfTheSameScore()
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", "polysubstance.yaml"));
        var rec = rules.Recommend(Assessment.Parse(text, rules, "polysubstance.yaml"));

        var severity = rec.Facts["withdrawal_severity"];
        severity.Floor.Should().Be("severe");
        severity.DerivedBy.Should().Equal("W2");
        severity.AlsoFound.Select(r => r.Rule).Should().Equal("W7");
        rec.Explain().ToText().Should().Contain("    - also [W7] Physical dependence on opioids").And.NotContain("also [W3]");
    }

    [Fact]
    public void NeedsOutweighedByAHigherLevel_AreStillListed_ButNotLowerBandsOfTheSameRating()
    {
        var rules = RuleSet.LoadDefault();
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "rules", "examples", "physical-health-high.yaml"))
            .Replace("psychiatric_risk: low", "psychiatric_risk: moderate", StringComparison.Ordinal)
            .Replace("relapse_risk: low", "relapse_risk: high", StringComparison.Ordinal)
            .Replace("home_stability: stable", "home_stability: unstable", StringComparison.Ordinal);
        var rec = rules.Recommend(Assessment.Parse(text, rules));

        var after = rec.Decisions["level_after_withdrawal"];
        after.Floor.Id.Should().Be("medically_monitored_inpatient");
        after.Because.Select(r => r.Rule).Should().Equal("A4");
        after.AlsoFound.Select(r => r.Rule).Should().Contain("A13", "the relapse, home and mental health needs are part of the plan at any level")
            .And.NotContain("A17", "a moderate physical health rating is a lower band of the high one already shown");
        rec.Explain().ToText().Should().Contain("  Also needed, met at this level:\n    - [A13] ");
    }
}
