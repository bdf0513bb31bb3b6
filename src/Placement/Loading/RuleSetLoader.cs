using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Placement.Diagnostics;
using Placement.Engine;
using Placement.Language.Binding;
using Placement.Language.Parsing;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Loads rule files into a <see cref="RuleSet"/>: reads the YAML keeping positions, checks the
/// format, declares criteria, facts and decisions, binds and type-checks every condition, orders
/// the rules into strata and compiles each condition once. Every problem is reported; a rule set
/// with any error is not built.
/// </summary>
internal sealed partial class RuleSetLoader
{
    private static readonly string[] TopLevel = ["ruleset", "types", "decisions", "criteria", "facts", "rules"];
    private static readonly string[] Builtins = ["boolean", "integer", "enum"];
    private static readonly string[] Categories = ["outpatient", "iop", "php", "inpatient"];
    private static readonly string[] Risks = ["increasing", "decreasing", "none"];
    private static readonly string[] Reserved = ["and", "or", "not", "in", "true", "false", "known", "count", "min", "max"];

    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, (ValueDomain Domain, SourceLocation At)> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _ids = new(StringComparer.Ordinal);

    /// <summary>Loads a rule set from its files' texts.</summary>
    public static RuleSetLoadResult Load(IReadOnlyList<RuleSource> sources) => new RuleSetLoader().Run(sources);

    /// <summary>The texts of a rule set on disk: one file, or every *.yaml/*.yml in a folder except *.tests.yaml.</summary>
    public static IReadOnlyList<RuleSource>? ReadSources(string path, out Diagnostic? error)
    {
        error = null;
        try
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(IsRuleFile)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                    .ToArray();
                if (files.Length == 0)
                {
                    error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error,
                        "no rule files (*.yaml or *.yml) in this folder", path, 1, 1);
                    return null;
                }

