using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Engine;

/// <summary>A rule ready to run: its condition compiled once, its actions as slot/value pairs.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(Rule model, string conditionText, BoundExpr condition, Func<int[], int> evaluate, TextTemplate? because, TextTemplate? note, int declarationIndex)
    {
        Model = model;
        ConditionText = conditionText;
        Condition = condition;
        Evaluate = evaluate;
        Because = because;
        Note = note;
        DeclarationIndex = declarationIndex;
        TargetSlots = model.Actions.Select(a => a.Target.Slot).ToArray();
        TargetValues = model.Actions.Select(a => a.Value).ToArray();
    }

    public Rule Model { get; }

    /// <summary>The condition exactly as in the file; syntax offsets point into it.</summary>
    public string ConditionText { get; }

    public BoundExpr Condition { get; }

    /// <summary>0 false, 1 unknown (may fire), 2 true (fires).</summary>
    public Func<int[], int> Evaluate { get; }

    public TextTemplate? Because { get; }

    public TextTemplate? Note { get; }

    public int DeclarationIndex { get; }

    public int[] TargetSlots { get; }

    public int[] TargetValues { get; }
}
