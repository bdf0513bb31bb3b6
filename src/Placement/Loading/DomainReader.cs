using Placement.Diagnostics;
using Placement.Model;
using Placement.Yaml;

namespace Placement.Loading;

/// <summary>
/// Reads a declaration's type: boolean, integer with its range, enum with its values, or a named type.
/// A named type whose own declaration failed (<paramref name="poisonedTypes"/>) fails silently: its
/// error is already reported.
/// </summary>
internal sealed class DomainReader(DiagnosticBag diagnostics, FieldReaders fields, IReadOnlyDictionary<string, ValueDomain> types, IReadOnlySet<string> poisonedTypes)
{
    /// <summary>The types every rule set has.</summary>
    public static readonly string[] Builtins = ["boolean", "integer", "enum"];

    private readonly DiagnosticBag _diagnostics = diagnostics;

    public ValueDomain? ReadDomain(MappingReader reader, string id, bool allowInteger)
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
            var allowed = Builtins.Where(b => allowInteger || b != "integer").Concat(types.Keys).ToArray();
            var suggested = Suggestions.Find(type, allowed);
            _diagnostics.Error(DiagnosticCodes.UnknownType, typeNode.Start,
                $"unknown type '{type}'{suggested.DidYouMean}; allowed: {Suggestions.List(allowed)}", suggested.Best);
            return null;
        }

        if (type != "integer" && (minNode ?? maxNode) is { } stray)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidRange, stray.Start, $"'min' and 'max' apply only to integer criteria; '{id}' is {type}");
        }

        if (type != "enum" && valuesNode is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValues, valuesNode.Start,
                $"'values' applies only to type enum; '{id}' is {type}" + (types.ContainsKey(type) ? $", whose values are declared under types" : ""));
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
                    return values is null ? null : ValueDomain.Enum(id, values);
                }

            default:
                return types[type];
        }
    }

    public string[]? ReadValues(MappingReader reader, string owner, bool required)
    {
        var seq = reader.Sequence("values", required);
        if (seq is null) return null;
        var values = new List<string>();
        var ok = true;
        foreach (var item in seq.Items)
        {
            var scalar = MappingReader.As<YScalar>(item, "values", _diagnostics);
            if (scalar is null || !fields.CheckId(scalar, "value"))
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
}
