using Placement.Engine;
using Placement.Language.Compilation;
using Placement.Model;

namespace Placement.Loading;

/// <summary>
/// Stage 5: the rules in evaluation order compiled into one program over the evaluation state, and
/// the compiled rule set that evaluation runs.
/// </summary>
internal static class CompileStage
{
    public static CompiledRuleSet Run(RuleSetHeader header, RuleSetModel model, CompiledRule[] evaluationOrder, IReadOnlyList<Requirement> requirements, IReadOnlyDictionary<string, Migration> migrations)
    {
        var program = ConditionCompiler.CompileProgram(CompiledRuleSet.ProgramRules(evaluationOrder), model.SlotCount);
        return new CompiledRuleSet(header, model, evaluationOrder, program, requirements, Monotonicity.Of(model, evaluationOrder), migrations);
    }
}
