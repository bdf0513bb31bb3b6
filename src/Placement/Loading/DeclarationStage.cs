using Placement.Diagnostics;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Stage 2: the <c>ruleset:</c> header and the declarations of every file — named types, criteria,
/// facts and decisions — checked and given their slots (criteria, then facts, then decisions, in
/// file order). Criteria, facts and decisions share one set of ids. An id whose declaration fails
/// is "poisoned": its error is reported once, here, and later stages stay silent about its uses,
/// so one typo is one error and not one more for every rule that reads it.
/// </summary>
internal sealed partial class DeclarationStage
{
    private static readonly string[] Categories = ["outpatient", "iop", "php", "inpatient"];
    private static readonly string[] Risks = ["increasing", "decreasing", "none"];

    private readonly DiagnosticBag _diagnostics;
    private readonly FieldReaders _fields;
    private readonly DomainReader _domains;
    private readonly Dictionary<string, ValueDomain> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _typeLocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _ids = new(StringComparer.Ordinal);
    private readonly List<(Criterion, YScalar)> _requiredWhen = [];
    private readonly HashSet<string> _poisonedTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _poisoned = new(StringComparer.Ordinal);

    private DeclarationStage(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _fields = new FieldReaders(diagnostics);
        _domains = new DomainReader(diagnostics, _fields, _types, _poisonedTypes);
    }

    /// <summary>The header (null when missing or invalid) and the declarations that are valid.</summary>
    public static ((string Id, string Version, string? Title, string? Description)? Header, RuleSetModel Model, IReadOnlyList<(Criterion Criterion, YScalar Condition)> RequiredWhen) Run(
        IReadOnlyList<YMapping> files, IReadOnlyList<SourceText> sources, DiagnosticBag diagnostics)
    {
        var stage = new DeclarationStage(diagnostics);
        var header = stage.ReadHeader(files, sources);
        foreach (var file in files) stage.ReadTypes(file);

        var criteria = new List<(string Id, YMapping Node, SourceLocation At)>();
        var facts = new List<(string Id, YMapping Node, SourceLocation At)>();
        var decisions = new List<(string Id, YMapping Node, SourceLocation At)>();
        foreach (var file in files)
        {
            stage.CollectDeclarations(file, "criteria", "criterion", criteria);
            stage.CollectDeclarations(file, "facts", "fact", facts);
            stage.CollectDeclarations(file, "decisions", "decision", decisions);
        }

        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var slot = 0;
        var criterionList = stage.Declare(criteria, stage.DeclareCriterion, symbols, ref slot);
        var factList = stage.Declare(facts, stage.DeclareFact, symbols, ref slot);
        var decisionList = stage.Declare(decisions, stage.DeclareDecision, symbols, ref slot);
        stage._poisoned.ExceptWith(symbols.Keys);
        return (header, new RuleSetModel(criterionList, factList, decisionList, symbols, stage._poisoned), stage._requiredWhen);
    }

    /// <summary>
    /// Declares each entry that is valid, in order, giving it the next slot (a set criterion the next
    /// slots, its own and one per word). The list holds every slot's symbol, set members included;
    /// the dictionary only the ids that rules and assessments name. Entries that fail are poisoned.
    /// </summary>
    private List<T> Declare<T>(
        List<(string Id, YMapping Node, SourceLocation At)> entries,
        Func<string, YMapping, SourceLocation, int, T?> declare,
        Dictionary<string, Symbol> symbols,
        ref int slot)
        where T : Symbol
    {
        var list = new List<T>();
        foreach (var (id, node, at) in entries)
        {
            var symbol = declare(id, node, at, slot);
            if (symbol is null)
            {
                _poisoned.Add(id);
                continue;
            }

            list.Add(symbol);
            symbols[id] = symbol;
            slot++;
            if (symbol is not Criterion { Members.Count: > 0 } set) continue;
            foreach (var member in set.Members) list.Add((T)(Symbol)member);
            slot += set.Members.Count;
        }

        return list;
    }

    private (string Id, string Version, string? Title, string? Description)? ReadHeader(IReadOnlyList<YMapping> files, IReadOnlyList<SourceText> sources)
    {
        (string, string, string?, string?)? header = null;
        YNode? first = null;
        foreach (var file in files)
        {
            var node = file["ruleset"];
            if (node is null) continue;
            if (first is not null)
            {
                _diagnostics.Error(DiagnosticCodes.RuleSetHeader, node.Start,
                    $"a second 'ruleset:' header; the rule set is declared at {first.Start}");
                continue;
            }

            first = node;
            var map = MappingReader.As<YMapping>(node, "ruleset", _diagnostics);
            if (map is null) continue;
            var reader = new MappingReader(map, "ruleset", _diagnostics, "id", "version", "title", "description");
            var id = reader.Text("id", required: true);
            var version = reader.Text("version", required: true);
            // Both are shown, logged, tagged on metrics and sent to EHRs: plain words, never control characters or 5,000 letters.
            if (id is not null && !RuleSetIdPattern().IsMatch(id))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidId, map["id"]!.Start,
                    $"the rule set id must be 1 to {PlacementLimits.MaxIdLength} letters, digits, '.', '_', '-' or '+', starting with a letter or digit");
                id = null;
            }

