using Placement.Language.Ast;

namespace Placement.Explanations;

/// <summary>The text of a part of a condition, as its author wrote it, on one line.</summary>
internal static class ConditionText
{
    public static string Of(string condition, Expr syntax)
    {
        var start = Math.Clamp(syntax.Start, 0, condition.Length);
        var end = Math.Clamp(syntax.End, start, condition.Length);
        var text = condition[start..end];

        // Parenthesised parts: include the brackets the syntax node leaves out.
        var open = 0;
        foreach (var ch in text)
        {
            if (ch == '(') open++;
            else if (ch == ')') open--;
        }

        var s = start;
        var e = end;
        while (open < 0 && s > 0)
        {
            s--;
            if (condition[s] == '(') open++;
        }

        while (open > 0 && e < condition.Length)
        {
            if (condition[e] == ')') open--;
            e++;
        }

        return string.Join(' ', condition[s..e].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