                return files.Select(f => new RuleSource(f, File.ReadAllText(f))).ToArray();
            }

            if (File.Exists(path)) return [new RuleSource(path, File.ReadAllText(path))];
            error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "no such file or folder", path, 1, 1);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = new Diagnostic(DiagnosticCodes.FileNotReadable, DiagnosticSeverity.Error, "cannot be read: " + ex.GetType().Name, path, 1, 1);
            return null;
        }
    }

    /// <summary>True for a rule file name: *.yaml or *.yml, not *.tests.yaml.</summary>
    public static bool IsRuleFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
               && !name.EndsWith(".tests.yaml", StringComparison.Ordinal)
               && !name.EndsWith(".tests.yml", StringComparison.Ordinal);
    }

    /// <summary>
    /// The sha256 of a rule set's content: each file's name (without folder) and text, newlines
    /// normalised, in name order; the same whether loaded from disk or from the embedded copy.
    /// </summary>
    public static string Hash(IEnumerable<RuleSource> sources)
    {
        var sb = new StringBuilder();
        foreach (var source in sources.OrderBy(s => Path.GetFileName(s.Name), StringComparer.Ordinal))
        {
            sb.Append(Path.GetFileName(source.Name)).Append('\n');
            sb.Append(source.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }

    private RuleSetLoadResult Run(IReadOnlyList<RuleSource> sources)
    {
        var files = new List<YMapping>();
        foreach (var source in sources)
        {
            var text = new SourceText(source.Name, source.Text);
            var errorsBefore = _diagnostics.Items.Count;
            var root = YamlTreeReader.Read(text, _diagnostics);
            if (root is null)
            {
                if (_diagnostics.Items.Count == errorsBefore)
                {
                    _diagnostics.Error(DiagnosticCodes.WrongNodeKind, new SourceLocation(source.Name, 1, 1), "the file is empty");
                }

                continue;
            }

            var map = MappingReader.As<YMapping>(root, "the file", _diagnostics);
            if (map is null) continue;
            _ = new MappingReader(map, "a rule file", _diagnostics, TopLevel);
            files.Add(map);
        }

        var header = ReadHeader(files, sources);
        foreach (var file in files) ReadTypes(file);

        var criteria = new List<(string Id, YMapping Node, SourceLocation At)>();
        var facts = new List<(string Id, YMapping Node, SourceLocation At)>();
        var decisions = new List<(string Id, YMapping Node, SourceLocation At)>();
        foreach (var file in files)
        {
            CollectDeclarations(file, "criteria", "criterion", criteria);
            CollectDeclarations(file, "facts", "fact", facts);
            CollectDeclarations(file, "decisions", "decision", decisions);
        }

        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var slot = 0;
        var criterionList = new List<Criterion>();
        foreach (var (id, node, at) in criteria)
        {
            var c = DeclareCriterion(id, node, at, slot);
            if (c is null) continue;
            criterionList.Add(c);
            symbols[id] = c;
            slot++;
        }

        var factList = new List<Fact>();
        foreach (var (id, node, at) in facts)
        {
            var f = DeclareFact(id, node, at, slot);
            if (f is null) continue;
            factList.Add(f);
            symbols[id] = f;
            slot++;
        }

        var decisionList = new List<Decision>();
        foreach (var (id, node, at) in decisions)
        {
            var d = DeclareDecision(id, node, at, slot);
            if (d is null) continue;
            decisionList.Add(d);
            symbols[id] = d;
            slot++;
        }

        var slotCount = slot;
        var rules = new List<CompiledRule>();
        var ruleIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var list = MappingReader.As<YSequence>(file["rules"], "rules", _diagnostics);
            if (list is null) continue;
            foreach (var item in list.Items)
            {
                var rule = ReadRule(item, symbols, ruleIds, slotCount, rules.Count);
                if (rule is not null) rules.Add(rule);
            }
        }

        if (!_diagnostics.HasErrors && decisionList.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.MissingProperty, new SourceLocation(sources.Count > 0 ? sources[0].Name : "(none)", 1, 1),
                "the rule set declares no decisions; declare at least one under 'decisions:'");
        }

        var ordered = Stratify(rules);
        if (_diagnostics.HasErrors || header is null || ordered is null)
        {
            return new RuleSetLoadResult(null, _diagnostics.Sorted());
        }

        var ruleSet = new RuleSet(
            header.Value.Id, header.Value.Version, header.Value.Title, header.Value.Description, Hash(sources),
            criterionList, factList, decisionList, rules.Select(r => r.Model).ToArray(), ordered, symbols, slotCount,
            _diagnostics.Sorted());
        return new RuleSetLoadResult(ruleSet, _diagnostics.Sorted());
    }

    private (string Id, string Version, string? Title, string? Description)? ReadHeader(List<YMapping> files, IReadOnlyList<RuleSource> sources)
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
            _diagnostics.Error(DiagnosticCodes.RuleSetHeader, new SourceLocation(sources[0].Name, 1, 1), "no rule set header");
        }

        return header;
    }

    private void ReadTypes(YMapping file)
    {
        var types = MappingReader.As<YMapping>(file["types"], "types", _diagnostics);
        if (types is null) return;
        foreach (var (key, value) in types.Entries)
        {
            if (!CheckId(key, "type")) continue;
            if (Array.IndexOf(Builtins, key.Value) >= 0)
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start, $"'{key.Value}' is a built-in type and cannot be declared");
                continue;
            }

            if (_types.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start, $"type '{key.Value}' is already declared at {existing.At}");
                continue;
            }

            var map = MappingReader.As<YMapping>(value, key.Value, _diagnostics);
            if (map is null) continue;
            var reader = new MappingReader(map, $"type '{key.Value}'", _diagnostics, "values", "description");
            var values = ReadValues(reader, key.Value, required: true);
            if (values is not null) _types[key.Value] = (ValueDomain.Enum(key.Value, values), key.Start);
        }
    }

    private void CollectDeclarations(YMapping file, string section, string what, List<(string, YMapping, SourceLocation)> into)
    {
        var map = MappingReader.As<YMapping>(file[section], section, _diagnostics);
        if (map is null) return;
        foreach (var (key, value) in map.Entries)
        {
            if (!CheckId(key, what)) continue;
            if (_ids.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateId, key.Start,
                    $"'{key.Value}' is already declared at {existing}; criteria, facts and decisions share one set of ids");
                continue;
            }

            _ids[key.Value] = key.Start;
            var node = MappingReader.As<YMapping>(value, key.Value, _diagnostics);
            if (node is not null) into.Add((key.Value, node, key.Start));
        }
    }

    private Criterion? DeclareCriterion(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"criterion '{id}'", _diagnostics, "type", "values", "min", "max", "risk", "label", "description");
        var domain = ReadDomain(reader, id, allowInteger: true);
        var riskWord = ReadWord(reader, "risk", Risks);
        var risk = riskWord switch { "increasing" => RiskDirection.Increasing, "decreasing" => RiskDirection.Decreasing, _ => RiskDirection.None };
        if (domain is null) return null;
        return new Criterion(id, reader.Text("label"), reader.Text("description"), domain, risk, at, slot);
    }

    private Fact? DeclareFact(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"fact '{id}'", _diagnostics, "type", "values", "default", "output", "label", "description");
        var domain = ReadDomain(reader, id, allowInteger: false);
        if (domain is null) return null;
        var defaultValue = 0;
        var defaultNode = reader.Scalar("default");
        if (defaultNode is not null)
        {
            defaultValue = domain.IndexOf(defaultNode.Value);
            if (defaultValue < 0)
            {
                var suggestion = Suggestions.Closest(defaultNode.Value, domain.Values);
                _diagnostics.Error(DiagnosticCodes.InvalidDefault, defaultNode.Start,
                    $"default '{defaultNode.Value}' is not a value of fact '{id}'{Suggestions.DidYouMean(suggestion)}; allowed: {Suggestions.List(domain.Values)}",
                    suggestion);
                return null;
            }
        }

        var output = ReadBoolean(reader, "output");
        return new Fact(id, reader.Text("label"), reader.Text("description"), domain, defaultValue, output, at, slot);
    }

    private Decision? DeclareDecision(string id, YMapping node, SourceLocation at, int slot)
    {
        var reader = new MappingReader(node, $"decision '{id}'", _diagnostics, "levels", "default", "label", "description");
        var levelsNode = reader.Sequence("levels", required: true);
        if (levelsNode is null) return null;
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
            if (idNode is null || !CheckId(idNode, "level"))
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
            var category = ReadWord(lr, "category", Categories);
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

        if (levels.Count > 64)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, levelsNode.Start, $"decision '{id}' has more than 64 levels");
            return null;
        }

        var defaultLevel = levels[0];
        var defaultNode = reader.Scalar("default");
        if (defaultNode is not null)
        {
            var found = levels.FirstOrDefault(l => l.Id == defaultNode.Value);
            if (found is null)
            {
                var suggestion = Suggestions.Closest(defaultNode.Value, levels.Select(l => l.Id));
                _diagnostics.Error(DiagnosticCodes.InvalidDefault, defaultNode.Start,
                    $"default '{defaultNode.Value}' is not a level of '{id}'{Suggestions.DidYouMean(suggestion)}; levels: {Suggestions.List(levels.Select(l => l.Id))}",
                    suggestion);
                return null;
            }

            defaultLevel = found;
        }

        return new Decision(id, reader.Text("label"), reader.Text("description"), levels, defaultLevel, at, slot);
    }

    private ValueDomain? ReadDomain(MappingReader reader, string id, bool allowInteger)
    {
        var typeNode = reader.Scalar("type", required: true);
        if (typeNode is null) return null;
        var type = typeNode.Value;
        var minNode = reader.Scalar("min");
        var maxNode = reader.Scalar("max");
        var valuesNode = reader.Node("values");
        if (type != "integer" && (minNode ?? maxNode) is { } stray)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidRange, stray.Start, $"'min' and 'max' apply only to integer criteria; '{id}' is {type}");
        }

        if (type != "enum" && valuesNode is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, valuesNode.Start,
                $"'values' applies only to type enum; '{id}' is {type}" + (_types.ContainsKey(type) ? $", whose values are declared under types" : ""));
        }

        switch (type)
        {
            case "boolean":
                return ValueDomain.Boolean;
            case "integer" when allowInteger:
                {
                    if (minNode is null || maxNode is null)
                    {
                        _diagnostics.Error(DiagnosticCodes.InvalidRange, typeNode.Start, $"integer criterion '{id}' needs both 'min' and 'max'");
                        return null;
                    }

                    var min = ReadInt(minNode);
                    var max = ReadInt(maxNode);
                    if (min is null || max is null) return null;
                    if (min >= max)
                    {
                        _diagnostics.Error(DiagnosticCodes.InvalidRange, maxNode.Start, $"'max' ({max}) must be greater than 'min' ({min})");
                        return null;
                    }

                    return ValueDomain.Integer(min.Value, max.Value);
                }

            case "integer":
                _diagnostics.Error(DiagnosticCodes.UnknownType, typeNode.Start,
                    $"facts are boolean or enum; '{id}' cannot be integer (a fact only rises, to the highest value rules set)");
                return null;
            case "enum":
                {
                    var values = ReadValues(reader, id, required: true);
                    return values is null ? null : ValueDomain.Enum(id, values);
                }

            default:
                if (_types.TryGetValue(type, out var named)) return named.Domain;
                var allowed = Builtins.Where(b => allowInteger || b != "integer").Concat(_types.Keys).ToArray();
                var suggestion = Suggestions.Closest(type, allowed);
                _diagnostics.Error(DiagnosticCodes.UnknownType, typeNode.Start,
                    $"unknown type '{type}'{Suggestions.DidYouMean(suggestion)}; allowed: {Suggestions.List(allowed)}", suggestion);
                return null;
        }
    }

    private string[]? ReadValues(MappingReader reader, string owner, bool required)
    {
        var seq = reader.Sequence("values", required);
        if (seq is null) return null;
        var values = new List<string>();
        var ok = true;
        foreach (var item in seq.Items)
        {
            var scalar = MappingReader.As<YScalar>(item, "values", _diagnostics);
            if (scalar is null || !CheckId(scalar, "value"))
            {
                ok = false;
                continue;
            }

            if (values.Contains(scalar.Value))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidValues, scalar.Start, $"value '{scalar.Value}' is listed twice in '{owner}'");
                ok = false;
                continue;
            }

            values.Add(scalar.Value);
        }

        if (ok && values.Count < 2)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, seq.Start, $"'{owner}' needs at least two values");
            return null;
        }

        if (ok && values.Count > 64)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, seq.Start, $"'{owner}' has more than 64 values");
            return null;
        }

        return ok ? values.ToArray() : null;
    }

    private string? ReadWord(MappingReader reader, string key, string[] allowed)
    {
        var node = reader.Scalar(key);
        if (node is null) return null;
        if (Array.IndexOf(allowed, node.Value) >= 0) return node.Value;
        var suggestion = Suggestions.Closest(node.Value, allowed);
        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start,
            $"'{node.Value}' is not a valid {key}{Suggestions.DidYouMean(suggestion)}; allowed: {Suggestions.List(allowed)}", suggestion);
        return null;
    }

    private bool ReadBoolean(MappingReader reader, string key)
    {
        var node = reader.Scalar(key);
        if (node is null) return false;
        if (node.IsPlain && node.Value is "true" or "false") return node.Value == "true";
        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'{key}' must be true or false");
        return false;
    }

    private int? ReadInt(YScalar node)
    {
        if (node.IsPlain && int.TryParse(node.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Start, $"'{node.Value}' is not a whole number");
        return null;
    }

    private bool CheckId(YScalar node, string what)
    {
        if (!IdPattern().IsMatch(node.Value))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, node.Start,
                $"'{node.Value}' is not a valid {what} id; use lower-case letters, digits and underscores, starting with a letter");
            return false;
        }

        if (Array.IndexOf(Reserved, node.Value) >= 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidId, node.Start, $"'{node.Value}' is a word of the condition language and cannot be a {what} id");
            return false;
        }

        return true;
    }

    private CompiledRule? ReadRule(YNode item, Dictionary<string, Symbol> symbols, Dictionary<string, SourceLocation> ruleIds, int slotCount, int index)
    {
        var map = MappingReader.As<YMapping>(item, "a rule", _diagnostics);
        if (map is null) return null;
        var idNode = map["id"] as YScalar;
        var what = idNode is null ? "a rule" : $"rule '{idNode.Value}'";
        var reader = new MappingReader(map, what, _diagnostics, "id", "title", "when", "set", "require", "because", "note", "source");
        idNode = reader.Scalar("id", required: true);
        var ok = idNode is not null;
        if (idNode is not null)
        {
            if (!RuleIdPattern().IsMatch(idNode.Value))
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
            condition = BindCondition(whenNode, symbols);
            ok &= condition is not null;
        }

        var actions = new List<RuleAction>();
        ok &= ReadActions(reader.Map("set"), "set", symbols, actions);
        ok &= ReadActions(reader.Map("require"), "require", symbols, actions);

        var becauseNode = reader.Scalar("because");
        var noteNode = reader.Scalar("note");
        var source = reader.Text("source");
        var because = becauseNode is null ? null : ReadTemplate(becauseNode, symbols, ref ok);
        var note = noteNode is null ? null : ReadTemplate(noteNode, symbols, ref ok);
        if (map["set"] is null && map["require"] is null && noteNode is null)
        {
            _diagnostics.Error(DiagnosticCodes.RuleWithoutAction, map.Start, $"{what} does nothing; give it 'set', 'require' or 'note'");
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
        var model = new Rule(idNode.Value, reader.Text("title"), whenNode.Value.Trim(), actions, becauseNode?.Value.Trim(), noteNode?.Value.Trim(), source, idNode.Start, reads);
        return new CompiledRule(model, whenNode.Value, condition, slotCount, because, note, index);
    }

    private BoundExpr? BindCondition(YScalar when, Dictionary<string, Symbol> symbols)
    {
        var text = when.Value;
        if (!ConditionParser.TryParse(text, out var expr, out var error, out var offset))
        {
            _diagnostics.Error(DiagnosticCodes.ConditionSyntax, when.LocationAt(offset), "invalid condition: " + error);
            return null;
        }

        var binder = new ConditionBinder(symbols, (code, at, message, suggestion) =>
            _diagnostics.Error(code, when.LocationAt(at), message, suggestion));
        return binder.BindCondition(expr!);
    }

    private bool ReadActions(YMapping? map, string kind, Dictionary<string, Symbol> symbols, List<RuleAction> actions)
    {
        if (map is null) return true;
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!symbols.TryGetValue(key.Value, out var target))
            {
                var candidates = symbols.Values.Where(s => kind == "set" ? s is Fact : s is Decision).Select(s => s.Id);
                var suggestion = Suggestions.Closest(key.Value, candidates);
                _diagnostics.Error(DiagnosticCodes.UnknownIdentifier, key.Start,
                    $"'{key.Value}' is not a declared {(kind == "set" ? "fact" : "decision")}{Suggestions.DidYouMean(suggestion)}", suggestion);
                ok = false;
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
                var suggestion = Suggestions.Closest(scalar.Value, target.Domain.Values);
                var noun = target is Decision ? "a level of" : "a value of";
                _diagnostics.Error(DiagnosticCodes.UnknownValue, scalar.Start,
                    $"'{scalar.Value}' is not {noun} {key.Value}{Suggestions.DidYouMean(suggestion)}; allowed: {Suggestions.List(target.Domain.Values)}",
                    suggestion);
                ok = false;
                continue;
            }

            actions.Add(new RuleAction(target, ordinal));
        }

        return ok;
    }

    private TextTemplate ReadTemplate(YScalar node, Dictionary<string, Symbol> symbols, ref bool ok)
    {
        var failed = false;
        var template = TextTemplate.Parse(
            node.Value,
            symbols,
            (offset, name) =>
            {
                var suggestion = Suggestions.Closest(name, symbols.Keys);
                _diagnostics.Error(DiagnosticCodes.UnknownIdentifier, node.LocationAt(offset),
                    $"'{{{name}}}' in the text is not a declared criterion, fact or decision{Suggestions.DidYouMean(suggestion)}; write '{{{{' for a literal brace",
                    suggestion);
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

    /// <summary>
    /// Orders rules so that every rule runs after all rules that write what it reads (declaration
    /// order otherwise). Reports each cycle once, naming its rules; returns null when there is one.
    /// </summary>
    private CompiledRule[]? Stratify(List<CompiledRule> rules)
    {
        var writers = new Dictionary<Symbol, List<int>>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var action in rules[i].Model.Actions)
            {
                if (!writers.TryGetValue(action.Target, out var list)) writers[action.Target] = list = new List<int>();
                if (!list.Contains(i)) list.Add(i);
            }
        }

        // after[i]: the rules that must run after rule i.
        var after = new List<int>[rules.Count];
        var before = new int[rules.Count];
        for (var i = 0; i < rules.Count; i++) after[i] = new List<int>();
        for (var r = 0; r < rules.Count; r++)
        {
            foreach (var read in rules[r].Model.Reads)
            {
                if (!writers.TryGetValue(read, out var ws)) continue;
                foreach (var w in ws)
                {
                    if (after[w].Contains(r)) continue;
                    after[w].Add(r);
                    before[r]++;
                }
            }
        }

        var order = new List<CompiledRule>(rules.Count);
        var ready = new SortedSet<int>(Enumerable.Range(0, rules.Count).Where(i => before[i] == 0));
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(rules[next]);
            foreach (var r in after[next])
            {
                if (--before[r] == 0) ready.Add(r);
            }
        }

        if (order.Count == rules.Count) return order.ToArray();
        foreach (var cycle in Cycles(after, before))
        {
            var first = rules[cycle[0]];
            var steps = new List<string>();
            for (var k = 0; k < cycle.Count; k++)
            {
                var from = rules[cycle[k]];
                var to = rules[cycle[(k + 1) % cycle.Count]];
                var via = from.Model.Actions.Select(a => a.Target).First(t => to.Model.Reads.Contains(t));
                steps.Add($"{from.Model.Id} sets {via.Id}, which {to.Model.Id} reads");
            }

            _diagnostics.Error(DiagnosticCodes.Cycle, first.Model.Location,
                $"rules depend on each other in a cycle: {string.Join("; ", steps)}. A rule may only read values set by rules that do not depend on it.");
        }

        return null;
    }

    /// <summary>One simple cycle per strongly connected group of the rules left over by the sort.</summary>
    private static IEnumerable<List<int>> Cycles(List<int>[] after, int[] remaining)
    {
        var left = Enumerable.Range(0, after.Length).Where(i => remaining[i] > 0).ToHashSet();
        var reported = new HashSet<int>();
        foreach (var start in left.OrderBy(i => i))
        {
            if (reported.Contains(start)) continue;

            // Follow edges inside the left-over rules until a rule repeats.
            var path = new List<int> { start };
            var position = new Dictionary<int, int> { [start] = 0 };
            var current = start;
            while (true)
            {
                var next = after[current].Where(left.Contains).OrderBy(i => i).FirstOrDefault(-1);
                if (next < 0) break;
                if (position.TryGetValue(next, out var at))
                {
                    var cycle = path.Skip(at).ToList();
                    var rotate = cycle.IndexOf(cycle.Min());
                    cycle = cycle.Skip(rotate).Concat(cycle.Take(rotate)).ToList();
                    if (cycle.All(c => !reported.Contains(c)))
                    {
                        foreach (var c in cycle) reported.Add(c);
                        yield return cycle;
                    }

                    break;
                }

                position[next] = path.Count;
                path.Add(next);
                current = next;
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex RuleIdPattern();
}
