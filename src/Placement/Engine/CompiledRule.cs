using Placement.Language.Binding;
using Placement.Language.Compilation;
using Placement.Model;

namespace Placement.Engine;

/// <summary>A rule ready to run: its bound condition, its actions as slot/value pairs, its texts.</summary>
internal sealed class CompiledRule
{
    private readonly Lazy<Func<int[], int>> _evaluate;
    private IReadOnlyList<Symbol>? _slots;

    public CompiledRule(Rule model, string conditionText, BoundExpr condition, int slotCount, TextTemplate? because, TextTemplate? note, int declarationIndex)
    {
        Model = model;
        ConditionText = conditionText;
        Condition = condition;
        _evaluate = new Lazy<Func<int[], int>>(() => ConditionCompiler.Compile(condition, slotCount), LazyThreadSafetyMode.ExecutionAndPublication);
        Because = because;
        Note = note;
        DeclarationIndex = declarationIndex;
        TargetSlots = model.Actions.Select(a => a.Target.Slot).ToArray();
        TargetValues = model.Actions.Select(a => a.Value).ToArray();
    }

    public Rule Model { get; }

    /// <summary>
    /// The symbols whose slots the condition reads: criteria, facts and decisions, with a set's
    /// members in place of the set (what analysis varies). <see cref="Rule.Reads"/> names the set.
    /// </summary>
    public IReadOnlyList<Symbol> Slots => _slots ??= BoundExprSymbols.SlotsOf(Condition);

    /// <summary>The condition exactly as in the file; syntax offsets point into it.</summary>
    public string ConditionText { get; }

    public BoundExpr Condition { get; }

    /// <summary>
    /// This rule's condition alone as a delegate, for analysis (check, verify, missing information):
    /// 0 false, 1 unknown (may fire), 2 true (fires). Compiled on first use; Recommend runs the whole
    /// rule set's single compiled program instead.
    /// </summary>
    public Func<int[], int> Evaluate => _evaluate.Value;

    public TextTemplate? Because { get; }

    public TextTemplate? Note { get; }

    public int DeclarationIndex { get; }

    public int[] TargetSlots { get; }

    public int[] TargetValues { get; }
}
