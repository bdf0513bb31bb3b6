using Placement.Diagnostics;
using Placement.Language.Ast;
using Placement.Model;

namespace Placement.Language.Binding;

/// <summary>
/// Resolves names and type-checks a parsed condition against the declared criteria, facts
/// and decisions. Reports every problem through <see cref="Report"/>; returns null when any.
/// </summary>
internal sealed class ConditionBinder
{
    private static readonly string[] Functions = ["known", "count", "min", "max"];

    private readonly IReadOnlyDictionary<string, Symbol> _symbols;
    private readonly IReadOnlySet<string> _poisoned;
    private readonly Action<string, int, string, string?> _report;
    private bool _failed;

    /// <param name="symbols">Every criterion, fact and decision by id.</param>
    /// <param name="report">Called with (code, offset in the condition, message, suggestion).</param>
    /// <param name="poisoned">
    /// Ids whose declaration failed (already reported): a condition that reads one does not bind,
    /// silently, so one typo in a declaration is one error and not one more per rule.
    /// </param>
    public ConditionBinder(IReadOnlyDictionary<string, Symbol> symbols, Action<string, int, string, string?> report, IReadOnlySet<string>? poisoned = null)
    {
        _symbols = symbols;
        _report = report;
        _poisoned = poisoned ?? new HashSet<string>();
    }

    /// <summary>Binds a whole condition, which must be boolean.</summary>
    public BoundExpr? BindCondition(Expr expr)
    {
        var bound = Bind(expr);
        if (bound is not null && bound.Type.Kind != ValueKind.Boolean)
        {
            Report(DiagnosticCodes.TypeMismatch, expr.Start, $"a condition must be true or false, but this is {Describe(bound.Type)}", null);
        }

        return _failed ? null : bound;
    }

    private void Report(string code, int offset, string message, string? suggestion)
    {
        _failed = true;
        _report(code, offset, message, suggestion);
    }

