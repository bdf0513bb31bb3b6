using Placement.Diagnostics;
using Placement.Engine;
using Placement.Language.Binding;
using Placement.Language.Parsing;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Stage 3: every rule of every file, read and bound against the declarations — its condition
/// parsed and type-checked, its <c>set</c> and <c>require</c> targets and values resolved, its
/// <c>because</c>, <c>note</c> and <c>flag</c> texts checked for placeholders. Rules are numbered
/// in declaration order.
/// </summary>
internal sealed class BindRulesStage
{
    private readonly DiagnosticBag _diagnostics;
    private readonly ConditionBudget _budget;

    private BindRulesStage(DiagnosticBag diagnostics, ConditionBudget budget)
    {
        _diagnostics = diagnostics;
        _budget = budget;
    }

    /// <summary>
    /// What the conditions of one rule set have used of <see cref="PlacementLimits.MaxConditionCharacters"/>
    /// and <see cref="PlacementLimits.MaxConditionNodes"/>, across rules and <c>required:</c> conditions.
    /// Past either, one error is reported and no further condition is parsed.
    /// </summary>
    public sealed class ConditionBudget
    {
        public int Characters { get; set; }

        public int Nodes { get; set; }

        public bool Exceeded { get; set; }
    }

    /// <summary>
    /// The conditions of conditionally required criteria (<c>required: &lt;condition&gt;</c>), bound like
    /// rule conditions; with the always-required criteria, in declaration order.
    /// </summary>
    public static IReadOnlyList<Requirement> BindRequirements(
        RuleSetModel model, IReadOnlyList<(Criterion Criterion, YScalar Condition)> requiredWhen, DiagnosticBag diagnostics, ConditionBudget budget)
    {
        var stage = new BindRulesStage(diagnostics, budget);
        var conditions = new Dictionary<Criterion, BoundExpr?>();
        foreach (var (criterion, node) in requiredWhen) conditions[criterion] = stage.BindCondition(node, model.Symbols, model.Poisoned);
        var requirements = new List<Requirement>();
        foreach (var criterion in model.Criteria)
        {
            if (criterion.IsRequired) requirements.Add(new Requirement(criterion, null));
            else if (conditions.TryGetValue(criterion, out var when) && when is not null) requirements.Add(new Requirement(criterion, when));
        }

        return requirements;
    }

    public static IReadOnlyList<CompiledRule> Run(IReadOnlyList<YMapping> files, RuleSetModel model, DiagnosticBag diagnostics, ConditionBudget budget)
    {
        var stage = new BindRulesStage(diagnostics, budget);
        var rules = new List<CompiledRule>();
        var ruleIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var list = MappingReader.As<YSequence>(file["rules"], "rules", diagnostics);
            if (list is null) continue;
            foreach (var item in list.Items)
            {
                var rule = stage.ReadRule(item, model, ruleIds, rules.Count);
                if (rule is not null) rules.Add(rule);
            }
        }

