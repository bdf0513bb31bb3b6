using Placement.Language.Ast;
using Placement.Language.Binding;
using Placement.Model;

namespace Placement.Engine;

/// <summary>
/// Which criteria every fact and decision rises with, along the criterion's declared risk order,
/// proven from the form of the conditions (polarity): a criterion is monotone when each condition
/// reads it only in the direction of its risk (<c>score &gt;= 10</c> for increasing risk), and every
/// fact or decision it feeds is read only upwards (<c>severity &gt;= moderate</c>, never
/// <c>not severe</c>). Then the least and the most risky value of that criterion bound every fact
/// and decision whatever the other answers are, which is what makes exact bounds cheap. The proof
/// is sufficient, not necessary: a criterion it cannot prove is enumerated instead.
/// </summary>
internal static class Monotonicity
{
    /// <summary>For each criterion slot, +1 or -1 (the direction in which its value raises risk) when proven monotone, else 0.</summary>
    public static int[] Of(RuleSetModel model, IReadOnlyList<CompiledRule> rules)
    {
        // Polarity of every occurrence of every symbol in the condition of every rule that raises something
        // (a rule that only adds a note changes no fact or decision, so how it reads does not matter).
        var occurrences = new Dictionary<Symbol, HashSet<int>>();
        foreach (var rule in rules)
        {
            if (rule.TargetSlots.Length > 0) new Polarity(occurrences).Read(rule.Condition, +1);
        }

        // Which derived symbols each criterion feeds, through the rules that write them.
        var feeds = model.Criteria.ToDictionary(c => (Symbol)c, _ => new HashSet<Symbol>());
        bool changed;
        do
        {
            changed = false;
            foreach (var rule in rules)
            {
                // The symbols the condition reads by slot: set members, not the set a rule's Reads names.
                foreach (var read in BoundExprSymbols.Descendants(rule.Condition).OfType<BoundSymbol>().Select(b => b.Symbol))
                {
                    foreach (var (criterion, fed) in feeds)
                    {
                        if (read != criterion && !fed.Contains(read)) continue;
                        foreach (var action in rule.Model.Actions) changed |= fed.Add(action.Target);
                    }
                }
            }
        }
        while (changed);

        var result = new int[model.Criteria.Count];
        foreach (var criterion in model.Criteria)
        {
            var want = criterion.Risk switch { RiskDirection.Increasing => +1, RiskDirection.Decreasing => -1, _ => 0 };
            if (want == 0) continue;
            var direct = !occurrences.TryGetValue(criterion, out var own) || own.All(p => p == want);
            var downstream = feeds[criterion].All(d => !occurrences.TryGetValue(d, out var ps) || ps.All(p => p == +1));
            result[criterion.Slot] = direct && downstream ? want : 0;
        }

        return result;
    }

    /// <summary>Records the polarity of each symbol occurrence: +1 raising it can only make the condition truer, -1 only falser, 0 either.</summary>
    private sealed class Polarity(Dictionary<Symbol, HashSet<int>> occurrences) : BoundExprVisitor<bool>
    {
        private int _sign = +1;

        public void Read(BoundExpr e, int sign)
        {
            var saved = _sign;
            _sign = sign;
            Visit(e);
            _sign = saved;
        }

        public override bool VisitConstant(BoundConstant node) => true;

        public override bool VisitSymbol(BoundSymbol node)
        {
            if (!occurrences.TryGetValue(node.Symbol, out var set)) occurrences[node.Symbol] = set = [];
            set.Add(_sign);
            return true;
        }

        // Whether an answer was given is fixed for every completion of an assessment: no value is read.
        public override bool VisitKnown(BoundKnown node) => true;

        public override bool VisitComparison(BoundComparison node)
        {
            switch (node.Operator)
            {
                case BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                    Read(node.Left, _sign);
                    Read(node.Right, -_sign);
                    break;
                case BinaryOperator.Less or BinaryOperator.LessOrEqual:
                    Read(node.Left, -_sign);
                    Read(node.Right, _sign);
                    break;
                default:
                    var negate = node.Operator == BinaryOperator.NotEqual ? -1 : 1;
                    if (!ExtremeEquality(node.Left, node.Right, negate) && !ExtremeEquality(node.Right, node.Left, negate))
                    {
                        Read(node.Left, 0);
                        Read(node.Right, 0);
                    }

                    break;
            }

            return true;
        }

        public override bool VisitIn(BoundIn node)
        {
            var domain = node.Operand.Type.Enum;
            var count = domain?.Values.Count ?? 2;
            var upward = IsClosed(node.Mask, count, upward: true);
            var downward = IsClosed(node.Mask, count, upward: false);
            var sign = upward ? +1 : downward ? -1 : 0;
            Read(node.Operand, node.Negated ? -sign * _sign : sign * _sign);
            return true;
        }

        public override bool VisitLogical(BoundLogical node)
        {
            Visit(node.Left);
            Visit(node.Right);
            return true;
        }

        public override bool VisitNot(BoundNot node)
        {
            Read(node.Operand, -_sign);
            return true;
        }

        // No sum can wrap around: the loader rejects arithmetic that could (PL3006).
        public override bool VisitArithmetic(BoundArithmetic node)
        {
            Read(node.Left, _sign);
            Read(node.Right, node.IsAdd ? _sign : -_sign);
            return true;
        }

        // count, min and max rise with each argument.
        public override bool VisitAggregate(BoundAggregate node)
        {
            foreach (var argument in node.Arguments) Visit(argument);
            return true;
        }

        /// <summary><c>x == top</c> is <c>x &gt;= top</c>; <c>x == bottom</c> is <c>x &lt;= bottom</c>.</summary>
        private bool ExtremeEquality(BoundExpr value, BoundExpr constant, int negate)
        {
            if (constant is not BoundConstant c || value is not BoundSymbol s || s.Symbol.Domain.Kind == ValueKind.Integer) return false;
            var sign = c.Value == s.Symbol.Domain.Max ? +1 : c.Value == s.Symbol.Domain.Min ? -1 : 0;
            if (sign == 0) return false;
            Read(value, sign * negate * _sign);
            return true;
        }

        /// <summary>True when the values in the mask are exactly those from some value up (or down).</summary>
        private static bool IsClosed(ulong mask, int count, bool upward)
        {
            var seenIn = false;
            var seenOut = false;
            for (var i = 0; i < count; i++)
            {
                var k = upward ? i : count - 1 - i;
                var inside = (mask & (1UL << k)) != 0;
                if (inside) seenIn = true;
                else if (seenIn) return false;
                else seenOut = true;
            }

            return seenIn || seenOut;
        }
    }
}