    private BoundExpr? Bind(Expr expr)
    {
        switch (expr)
        {
            case NumberExpr n:
                return new BoundConstant(n.Value, BoundType.Integer, n);
            case BoolExpr b:
                return new BoundConstant(b.Value ? 1 : 0, BoundType.Boolean, b);
            case NameExpr name:
                return BindName(name);
            case NotExpr not:
                {
                    var operand = ExpectBoolean(Bind(not.Operand), not.Operand, "not");
                    return operand is null ? null : new BoundNot(operand, not);
                }

            case BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                {
                    var word = logical.Operator == BinaryOperator.And ? "and" : "or";
                    var left = ExpectBoolean(Bind(logical.Left), logical.Left, word);
                    var right = ExpectBoolean(Bind(logical.Right), logical.Right, word);
                    return left is null || right is null ? null : new BoundLogical(logical.Operator == BinaryOperator.And, left, right, logical);
                }

            case BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract } arithmetic:
                {
                    var word = arithmetic.Operator == BinaryOperator.Add ? "+" : "-";
                    var left = ExpectInteger(Bind(arithmetic.Left), arithmetic.Left, word);
                    var right = ExpectInteger(Bind(arithmetic.Right), arithmetic.Right, word);
                    return left is null || right is null ? null : new BoundArithmetic(arithmetic.Operator == BinaryOperator.Add, left, right, arithmetic);
                }

            case BinaryExpr comparison:
                return BindComparison(comparison);
            case InExpr inExpr:
                return BindIn(inExpr);
            case CallExpr call:
                return BindCall(call);
            default:
                throw new InvalidOperationException("unknown syntax node");
        }
    }

    /// <summary>True for an id that is declared, or whose declaration failed.</summary>
    private bool IsDeclared(string name) => _symbols.ContainsKey(name) || _poisoned.Contains(name);

    private BoundExpr? BindName(NameExpr name)
    {
        if (_symbols.TryGetValue(name.Name, out var symbol))
        {
            return new BoundSymbol(symbol, TypeOf(symbol), name);
        }

        if (_poisoned.Contains(name.Name))
        {
            _failed = true;
            return null;
        }

        var suggested = Suggestions.Find(name.Name, _symbols.Keys);
        Report(DiagnosticCodes.UnknownIdentifier, name.Start,
            $"'{name.Name}' is not a declared criterion, fact or decision{suggested.DidYouMean}", suggested.Best);
        return null;
    }

    private BoundExpr? BindComparison(BinaryExpr comparison)
    {
        // A bare word beside an enum is a value of that enum: bind the other side first.
        BoundExpr? left;
        BoundExpr? right;
        if (comparison.Right is NameExpr rightName && !IsDeclared(rightName.Name))
        {
            left = Bind(comparison.Left);
            right = left is null ? null : BindInContext(rightName, left);
        }
        else if (comparison.Left is NameExpr leftName && !IsDeclared(leftName.Name))
        {
            right = Bind(comparison.Right);
            left = right is null ? null : BindInContext(leftName, right);
        }
        else
        {
            left = Bind(comparison.Left);
            if (left is not null && left.Type.Kind == ValueKind.Enum && comparison.Right is NameExpr word)
            {
                right = BindInContext(word, left);
            }
            else
            {
                right = Bind(comparison.Right);
            }
        }

        if (left is null || right is null) return null;
        if (!SameType(left.Type, right.Type))
        {
            Report(DiagnosticCodes.TypeMismatch, comparison.OperatorStart,
                $"cannot compare {Describe(left.Type)} with {Describe(right.Type)}", null);
            return null;
        }

        return new BoundComparison(comparison.Operator, left, right, comparison);
    }

    /// <summary>Binds a bare word compared with <paramref name="other"/>: a value of its enum first, else an id.</summary>
    private BoundExpr? BindInContext(NameExpr word, BoundExpr other)
    {
        var context = other.Type;
        if (context.Kind == ValueKind.Enum)
        {
            var index = context.Enum!.IndexOf(word.Name);
            if (index >= 0) return new BoundConstant(index, context, word);
            if (IsDeclared(word.Name)) return BindName(word);
            var suggested = Suggestions.Find(word.Name, context.Enum.Values);
            Report(DiagnosticCodes.UnknownValue, word.Start,
                $"'{word.Name}' is not a value of {context.Enum.Name}{suggested.DidYouMean}; allowed: {Suggestions.List(context.Enum.Values)}",
                suggested.Best);
            return null;
        }

        if (IsDeclared(word.Name)) return BindName(word);

        // Beside a number or true/false, an undeclared word can only be a mistake of type (a word
        // where a number belongs), unless it is a misspelt id of the right type.
        var enums = EnumsHolding(word.Name);
        if (enums.Count == 0)
        {
            var sameType = _symbols.Values.Where(s => TypeOf(s).Kind == context.Kind).Select(s => s.Id);
            if (Suggestions.Find(word.Name, sameType).Best is not null) return BindName(word);
        }

        var what = other is BoundSymbol { Symbol: var symbol } ? symbol.Id : "the other side";
        var message = context.Kind == ValueKind.Integer
            ? $"{what} is an integer and '{word.Name}' is not a number"
            : $"{what} is true or false and '{word.Name}' is neither";
        message += enums.Count > 0
            ? $"; '{word.Name}' is {(enums.Count == 1 ? enums[0] : string.Join(", ", enums.Take(enums.Count - 1)) + " and " + enums[^1])}"
            : ", nor a declared criterion, fact or decision";
        if (context.Kind == ValueKind.Boolean) message += "; compare it with true or false";
        Report(DiagnosticCodes.TypeMismatch, word.Start, message, null);
        return null;
    }

    /// <summary>"a value of rating", "a level of care": every enum and decision that has <paramref name="word"/> among its values.</summary>
    private List<string> EnumsHolding(string word)
    {
        var found = new List<string>();
        var seen = new HashSet<ValueDomain>(ReferenceEqualityComparer.Instance);
        foreach (var symbol in _symbols.Values)
        {
            if (symbol.Domain.Kind != ValueKind.Enum || symbol.Domain.IndexOf(word) < 0 || !seen.Add(symbol.Domain)) continue;
            found.Add(symbol is Decision ? $"a level of {symbol.Id}" : $"a value of {symbol.Domain.Name}");
        }

        return found;
    }

    private BoundExpr? BindIn(InExpr inExpr)
    {
        var operand = Bind(inExpr.Operand);
        if (operand is null) return null;
        if (operand.Type.Kind != ValueKind.Enum)
        {
            Report(DiagnosticCodes.TypeMismatch, inExpr.Operand.Start,
                $"'in' needs an enum or decision on its left, but this is {Describe(operand.Type)}", null);
            return null;
        }

        var domain = operand.Type.Enum!;
        ulong mask = 0;
        var ok = true;
        foreach (var value in inExpr.Values)
        {
            var index = domain.IndexOf(value.Name);
            if (index < 0)
            {
                var suggested = Suggestions.Find(value.Name, domain.Values);
                Report(DiagnosticCodes.UnknownValue, value.Start,
                    $"'{value.Name}' is not a value of {domain.Name}{suggested.DidYouMean}; allowed: {Suggestions.List(domain.Values)}",
                    suggested.Best);
                ok = false;
                continue;
            }

            mask |= 1UL << index;
        }

        return ok ? new BoundIn(operand, mask, inExpr.Negated, inExpr) : null;
    }

    private BoundExpr? BindCall(CallExpr call)
    {
        var name = call.Function.Name;
        switch (name)
        {
            case "known":
                if (call.Arguments.Count != 1 || call.Arguments[0] is not NameExpr arg)
                {
                    Report(DiagnosticCodes.InvalidCall, call.Start, "known(...) takes one criterion id, as in known(ciwa_ar)", null);
                    return null;
                }

                if (!_symbols.TryGetValue(arg.Name, out var symbol))
                {
                    BindName(arg);
                    return null;
                }

                if (symbol is not Criterion criterion)
                {
                    Report(DiagnosticCodes.InvalidCall, arg.Start,
                        $"known(...) takes a criterion; '{arg.Name}' is a {(symbol is Fact ? "fact" : "decision")}, which always has a value", null);
                    return null;
                }

                return new BoundKnown(criterion, call);
            case "count":
            case "min":
            case "max":
                {
                    if (call.Arguments.Count == 0)
                    {
                        Report(DiagnosticCodes.InvalidCall, call.Start, $"{name}(...) needs at least one argument", null);
                        return null;
                    }

                    var args = new List<BoundExpr>();
                    foreach (var a in call.Arguments)
                    {
                        var bound = name == "count" ? ExpectBoolean(Bind(a), a, "count(...)") : ExpectInteger(Bind(a), a, name + "(...)");
                        if (bound is not null) args.Add(bound);
                    }

                    if (args.Count != call.Arguments.Count) return null;
                    var kind = name switch { "count" => AggregateKind.Count, "min" => AggregateKind.Min, _ => AggregateKind.Max };
                    return new BoundAggregate(kind, args, call);
                }

            default:
                var suggested = Suggestions.Find(name, Functions);
                Report(DiagnosticCodes.InvalidCall, call.Start,
                    $"unknown function '{name}'{suggested.DidYouMean}; the functions are known, count, min and max",
                    suggested.Best);
                return null;
        }
    }

    private BoundExpr? ExpectBoolean(BoundExpr? bound, Expr syntax, string where)
    {
        if (bound is null || bound.Type.Kind == ValueKind.Boolean) return bound;
        Report(DiagnosticCodes.TypeMismatch, syntax.Start, $"'{where}' needs true or false, but this is {Describe(bound.Type)}", null);
        return null;
    }

    private BoundExpr? ExpectInteger(BoundExpr? bound, Expr syntax, string where)
    {
        if (bound is null || bound.Type.Kind == ValueKind.Integer) return bound;
        Report(DiagnosticCodes.TypeMismatch, syntax.Start, $"'{where}' needs a number, but this is {Describe(bound.Type)}", null);
        return null;
    }

    private static BoundType TypeOf(Symbol symbol) => symbol.Domain.Kind switch
    {
        ValueKind.Boolean => BoundType.Boolean,
        ValueKind.Integer => BoundType.Integer,
        _ => new BoundType(ValueKind.Enum, symbol.Domain),
    };

    private static bool SameType(BoundType a, BoundType b) =>
        a.Kind == b.Kind && (a.Kind != ValueKind.Enum || ReferenceEquals(a.Enum, b.Enum));

    private static string Describe(BoundType type) => type.Kind switch
    {
        ValueKind.Boolean => "true/false",
        ValueKind.Integer => "a number",
        _ => $"a value of {type.Enum!.Name} ({Suggestions.List(type.Enum.Values)})",
    };
}