        return rules;
    }

    private CompiledRule? ReadRule(YNode item, RuleSetModel declarations, Dictionary<string, SourceLocation> ruleIds, int index)
    {
        var symbols = declarations.Symbols;
        var poisoned = declarations.Poisoned;
        var slotCount = declarations.SlotCount;
        var map = MappingReader.As<YMapping>(item, "a rule", _diagnostics);
        if (map is null) return null;
        var idNode = map["id"] as YScalar;
        var what = idNode is null ? "a rule" : $"rule '{idNode.Value}'";
        var reader = new MappingReader(map, what, _diagnostics, "id", "title", "when", "set", "require", "because", "note", "flag", "source");
        idNode = reader.Scalar("id", required: true);
        var ok = idNode is not null;
        if (idNode is not null)
        {
            if (idNode.Value.Length > PlacementLimits.MaxIdLength)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidId, idNode.Start, $"the rule id is longer than {PlacementLimits.MaxIdLength} characters, the limit");
                ok = false;
            }
            else if (!FieldReaders.IsRuleId(idNode.Value))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidId, idNode.Start,
                    $"'{idNode.Value}' is not a valid rule id; use letters, digits, '_', '-' and '.', starting with a letter");
                ok = false;
            }
            else if (ruleIds.TryGetValue(idNode.Value, out var previous))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, idNode.Start, $"rule id '{idNode.Value}' is already used at {previous}");
                ok = false;
            }
            else
            {
                ruleIds[idNode.Value] = idNode.Start;
            }
        }

        var whenNode = reader.Scalar("when", required: true);
        BoundExpr? condition = null;
        if (whenNode is not null)
        {
            condition = BindCondition(whenNode, symbols, poisoned);
            if (condition is not null && Overflow.Possible(condition))
            {
                _diagnostics.Error(DiagnosticCodes.ArithmeticOverflow, whenNode.LocationAt(0),
                    "the arithmetic in this condition can exceed the range of whole numbers (about ±2.1 billion) for the declared ranges; narrow the criteria's min and max");
                condition = null;
            }

            ok &= condition is not null;
        }

        var actions = new List<RuleAction>();
        ok &= ReadActions(reader.Map("set"), "set", symbols, poisoned, actions);
        ok &= ReadActions(reader.Map("require"), "require", symbols, poisoned, actions);

        var becauseNode = reader.Scalar("because");
        var noteNode = reader.Scalar("note");
        var flagNode = reader.Scalar("flag");
        var source = reader.Text("source");
        var because = becauseNode is null ? null : ReadTemplate(becauseNode, symbols, poisoned, ref ok);
        var note = noteNode is null ? null : ReadTemplate(noteNode, symbols, poisoned, ref ok);
        var flag = flagNode is null ? null : ReadTemplate(flagNode, symbols, poisoned, ref ok);
        if (map["set"] is null && map["require"] is null && noteNode is null && flagNode is null)
        {
            _diagnostics.Error(DiagnosticCodes.RuleWithoutAction, map.Start, $"{what} does nothing; give it 'set', 'require', 'note' or 'flag'");
            ok = false;
        }
        else if (actions.Count > 0 && becauseNode is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingBecause, map.Start,
                $"{what} changes the result but has no 'because'; every recommendation must carry its reason");
            ok = false;
        }

        if (source is null && map["source"] is null && idNode is not null)
        {
            _diagnostics.Warning(DiagnosticCodes.MissingSource, idNode.Start, $"{what} has no 'source'; cite the guideline it comes from");
        }

        if (!ok || idNode is null || condition is null || whenNode is null) return null;
        var reads = BoundExprSymbols.Of(condition);
        var model = new Rule(idNode.Value, reader.Text("title"), whenNode.Value.Trim(), actions, becauseNode?.Value.Trim(), noteNode?.Value.Trim(), source, idNode.Start, reads,
            flagNode?.Value.Trim(), flag);
        return new CompiledRule(model, whenNode.Value, condition, slotCount, because, note, index);
    }

    private BoundExpr? BindCondition(YScalar when, IReadOnlyDictionary<string, Symbol> symbols, IReadOnlySet<string> poisoned)
    {
        var text = when.Value;
        if (_budget.Exceeded) return null; // reported once, where the limit was passed
        // A condition over its own limit is refused by the parser, before it counts here.
        if (text.Length <= ConditionParser.MaxLength) _budget.Characters += text.Length;
        if (_budget.Characters > PlacementLimits.MaxConditionCharacters)
        {
            _budget.Exceeded = true;
            _diagnostics.Error(DiagnosticCodes.LimitExceeded, when.Start,
                $"the conditions of the rule set hold more than {PlacementLimits.MaxConditionCharacters} characters in all, the limit; no further condition was read (see docs/limits.md)");
            return null;
        }

        if (!ConditionParser.TryParse(text, out var expr, out var error, out var offset, out var suggestion))
        {
            _diagnostics.Error(DiagnosticCodes.ConditionSyntax, when.LocationAt(offset), "invalid condition: " + error, suggestion);
            return null;
        }

        var binder = new ConditionBinder(symbols, (code, at, message, suggestion) =>
            _diagnostics.Error(code, when.LocationAt(at), message, suggestion), poisoned);
        var bound = binder.BindCondition(expr!);
        if (bound is null) return null;
        _budget.Nodes += BoundExprSymbols.Descendants(bound).Count();
        if (_budget.Nodes > PlacementLimits.MaxConditionNodes)
        {
            // Compiling costs time and memory by the node: a bound on the nodes is a bound on both.
            _budget.Exceeded = true;
            _diagnostics.Error(DiagnosticCodes.LimitExceeded, when.Start,
                $"the conditions of the rule set have more than {PlacementLimits.MaxConditionNodes} parts in all (names, numbers and operators), the limit; no further condition was read (see docs/limits.md)");
            return null;
        }

        return bound;
    }

    private bool ReadActions(YMapping? map, string kind, IReadOnlyDictionary<string, Symbol> symbols, IReadOnlySet<string> poisoned, List<RuleAction> actions)
    {
        if (map is null) return true;
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!symbols.TryGetValue(key.Value, out var target))
            {
                ok = false;
                if (poisoned.Contains(key.Value)) continue; // its declaration's error is reported

                var candidates = symbols.Values.Where(s => kind == "set" ? s is Fact : s is Decision).Select(s => s.Id);
                var suggested = Suggestions.Find(key.Value, candidates);
                _diagnostics.Error(DiagnosticCodes.UnknownIdentifier, key.Start,
                    $"'{key.Value}' is not a declared {(kind == "set" ? "fact" : "decision")}{suggested.DidYouMean}", suggested.Best);
                continue;
            }

            if (kind == "set" && target is not Fact)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidTarget, key.Start, target is Decision
                    ? $"'{key.Value}' is a decision; use 'require' to raise a decision"
                    : $"'{key.Value}' is a criterion, which comes from the assessment; rules can only set facts");
                ok = false;
                continue;
            }

            if (kind == "require" && target is not Decision)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidTarget, key.Start, target is Fact
                    ? $"'{key.Value}' is a fact; use 'set' to raise a fact"
                    : $"'{key.Value}' is a criterion, which comes from the assessment; rules can only require decisions");
                ok = false;
                continue;
            }

            var scalar = MappingReader.As<YScalar>(value, key.Value, _diagnostics);
            if (scalar is null)
            {
                ok = false;
                continue;
            }

            var ordinal = target.Domain.IndexOf(scalar.Value);
            if (ordinal < 0)
            {
                var suggested = Suggestions.Find(scalar.Value, target.Domain.Values);
                var noun = target is Decision ? "a level of" : "a value of";
                _diagnostics.Error(DiagnosticCodes.UnknownValue, scalar.Start,
                    $"'{scalar.Value}' is not {noun} {key.Value}{suggested.DidYouMean}; allowed: {Suggestions.List(target.Domain.Values)}",
                    suggested.Best);
                ok = false;
                continue;
            }

            actions.Add(new RuleAction(target, ordinal));
        }

        return ok;
    }

    private TextTemplate ReadTemplate(YScalar node, IReadOnlyDictionary<string, Symbol> symbols, IReadOnlySet<string> poisoned, ref bool ok)
    {
        var failed = false;
        var template = TextTemplate.Parse(
            node.Value,
            symbols,
            (offset, name) =>
            {
                failed = true;
                if (poisoned.Contains(name)) return; // its declaration's error is reported
                var suggested = Suggestions.Find(name, symbols.Keys);
                _diagnostics.Error(DiagnosticCodes.UnknownIdentifier, node.LocationAt(offset),
                    $"'{{{name}}}' in the text is not a declared criterion, fact or decision{suggested.DidYouMean}; write '{{{{' for a literal brace",
                    suggested.Best);
                failed = true;
            },
            offset =>
            {
                _diagnostics.Error(DiagnosticCodes.InvalidValue, node.LocationAt(offset), "'{' is not closed; write '{{' for a literal brace");
                failed = true;
            });
        ok &= !failed;
        return template;
    }
}
