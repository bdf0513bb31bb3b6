using Placement.Diagnostics;
using Placement.Engine;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Loads rule files into a compiled rule set, in six stages read top to bottom:
/// <list type="number">
/// <item><see cref="ReadSourcesStage"/>: each file's YAML, keeping positions.</item>
/// <item><see cref="DeclarationStage"/>: the header, types, criteria, facts and decisions.</item>
/// <item><see cref="BindRulesStage"/>: each rule's condition, actions and texts, and each criterion's
/// <c>required</c> condition, bound to the declarations.</item>
/// <item><see cref="MigrationStage"/>: the <c>migrations:</c> of answers from earlier versions, checked against the criteria.</item>
/// <item><see cref="StratifyStage"/>: the evaluation order; cycles are errors.</item>
/// <item><see cref="CompileStage"/>: one compiled program.</item>
/// </list>
/// Every stage runs even when an earlier one found errors, so every problem is reported at once;
/// a rule set with any error is never compiled.
/// </summary>
internal static class RuleSetLoader
{
    /// <summary>The compiled rule set (null when there was any error) and every diagnostic, sorted.</summary>
    public static (CompiledRuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics) Load(IReadOnlyList<SourceText> sources)
    {
        var diagnostics = new DiagnosticBag();
        var files = ReadSourcesStage.Run(sources, diagnostics, out var overLimit);
        if (overLimit) return (null, diagnostics.Sorted());
        var (header, model, requiredWhen) = DeclarationStage.Run(files, sources, diagnostics);
        var budget = new BindRulesStage.ConditionBudget();
        var requirements = BindRulesStage.BindRequirements(model, requiredWhen, diagnostics, budget);
        var rules = BindRulesStage.Run(files, model, diagnostics, budget);
        var migrations = MigrationStage.Run(files, model, diagnostics);
        if (!diagnostics.HasErrors && model.Decisions.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.MissingProperty, new SourceLocation(sources.Count > 0 ? sources[0].Path : "(none)", 1, 1),
                "the rule set declares no decisions; declare at least one under 'decisions:'");
        }

        var order = StratifyStage.Run(rules, diagnostics);
        if (diagnostics.HasErrors || header is not { } h || order is null) return (null, diagnostics.Sorted());

        var identity = new RuleSetHeader(h.Id, h.Version, h.Title, h.Description, RuleFiles.Hash(sources));
        return (CompileStage.Run(identity, model, order, requirements, migrations), diagnostics.Sorted());
    }
}
