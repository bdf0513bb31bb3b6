using Placement.Diagnostics;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Reads a declaration's type: boolean, integer with its range, enum with its values, a named type,
/// or (criteria only) a set with its values or <c>of</c> a named type. A named type whose own
/// declaration failed (<paramref name="poisonedTypes"/>) fails silently: its error is already reported.
/// </summary>
internal sealed class DomainReader(DiagnosticBag diagnostics, FieldReaders fields, IReadOnlyDictionary<string, ValueDomain> types, IReadOnlySet<string> poisonedTypes)
{
    /// <summary>The types every rule set has.</summary>
    public static readonly string[] Builtins = ["boolean", "integer", "enum", "set"];

    private readonly DiagnosticBag _diagnostics = diagnostics;

    /// <param name="reader">The declaration.</param>
    /// <param name="id">The criterion's or fact's id.</param>
    /// <param name="criterion">True for a criterion, which may also be an integer or a set.</param>
    public ValueDomain? ReadDomain(MappingReader reader, string id, bool criterion)
    {
        var typeNode = reader.Scalar("type", required: true);
        if (typeNode is null) return null;
        var type = typeNode.Value;
        var minNode = reader.Scalar("min");
        var maxNode = reader.Scalar("max");
        var valuesNode = reader.Node("values");
        if (Array.IndexOf(Builtins, type) < 0 && !types.ContainsKey(type))
        {
            // An unknown type is the one error: not also "min, max or values do not apply" to it.
            if (poisonedTypes.Contains(type)) return null;
            var allowed = Builtins.Where(b => criterion || b is not ("integer" or "set")).Concat(types.Keys).ToArray();
            var suggested = Suggestions.Find(type, allowed);
            _diagnostics.Error(DiagnosticCodes.UnknownType, typeNode.Start,
                $"unknown type '{type}'{suggested.DidYouMean}; allowed: {Suggestions.List(allowed)}", suggested.Best);
            return null;
        }

        var ofNode = criterion ? reader.Scalar("of") : null;
        if (type != "integer" && (minNode ?? maxNode) is { } stray)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidRange, stray.Start, $"'min' and 'max' apply only to integer criteria; '{id}' is {type}");
        }

        if (type is not ("enum" or "set") && valuesNode is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, valuesNode.Start,
                $"'values' applies only to types enum and set; '{id}' is {type}" + (types.ContainsKey(type) ? $", whose values are declared under types" : ""));
        }

        if (type is "boolean" or "integer" && reader.Node("labels") is { } strayLabels)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, strayLabels.Start, $"'labels' apply only to enum and set values; '{id}' is {type}");
        }

        if (type != "set" && ofNode is not null)
        {
            _diagnostics.Error(DiagnosticCodes.UnknownType, ofNode.Start, $"'of' applies only to type set; '{id}' is {type}");
        }

        switch (type)
        {
            case "boolean":
                return ValueDomain.Boolean;
            case "integer" when criterion:
                {
                    if (minNode is null || maxNode is null)
                    {
                        _diagnostics.Error(DiagnosticCodes.InvalidRange, typeNode.Start, $"integer criterion '{id}' needs both 'min' and 'max'");
                        return null;
                    }

                    var min = fields.ReadInt(minNode);
                    var max = fields.ReadInt(maxNode);
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
                    return values is null ? null : WithLabels(reader, ValueDomain.Enum(id, values), id);
                }

            case "set" when criterion:
                return ReadSet(reader, id, typeNode, valuesNode, ofNode);
            case "set":
                _diagnostics.Error(DiagnosticCodes.UnknownType, typeNode.Start, $"facts are boolean or enum; '{id}' cannot be a set");
                return null;
            default:
                if (reader.Node("labels") is { } labels)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidValues, labels.Start,
                        $"'labels' go where the values are declared; '{id}' is of type '{type}', so give them under types");
                }

                return types[type];
        }
    }

    /// <summary>
    /// The domain with its optional <c>labels</c>: a mapping from each word (not every word needs
    /// one) to how clinicians see it. A key that is not one of the words is an error, with the
    /// nearest word suggested.
    /// </summary>
    public ValueDomain? WithLabels(MappingReader reader, ValueDomain domain, string owner)
    {
        if (reader.Node("labels") is null) return domain;
        var map = reader.Map("labels");
        if (map is null) return null;
        var labels = domain.Labels.ToArray();
        var ok = true;
        foreach (var (word, value) in map.Entries)
        {
            var index = domain.IndexOf(word.Value);
            if (index < 0)
            {
                var suggested = Suggestions.Find(word.Value, domain.Values);
                _diagnostics.Error(DiagnosticCodes.InvalidValues, word.Start,
                    $"'{word.Value}' is not a value of '{owner}'{suggested.DidYouMean}; labels name values from: {Suggestions.List(domain.Values)}", suggested.Best);
                ok = false;
                continue;
            }

            var text = MappingReader.As<YScalar>(value, $"the label of '{word.Value}'", _diagnostics);
            if (text is null || string.IsNullOrWhiteSpace(text.Value))
            {
                if (text is not null) _diagnostics.Error(DiagnosticCodes.InvalidValues, text.Start, $"the label of '{word.Value}' in '{owner}' is empty");
                ok = false;
                continue;
            }

            labels[index] = text.Value.Trim();
        }

        return ok ? domain.WithLabels(labels) : null;
    }

    /// <summary>A set's words: its own <c>values</c>, or those of the named type it is <c>of</c>.</summary>
    private ValueDomain? ReadSet(MappingReader reader, string id, YScalar typeNode, YNode? valuesNode, YScalar? ofNode)
    {
        if (valuesNode is not null && ofNode is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, ofNode.Start, $"set criterion '{id}' takes 'values' or 'of', not both");
            return null;
        }

        if (valuesNode is null && ofNode is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingProperty, typeNode.Start, $"set criterion '{id}' needs 'values' or 'of' (a type declared under types)");
            return null;
        }

        string name;
        IReadOnlyList<string> words;
        YNode at;
        if (ofNode is not null)
        {
            if (!types.TryGetValue(ofNode.Value, out var named))
            {
                var suggested = Suggestions.Find(ofNode.Value, types.Keys);
                _diagnostics.Error(DiagnosticCodes.UnknownType, ofNode.Start,
                    $"unknown type '{ofNode.Value}'{suggested.DidYouMean}; allowed: {(types.Count == 0 ? "(no types are declared)" : Suggestions.List(types.Keys))}",
                    suggested.Best);
                return null;
            }

            (name, words, at) = (named.Name, named.Values, ofNode);
        }
        else
        {
            var values = ReadValues(reader, id, required: true);
            if (values is null) return null;
            (name, words, at) = (id, values, valuesNode!);
        }

        if (words.Count > ValueDomain.MaxSetValues)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, at.Start, $"'{id}' has more than {ValueDomain.MaxSetValues} values; a set holds at most {ValueDomain.MaxSetValues}");
            return null;
        }

        var set = ValueDomain.Set(name, words);
        if (ofNode is null) return WithLabels(reader, set, id);
        if (reader.Node("labels") is { } stray)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, stray.Start, $"'labels' go where the values are declared; '{id}' is a set of '{ofNode.Value}', so give them under types");
            return null;
        }

        return set.WithLabels(types[ofNode.Value].Labels);
    }

    public string[]? ReadValues(MappingReader reader, string owner, bool required)
    {
        var seq = reader.Sequence("values", required);
        if (seq is null) return null;
        if (seq.Items.Count > PlacementLimits.MaxValues)
        {
            // Counted before any value is read: a long list costs no more than this one error.
            _diagnostics.Error(DiagnosticCodes.InvalidValues, seq.Start, $"'{owner}' has more than {PlacementLimits.MaxValues} values");
            return null;
        }

        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in seq.Items)
        {
            var scalar = MappingReader.As<YScalar>(item, "values", _diagnostics);
            if (scalar is null || !fields.CheckId(scalar, "value"))
            {
                ok = false;
                continue;
            }

            if (!seen.Add(scalar.Value))
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

        return ok ? values.ToArray() : null;
    }
}
