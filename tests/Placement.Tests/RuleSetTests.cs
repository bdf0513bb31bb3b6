using Placement.Explanations;
using Placement.Model;

namespace Placement.Tests;

/// <summary>
/// The embedded default rule set (2.0.0 since the switch) and the contract of rule set 1.0.0 (the
/// test fixture the engine tests use) with assessments and other tools. The 2.0 contract is
/// tested in DefaultRules2.
/// </summary>
public sealed class RuleSetTests
{
    [Fact]
    public void Rules10Fixture_DecisionsAndLevels_AreExactlyTheContractIds()
    {
        var rules = TestSupport.Rules;

        rules.Id.Should().Be("adult-sud-placement");
        rules.Decisions.Select(d => d.Id).Should().Equal("level_of_care", "withdrawal_management");
        rules.FindDecision("level_of_care")!.Levels.Select(l => (l.Id, l.Category)).Should().Equal(
            ("outpatient", "outpatient"), ("iop", "iop"), ("php", "php"), ("residential", "inpatient"),
            ("medically_monitored_inpatient", "inpatient"), ("medically_managed_inpatient", "inpatient"));
        rules.FindDecision("level_of_care")!.Default.Id.Should().Be("outpatient");
        rules.FindDecision("withdrawal_management")!.Levels.Select(l => l.Id).Should().Equal(
            "none", "ambulatory", "ambulatory_extended", "residential", "medically_monitored", "medically_managed");
        rules.FindDecision("withdrawal_management")!.Default.Id.Should().Be("none");
    }

    [Fact]
    public void Rules10Fixture_Criteria_AreExactlyTheContractIdsAndTypes()
    {
        var rules = TestSupport.Rules;
        const string rating = "none, low, moderate, high, severe";

        rules.Criteria.Select(c => $"{c.Id}: {Describe(c.Domain)}").Should().Equal(
            "withdrawal_substance: none, alcohol, sedative, opioid, stimulant, cannabis, other",
            "ciwa_ar: 0..67",
            "cows: 0..48",
            "pawss: 0..10",
            "withdrawal_complicated: boolean",
            "history_withdrawal_seizure_or_dt: boolean",
            $"biomedical_risk: {rating}",
            "pregnant: boolean",
            $"psychiatric_risk: {rating}",
            "harm_risk: none, ideation, plan_or_intent",
            $"readiness_risk: {rating}",
            $"relapse_risk: {rating}",
            "failed_lower_level: boolean",
            "home_stability: stable, unstable, unsafe",
            "night_support: boolean",
            "step_down_from: none, php, inpatient");
        rules.Facts.Select(f => $"{f.Id}: {Describe(f.Domain)} = {f.Default}").Should().Equal(
            "withdrawal_severity: none, mild, moderate, severe, complicated = none",
            "complication_risk: boolean = false",
            "co_occurring_enhanced: boolean = false");
    }

    [Fact]
    public void Rules10Fixture_HasEveryRuleOfTheSpecificationWithReasonAndSource()
    {
        var rules = TestSupport.Rules;
        var expected = new[] { "W1", "W2", "W3", "W4", "W5", "W6", "C1", "C2", "M1", "M2", "M3", "M4", "M5", "M6", "M7" }
            .Concat(Enumerable.Range(1, 19).Select(i => $"P{i}"))
            .Concat(["S1", "N1", "N2", "N3"]);

        rules.Rules.Select(r => r.Id).Should().BeEquivalentTo(expected);
        rules.Rules.Should().OnlyContain(r => r.Source != null);
        rules.Rules.Should().OnlyContain(r => r.Actions.Count == 0 ? r.Note != null : r.Because != null);
        rules.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void LoadDefault_HashIsTheSameAsLoadingTheRulesFolderFromDisk()
    {
        var fromDisk = RuleSet.Load(Path.Combine(TestSupport.RepoRoot, "rules"));

        fromDisk.Sha256.Should().Be(RuleSet.LoadDefault().Sha256).And.MatchRegex("^[0-9a-f]{64}$");
        fromDisk.Rules.Select(r => r.Id).Should().Equal(RuleSet.LoadDefault().Rules.Select(r => r.Id));
    }

    [Fact]
    public void Sha256_ChangesWhenAnyRuleTextChanges()
    {
        var sources = RuleSet.DefaultSources();
        var changed = sources.Select(s => s.Name.EndsWith("withdrawal.yaml", StringComparison.Ordinal)
            ? s with { Text = s.Text.Replace("ciwa_ar >= 19", "ciwa_ar >= 20", StringComparison.Ordinal) }
            : s).ToArray();

        RuleSet.Load(changed).Sha256.Should().NotBe(RuleSet.Load(sources).Sha256);
    }

    [Fact]
    public void Recommend_FromManyThreads_GivesTheSameResults()
    {
        var rules = TestSupport.Rules;
        var assessments = Enumerable.Range(0, 200)
            .Select(i => Engine.MissingDataTests.RandomAssessment(rules, new Random(i)).Build())
            .ToArray();
        var sequential = assessments.Select(a => rules.Recommend(a).Explain().ToJson()).ToArray();

        var parallel = new string[assessments.Length];
        Parallel.For(0, assessments.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = rules.Recommend(assessments[i]).Explain().ToJson());

        parallel.Should().Equal(sequential);
    }

    private static string Describe(ValueDomain d) => d.Kind switch
    {
        ValueKind.Boolean => "boolean",
        ValueKind.Integer => $"{d.Min}..{d.Max}",
        _ => string.Join(", ", d.Values),
    };
}
