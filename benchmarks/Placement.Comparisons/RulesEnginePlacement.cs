using RulesEngine.Models;

namespace Placement.Comparisons;

/// <summary>
/// The default rule set as Microsoft RulesEngine workflows: one per stratum (withdrawal severity
/// and complication risk, then withdrawal management, then level of care), each rule's
/// SuccessEvent holding the level it requires, and C# glue taking the maximum between strata.
/// Expressions follow the 1.0.0 rule table literally, including the '==' of its specification
/// (docs/clinical/default-rules.md, "Changes from the original specification").
/// </summary>
public sealed class RulesEnginePlacement
{
    private readonly global::RulesEngine.RulesEngine _engine;

    public RulesEnginePlacement()
    {
        var workflows = new[]
        {
            Workflow("severity",
                ("W1", "a.WithdrawalComplicated", 4),
                ("W2", "(a.Substance == 1 || a.Substance == 2) && a.Ciwa >= 19", 3),
                ("W3", "(a.Substance == 1 || a.Substance == 2) && a.Ciwa >= 10", 2),
                ("W4", "a.Substance == 1 || a.Substance == 2 || a.Substance == 3", 1),
                ("W5", "a.Substance == 3 && a.Cows >= 25", 3),
                ("W6", "a.Substance == 3 && a.Cows >= 13", 2)),
            Workflow("complication",
                ("C1", "a.HistorySeizureOrDt && (a.Substance == 1 || a.Substance == 2)", 1),
                ("C2", "a.Substance == 1 && a.Pawss >= 4", 1)),
            Workflow("withdrawal",
                ("M1", "f.Severity == 4", 5),
                ("M2", "f.Severity == 3", 4),
                ("M3", "f.Severity >= 1 && f.ComplicationRisk", 4),
                ("M4", "f.Severity == 2 && (a.Biomedical >= 2 || a.Psychiatric >= 2 || a.Pregnant)", 4),
                ("M5", "f.Severity >= 2 && (!a.NightSupport || a.Home == 2)", 3),
                ("M6", "f.Severity >= 2", 2),
                ("M7", "f.Severity >= 1", 1)),
            Workflow("level",
                ("P1", "a.Harm == 2", 5),
                ("P2", "a.Psychiatric == 4", 5),
                ("P3", "a.Biomedical == 4", 5),
                ("P4", "f.Wm == 5", 5),
                ("P5", "f.Wm == 4", 4),
                ("P6", "a.Biomedical == 3", 4),
                ("P7", "((f.Severity >= 3 ? 1 : 0) + (a.Biomedical >= 3 ? 1 : 0) + (a.Psychiatric >= 3 ? 1 : 0)) >= 1 && " +
                       "((f.Severity >= 3 ? 1 : 0) + (a.Biomedical >= 3 ? 1 : 0) + (a.Psychiatric >= 3 ? 1 : 0) + " +
                       "(a.Readiness >= 3 ? 1 : 0) + (a.Relapse >= 3 ? 1 : 0) + (a.Home == 2 ? 1 : 0)) >= 2", 4),
                ("P8", "a.Psychiatric == 3", 3),
                ("P9", "f.Wm == 3", 3),
                ("P10", "a.Relapse >= 3 && a.FailedLowerLevel", 3),
                ("P11", "a.Home == 2 && a.Relapse >= 2", 3),
                ("P12", "a.Psychiatric == 2", 1),
                ("P13", "a.Relapse == 4", 2),
                ("P14", "((a.Readiness >= 2 ? 1 : 0) + (a.Relapse >= 2 ? 1 : 0) + (a.Home != 0 ? 1 : 0)) >= 2 && " +
                        "(a.Biomedical >= 2 || a.Psychiatric >= 2 || f.Severity >= 2)", 2),
                ("P15", "a.Relapse >= 2", 1),
                ("P16", "a.Home != 0", 1),
                ("P17", "a.Biomedical == 2", 1),
                ("P18", "a.StepDown == 1 || a.StepDown == 2", 1),
                ("P19", "a.Harm == 1", 1)),
        };
        _engine = new global::RulesEngine.RulesEngine(workflows, new ReSettings());
    }

    /// <summary>Facts passed between strata.</summary>
    public sealed class Facts
    {
        public int Severity { get; set; }

        public bool ComplicationRisk { get; set; }

        public int Wm { get; set; }
    }

    public (int LevelOfCare, int WithdrawalManagement) Recommend(CaseInput c)
    {
        var a = new RuleParameter("a", c);
        var facts = new Facts
        {
            Severity = Max("severity", a),
            ComplicationRisk = Max("complication", a) > 0,
        };
        var f = new RuleParameter("f", facts);
        facts.Wm = Max("withdrawal", a, f);
        var loc = Max("level", a, new RuleParameter("f", facts));
        return (loc, facts.Wm);
    }

    private int Max(string workflow, params RuleParameter[] inputs)
    {
        var results = _engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();
        var max = 0;
        foreach (var r in results)
        {
            if (r.IsSuccess) max = Math.Max(max, int.Parse(r.Rule.SuccessEvent, System.Globalization.CultureInfo.InvariantCulture));
        }

        return max;
    }

    private static Workflow Workflow(string name, params (string Id, string Expression, int Level)[] rules) => new()
    {
        WorkflowName = name,
        Rules = rules.Select(r => new Rule
        {
            RuleName = r.Id,
            Expression = r.Expression,
            SuccessEvent = r.Level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RuleExpressionType = RuleExpressionType.LambdaExpression,
        }).ToList(),
    };
}
