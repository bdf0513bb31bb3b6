using System.Globalization;
using Placement.Diagnostics;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Stage 2b: the <c>migrations:</c> sections, after the declarations they refer to. Each entry is
/// keyed by a criterion id of an earlier version of the rule set, which must no longer be declared,
/// and names the criterion that replaced it (<c>to</c>) and, optionally, what each old answer
/// becomes (<c>values</c>: a value of the target, or <c>ask</c> when the old answer cannot be mapped
/// and the question must be asked again). Every mapped value is checked against the target's type.
/// </summary>
internal sealed class MigrationStage
{
    /// <summary>The word that marks an old answer that cannot be mapped: the question is asked again.</summary>
    public const string Ask = "ask";

    private readonly DiagnosticBag _diagnostics;
    private readonly FieldReaders _fields;

    private MigrationStage(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _fields = new FieldReaders(diagnostics);
    }

    /// <summary>The valid migrations by old id; every problem is reported.</summary>
    public static IReadOnlyDictionary<string, Migration> Run(IReadOnlyList<YMapping> files, RuleSetModel model, DiagnosticBag diagnostics)
    {
        var stage = new MigrationStage(diagnostics);
        var migrations = new Dictionary<string, Migration>(StringComparer.Ordinal);
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var targets = new Dictionary<string, (string From, SourceLocation At)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var map = MappingReader.As<YMapping>(file["migrations"], "migrations", diagnostics);
            if (map is null) continue;
            foreach (var (key, value) in map.Entries)
            {
                if (!stage._fields.CheckId(key, "migrated criterion")) continue;
                if (seen.TryGetValue(key.Value, out var previous))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start, $"a migration of '{key.Value}' is already declared at {previous}");
                    continue;
                }

                seen[key.Value] = key.Start;
                var migration = stage.Read(key, value, model);
                if (migration is null) continue;
                if (targets.TryGetValue(migration.To.Id, out var other))
                {
                    diagnostics.Error(DiagnosticCodes.MigrationTarget, key.Start,
                        $"'{migration.To.Id}' is already the target of the migration of '{other.From}' at {other.At}; each criterion replaces at most one old criterion");
                    continue;
                }