            if (version is not null && !RuleSetIdPattern().IsMatch(version))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidValue, map["version"]!.Start,
                    $"the rule set version must be 1 to {PlacementLimits.MaxIdLength} letters, digits, '.', '_', '-' or '+', starting with a letter or digit, such as 2.0.0");
                version = null;
            }

            if (id is not null && version is not null)
            {
                header = (id, version, reader.Text("title"), reader.Text("description"));
            }
        }

        if (first is null && files.Count > 0)
        {
            _diagnostics.Error(DiagnosticCodes.RuleSetHeader, files[0].Start,
                "no file declares the rule set; add 'ruleset: { id: ..., version: ... }' to one file");
        }
        else if (first is null && sources.Count > 0 && !_diagnostics.HasErrors)
        {
            _diagnostics.Error(DiagnosticCodes.RuleSetHeader, new SourceLocation(sources[0].Path, 1, 1), "no rule set header");
        }

        return header;
    }

    private void ReadTypes(YMapping file)
    {
        var types = MappingReader.As<YMapping>(file["types"], "types", _diagnostics);
        if (types is null) return;
        foreach (var (key, value) in types.Entries)
        {
            if (!_fields.CheckId(key, "type"))
            {
                _poisonedTypes.Add(key.Value);
                continue;
            }

            if (Array.IndexOf(DomainReader.Builtins, key.Value) >= 0)
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start, $"'{key.Value}' is a built-in type and cannot be declared");
                continue;
            }

            if (_typeLocations.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start, $"type '{key.Value}' is already declared at {existing}");
                continue;
            }

            _typeLocations[key.Value] = key.Start;
            var map = MappingReader.As<YMapping>(value, key.Value, _diagnostics);
            var typeReader = map is null ? null : new MappingReader(map, $"type '{key.Value}'", _diagnostics, "values", "labels", "description");
            var values = typeReader is null ? null : _domains.ReadValues(typeReader, key.Value, required: true);
            var domain = values is null ? null : _domains.WithLabels(typeReader!, ValueDomain.Enum(key.Value, values), key.Value);
            if (domain is null)
            {
                _poisonedTypes.Add(key.Value);
                continue;
            }

            _types[key.Value] = domain;
        }
    }

    private void CollectDeclarations(YMapping file, string section, string what, List<(string, YMapping, SourceLocation)> into)
    {
        var map = MappingReader.As<YMapping>(file[section], section, _diagnostics);
        if (map is null) return;
        foreach (var (key, value) in map.Entries)
        {
            if (!_fields.CheckId(key, what))
            {
                _poisoned.Add(key.Value);
                continue;
            }

            if (_ids.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start,
                    $"'{key.Value}' is already declared at {existing}; criteria, facts and decisions share one set of ids");
                continue;
            }

            _ids[key.Value] = key.Start;
            var node = MappingReader.As<YMapping>(value, key.Value, _diagnostics);
            if (node is not null) into.Add((key.Value, node, key.Start));
            else _poisoned.Add(key.Value);
        }
    }

    private Criterion? DeclareCriterion(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"criterion '{id}'", _diagnostics, "type", "values", "labels", "of", "min", "max", "risk", "required", "ask", "dimension", "label", "description");
        var domain = _domains.ReadDomain(reader, id, criterion: true);
        var riskWord = _fields.ReadWord(reader, "risk", Risks);
        var risk = riskWord switch { "increasing" => RiskDirection.Increasing, "decreasing" => RiskDirection.Decreasing, _ => RiskDirection.None };
        var requiredNode = reader.Scalar("required");
        var isRequired = requiredNode is { IsPlain: true, Value: "true" };
        var requiredWhen = requiredNode is null || (requiredNode.IsPlain && requiredNode.Value is "true" or "false") ? null : requiredNode;
        if (requiredWhen is not null && requiredWhen.Value.Trim().Length == 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, requiredWhen.Start, $"'required' of criterion '{id}' is empty; write true, false or a condition");
            requiredWhen = null;
        }

        var ask = ReadAsk(reader, id);
        var dimension = ReadDimension(reader, id);
        if (domain is null) return null;
        var criterion = new Criterion(id, reader.Text("label"), reader.Text("description"), domain, risk, at, slot, isRequired, requiredWhen?.Value.Trim(), ask)
        {
            Dimension = dimension,
        };
        if (requiredWhen is not null) _requiredWhen.Add((criterion, requiredWhen));
        return criterion;
    }

    /// <summary>The <c>ask</c> tier: a whole number from 1.</summary>
    private int? ReadAsk(MappingReader reader, string id)
    {
        var node = reader.Scalar("ask");
        if (node is null) return null;
        var tier = _fields.ReadInt(node);
        if (tier is null) return null;
        if (tier < 1)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'ask' of criterion '{id}' must be 1 or more (1 is asked first)");
            return null;
        }

        return tier;
    }

    /// <summary>The <c>dimension</c> a criterion informs (ASAM's six): a whole number from 1 to 6.</summary>
    private int? ReadDimension(MappingReader reader, string id)
    {
        var node = reader.Scalar("dimension");
        if (node is null) return null;
        var dimension = _fields.ReadInt(node);
        if (dimension is null) return null;
        if (dimension is < 1 or > 6)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'dimension' of criterion '{id}' is 1 to 6 (the assessment's six dimensions)");
            return null;
        }

        return dimension;
    }

    private Fact? DeclareFact(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"fact '{id}'", _diagnostics, "type", "values", "labels", "default", "output", "label", "description");
        var domain = _domains.ReadDomain(reader, id, criterion: false);
        if (domain is null) return null;
        var defaultValue = 0;
        var defaultNode = reader.Scalar("default");
        if (defaultNode is not null)
        {
            defaultValue = domain.IndexOf(defaultNode.Value);
            if (defaultValue < 0)
            {
                var suggested = Suggestions.Find(defaultNode.Value, domain.Values);
                _diagnostics.Error(DiagnosticCodes.InvalidDefault, defaultNode.Start,
                    $"default '{defaultNode.Value}' is not a value of fact '{id}'{suggested.DidYouMean}; allowed: {Suggestions.List(domain.Values)}",
                    suggested.Best);
                return null;
            }
        }

        var output = _fields.ReadBoolean(reader, "output");
        return new Fact(id, reader.Text("label"), reader.Text("description"), domain, defaultValue, output, at, slot);
    }

    private Decision? DeclareDecision(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"decision '{id}'", _diagnostics, "levels", "default", "label", "description");
        var levelsNode = reader.Sequence("levels", required: true);
        if (levelsNode is null) return null;
        if (levelsNode.Items.Count > PlacementLimits.MaxValues)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, levelsNode.Start, $"decision '{id}' has more than {PlacementLimits.MaxValues} levels");
            return null;
        }

        var levels = new List<Level>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in levelsNode.Items)
        {
            var map = MappingReader.As<YMapping>(item, "a level", _diagnostics);
            if (map is null)
            {
                ok = false;
                continue;
            }

            var lr = new MappingReader(map, $"a level of '{id}'", _diagnostics, "id", "name", "category", "codes", "description");
            var idNode = lr.Scalar("id", required: true);
            if (idNode is null || !_fields.CheckId(idNode, "level"))
            {
                ok = false;
                continue;
            }

            if (seen.TryGetValue(idNode.Value, out var previous))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, idNode.Start, $"level '{idNode.Value}' is already declared at {previous}");
                ok = false;
                continue;
            }

            seen[idNode.Value] = idNode.Start;
            var category = _fields.ReadWord(lr, "category", Categories);
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            var codesNode = lr.Map("codes");
            if (codesNode is not null)
            {
                foreach (var (k, v) in codesNode.Entries)
                {
                    if (MappingReader.As<YScalar>(v, k.Value, _diagnostics) is { } s) codes[k.Value] = s.Value;
                }
            }

            levels.Add(new Level(idNode.Value, lr.Text("name") ?? idNode.Value, category, codes, lr.Text("description"), levels.Count, idNode.Start));
        }

        if (!ok) return null;
        if (levels.Count < 2)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, levelsNode.Start, $"decision '{id}' needs at least two levels");
            return null;
        }

        var defaultLevel = levels[0];
        var defaultNode = reader.Scalar("default");
        if (defaultNode is not null)
        {
            var found = levels.FirstOrDefault(l => l.Id == defaultNode.Value);
            if (found is null)
            {
                var suggested = Suggestions.Find(defaultNode.Value, levels.Select(l => l.Id));
                _diagnostics.Error(DiagnosticCodes.InvalidDefault, defaultNode.Start,
                    $"default '{defaultNode.Value}' is not a level of '{id}'{suggested.DidYouMean}; levels: {Suggestions.List(levels.Select(l => l.Id))}",
                    suggested.Best);
                return null;
            }

            defaultLevel = found;
        }

        return new Decision(id, reader.Text("label"), reader.Text("description"), levels, defaultLevel, at, slot);
    }

    /// <summary>A rule set id or version: letters, digits, '.', '_', '-' and '+', starting with a letter or digit, at most 64 characters.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex RuleSetIdPattern();
}
