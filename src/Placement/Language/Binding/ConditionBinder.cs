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
            case HasExpr has:
                return BindHas(has);
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
            if (symbol.Domain.Kind == ValueKind.Set)
            {
                Report(DiagnosticCodes.TypeMismatch, name.Start,
                    $"'{name.Name}' is a set: test it with 'has', 'has any [...]' or 'has all [...]', or count it with count({name.Name})", null);
                return null;
            }

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
        if (operand.Type.Kind == ValueKind.Integer) return BindIntegerIn(inExpr, operand);
        if (operand.Type.Kind != ValueKind.Enum)
        {
            Report(DiagnosticCodes.TypeMismatch, inExpr.Operand.Start,
                $"'in' needs a number, an enum or a decision on its left, but this is {Describe(operand.Type)}", null);
            return null;
        }

        var domain = operand.Type.Enum!;
        ulong mask = 0;
        var ok = true;
        foreach (var value in inExpr.Values)
        {
            var word = value switch
            {
                NameExpr n => n.Name,
                NumberExpr n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RangeExpr r => $"{r.Low}..{r.High}",
                _ => throw new InvalidOperationException("unknown list item"),
            };
            var index = value is NameExpr ? domain.IndexOf(word) : -1;
            if (index < 0)
            {
                var suggested = Suggestions.Find(word, domain.Values);
                Report(DiagnosticCodes.UnknownValue, value.Start,
                    $"'{word}' is not a value of {domain.Name}{suggested.DidYouMean}; allowed: {Suggestions.List(domain.Values)}",
                    suggested.Best);
                ok = false;
                continue;
            }

            mask |= 1UL << index;
        }

        return ok ? new BoundIn(operand, mask, inExpr.Negated, inExpr) : null;
    }

    /// <summary>
    /// <c>x in [2, 4..6]</c> on a number: true when at least one item holds, each item a comparison
    /// (<c>x == 2</c>) or a pair of them (<c>x &gt;= 4 and x &lt;= 6</c>). Counting the items that hold,
    /// rather than chaining 'or', keeps the whole list one part of the condition in explanations;
    /// on unknowns it gives the same answers as 'or'.
    /// </summary>
    private BoundExpr? BindIntegerIn(InExpr inExpr, BoundExpr operand)
    {
        var items = new List<BoundExpr>();
        var ok = true;
        foreach (var value in inExpr.Values)
        {
            switch (value)
            {
                case NumberExpr n:
                    items.Add(new BoundComparison(BinaryOperator.Equal, operand, new BoundConstant(n.Value, BoundType.Integer, n), n));
                    break;
                case RangeExpr r when r.Low > r.High:
                    Report(DiagnosticCodes.ConditionSyntax, r.Start, $"invalid condition: the range {r.Low}..{r.High} is empty; write the lower bound first", null);
                    ok = false;
                    break;
                case RangeExpr r:
                    items.Add(new BoundLogical(
                        true,
                        new BoundComparison(BinaryOperator.GreaterOrEqual, operand, new BoundConstant(r.Low, BoundType.Integer, r), r),
                        new BoundComparison(BinaryOperator.LessOrEqual, operand, new BoundConstant(r.High, BoundType.Integer, r), r),
                        r));
                    break;
                case NameExpr name:
                    Report(DiagnosticCodes.TypeMismatch, name.Start,
                        $"'{name.Name}' is not a number; 'in' on a number takes whole numbers and ranges, such as [2, 3] or 2..5", null);
                    ok = false;
                    break;
            }
        }

        if (!ok) return null;
        BoundExpr any = AtLeast(items, 1, inExpr);
        return inExpr.Negated ? new BoundNot(any, inExpr) : any;
    }

    /// <summary>
    /// <c>s has v</c>, <c>s has any [..]</c>, <c>s has all [..]</c>: each word of a set is a hidden
    /// boolean criterion (its member), so <c>has v</c> reads one member, and <c>any</c> / <c>all</c>
    /// count the members that hold (at least one, or all of them; on unknowns the same as 'or' and
    /// 'and', and one part of the condition in explanations).
    /// </summary>
    private BoundExpr? BindHas(HasExpr has)
    {
        if (has.Operand is not NameExpr name || !_symbols.TryGetValue(name.Name, out var symbol) || symbol is not Criterion { Domain.Kind: ValueKind.Set } set)
        {
            // Bind a declared name without BindName's complaint about sets; anything else as usual (an undeclared name is PL3002).
            var operand = has.Operand is NameExpr n && _symbols.TryGetValue(n.Name, out var s) ? new BoundSymbol(s, TypeOf(s), n) : Bind(has.Operand);
            if (operand is not null)
            {
                Report(DiagnosticCodes.TypeMismatch, has.Operand.Start, $"'has' needs a set criterion on its left, but this is {Describe(operand.Type)}", null);
            }

            return null;
        }

        var members = new List<BoundExpr>();
        var ok = true;
        foreach (var value in has.Values)
        {
            var index = set.Domain.IndexOf(value.Name);
            if (index < 0)
            {
                var suggested = Suggestions.Find(value.Name, set.Domain.Values);
                Report(DiagnosticCodes.UnknownValue, value.Start,
                    $"'{value.Name}' is not a value of {set.Id}{suggested.DidYouMean}; allowed: {Suggestions.List(set.Domain.Values)}",
                    suggested.Best);
                ok = false;
                continue;
            }

            if (members.Any(m => ((BoundSymbol)m).Symbol == set.Members[index])) continue;
            members.Add(new BoundSymbol(set.Members[index], BoundType.Boolean, has.Quantifier == HasQuantifier.One ? has : value));
        }

        if (!ok) return null;
        return has.Quantifier switch
        {
            HasQuantifier.One => members[0],
            HasQuantifier.Any => AtLeast(members, 1, has),
            _ => AtLeast(members, members.Count, has),
        };
    }

    /// <summary><c>count(conditions) &gt;= k</c>, every node carrying <paramref name="syntax"/>.</summary>
    private static BoundComparison AtLeast(IReadOnlyList<BoundExpr> conditions, int k, Expr syntax) =>
        new(BinaryOperator.GreaterOrEqual,
            new BoundAggregate(AggregateKind.Count, conditions, syntax),
            new BoundConstant(k, BoundType.Integer, syntax),
            syntax);

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
            case "count" when call.Arguments is [NameExpr only] && _symbols.TryGetValue(only.Name, out var counted) && counted is Criterion { Domain.Kind: ValueKind.Set } set:
                // count(s): how many of the set's words were chosen, that is how many of its members hold.
                return new BoundAggregate(AggregateKind.Count, set.Members.Select(m => (BoundExpr)new BoundSymbol(m, BoundType.Boolean, only)).ToArray(), call);
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
        _ => new BoundType(symbol.Domain.Kind, symbol.Domain),
    };

    private static bool SameType(BoundType a, BoundType b) =>
        a.Kind == b.Kind && (a.Kind != ValueKind.Enum || ReferenceEquals(a.Enum, b.Enum));

    private static string Describe(BoundType type) => type.Kind switch
    {
        ValueKind.Boolean => "true/false",
        ValueKind.Integer => "a number",
        ValueKind.Set => $"the set {type.Enum!.Name} ({Suggestions.List(type.Enum.Values)})",
        _ => $"a value of {type.Enum!.Name} ({Suggestions.List(type.Enum.Values)})",
    };
}