                targets[migration.To.Id] = (key.Value, key.Start);
                migrations[key.Value] = migration;
            }
        }

        return migrations;
    }

    private Migration? Read(YScalar key, YNode value, RuleSetModel model)
    {
        var from = key.Value;
        var ok = true;
        if (model.Symbols.TryGetValue(from, out var still) || model.Poisoned.Contains(from))
        {
            var kind = still switch { Fact => "fact", Decision => "decision", _ => "criterion" };
            _diagnostics.Error(DiagnosticCodes.MigrationFromDeclared, key.Start,
                $"'{from}' is still a {kind} of this rule set, so answers to it need no migration; a migration is keyed by the id of a criterion that was removed or renamed");
            ok = false;
        }

        var map = MappingReader.As<YMapping>(value, from, _diagnostics);
        if (map is null) return null;
        var reader = new MappingReader(map, $"the migration of '{from}'", _diagnostics, "to", "values", "description");
        var toNode = reader.Scalar("to", required: true);
        var valuesNode = reader.Map("values");
        var description = reader.Text("description");
        var target = toNode is null ? null : Target(toNode, from, model);
        if (valuesNode is { Entries.Count: 0 })
        {
            _diagnostics.Error(DiagnosticCodes.MigrationValue, valuesNode.Start,
                $"the migration of '{from}' maps no values; list each old answer, or leave out 'values' to carry answers over unchanged");
            return null;
        }

        if (target is null || !ok) return null;
        if (valuesNode is null) return new Migration(from, target, null, key.Start) { Description = description };

        var values = new Dictionary<string, MigratedValue>(StringComparer.Ordinal);
        var fromValues = new List<string>();
        foreach (var (oldValue, newValue) in valuesNode.Entries)
        {
            var mapped = Value(target, newValue, from);
            if (mapped is null)
            {
                ok = false;
                continue;
            }

            values[oldValue.Value] = mapped.Value;
            fromValues.Add(oldValue.Value);
        }

        return ok ? new Migration(from, target, values, key.Start) { FromValues = fromValues, Description = description } : null;
    }

    private Criterion? Target(YScalar toNode, string from, RuleSetModel model)
    {
        if (model.Symbols.TryGetValue(toNode.Value, out var symbol))
        {
            if (symbol is Criterion criterion) return criterion;
            _diagnostics.Error(DiagnosticCodes.MigrationTarget, toNode.Start,
                $"'{toNode.Value}' is a {(symbol is Fact ? "fact" : "decision")} that the rules derive; the migration of '{from}' must name the criterion that replaced it");
            return null;
        }

        if (model.Poisoned.Contains(toNode.Value)) return null; // its declaration's error is reported
        var criteria = model.Symbols.Values.OfType<Criterion>().Select(c => c.Id);
        var suggested = Suggestions.Find(toNode.Value, criteria);
        _diagnostics.Error(DiagnosticCodes.MigrationTarget, toNode.Start,
            $"'{toNode.Value}' is not a criterion of this rule set{suggested.DidYouMean}; the migration of '{from}' must name the criterion that replaced it",
            suggested.Best);
        return null;
    }

    /// <summary>A mapped value checked against the target's type, or null after reporting why not.</summary>
    private MigratedValue? Value(Criterion target, YNode node, string from)
    {
        var domain = target.Domain;
        if (node is YScalar { IsPlain: true, Value: Ask }) return new MigratedValue(true, 0);
        if (domain.Kind == ValueKind.Set)
        {
            if (node is not YSequence list)
            {
                _diagnostics.Error(DiagnosticCodes.MigrationValue, node.Start,
                    $"'{target.Id}' is a set: map each old answer of '{from}' to a list of values from {Suggestions.List(domain.Values)} ([] for none), or to 'ask'");
                return null;
            }

            var mask = 0;
            var ok = true;
            foreach (var item in list.Items)
            {
                var index = item is YScalar { IsNull: false } word ? domain.IndexOf(word.Value) : -1;
                if (index < 0)
                {
                    ok &= Wrong(target, item, from);
                    continue;
                }

                if ((mask & (1 << index)) != 0)
                {
                    _diagnostics.Error(DiagnosticCodes.MigrationValue, item.Start, $"'{((YScalar)item).Value}' is listed twice; list each value of '{target.Id}' once");
                    ok = false;
                    continue;
                }

                mask |= 1 << index;
            }

            return ok ? new MigratedValue(false, mask) : null;
        }

        if (node is not YScalar { IsNull: false } scalar)
        {
            Wrong(target, node, from);
            return null;
        }

        switch (domain.Kind)
        {
            case ValueKind.Integer:
                if (scalar.IsPlain && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) &&
                    number >= domain.Min && number <= domain.Max)
                {
                    return new MigratedValue(false, number);
                }

                break;
            case ValueKind.Boolean:
                if (scalar.IsPlain && scalar.Value is "true" or "false") return new MigratedValue(false, scalar.Value == "true" ? 1 : 0);
                break;
            default:
                var ordinal = domain.IndexOf(scalar.Value);
                if (ordinal >= 0) return new MigratedValue(false, ordinal);
                break;
        }

        Wrong(target, scalar, from);
        return null;
    }

    private bool Wrong(Criterion target, YNode node, string from)
    {
        var domain = target.Domain;
        var given = node is YScalar s ? $"'{s.Value}'" : node.KindName;
        var allowed = domain.Kind switch
        {
            ValueKind.Integer => $"a whole number from {domain.Min} to {domain.Max}",
            ValueKind.Boolean => "true or false",
            _ => $"one of {Suggestions.List(domain.Values)}",
        };
        var suggested = node is YScalar word && domain.Kind is ValueKind.Enum or ValueKind.Set ? Suggestions.Find(word.Value, domain.Values) : null;
        _diagnostics.Error(DiagnosticCodes.MigrationValue, node.Start,
            $"{given} is not a value of '{target.Id}'{suggested?.DidYouMean}; a migrated answer of '{from}' must be {allowed}, or 'ask'",
            suggested?.Best);
        return false;
    }
}
