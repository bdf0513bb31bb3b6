using Placement.Documentation;
using Placement.Explanations;

namespace Placement.Tests.Documentation;

public sealed class RuleSetDocumentTests
{
    [Fact]
    public void ToMarkdown_HasVersionHashRuleTablesInWordsAndCriteria()
    {
        var rules = TestSupport.Rules;

        var md = RuleSetDocument.ToMarkdown(rules);

        md.Should().Contain($"| sha256 | `{rules.Sha256}` |").And.Contain("| Version | 1.0.0 |");
        md.Should().Contain("## Level of care (`level_of_care`)");
        md.Should().Contain("| W2 Severe alcohol or sedative withdrawal | Withdrawal substance (`withdrawal_substance`) is one of alcohol, sedative and CIWA-Ar score (`ciwa_ar`) is at least 19 | `severe` |");
        md.Should().Contain("at least 2 of: Readiness to change (dimension 4) (`readiness_risk`) is at least moderate;");
        md.Should().Contain("| `ciwa_ar` | CIWA-Ar score | 0 to 67 | more risk |");
        md.Should().Contain("| `night_support` | Overnight support | false, true | less risk |");
        foreach (var rule in rules.Rules) md.Should().Contain($"| {rule.Id} ");
    }

    [Fact]
    public void RuleTracer_ShowsEachPartWithItsVerdictAndValues()
    {
        var rec = TestSupport.Recommend("readiness_risk=moderate, relapse_risk=moderate, psychiatric_risk=?");

        var trace = RuleTracer.Trace(rec, "P14");

        trace.Outcome.Should().Be(RuleOutcome.MayFire);
        trace.ToText().Should().Contain("[true] readiness_risk >= moderate   (readiness_risk = moderate)")
            .And.Contain("[false] home_stability != stable   (home_stability = stable)")
            .And.Contain("[unknown] psychiatric_risk >= moderate   (psychiatric_risk = unknown)")
            .And.Contain("Action: level_of_care >= php");
    }

    [Fact]
    public void RuleTracer_UnknownRule_ThrowsWithSuggestion()
    {
        var act = () => RuleTracer.Trace(TestSupport.Recommend(""), "P41");

        act.Should().Throw<ArgumentException>().WithMessage("'P41' is not a rule of rule set adult-sud-placement; did you mean 'P4', 'P1' or 'P11'?*");
    }
}
