using System.Text;

namespace Placement.Model;

/// <summary>A <c>because</c> or <c>note</c> text with <c>{id}</c> placeholders, checked at load.</summary>
internal sealed class TextTemplate
{
    private readonly IReadOnlyList<object> _parts;

    // The text when it has no placeholders (most flags and notes): rendered once, at load.
    private readonly string? _constant;

    private TextTemplate(IReadOnlyList<object> parts)
    {
        _parts = parts;
        if (parts.All(p => p is string)) _constant = string.Concat(parts.Cast<string>());
    }

    /// <summary>
    /// Parses a template. <c>{{</c> and <c>}}</c> stand for braces. Calls <paramref name="unknown"/>
    /// with the offset and name of each placeholder that is not a declared id.
    /// </summary>
    public static TextTemplate Parse(string text, IReadOnlyDictionary<string, Symbol> symbols, Action<int, string> unknown, Action<int> unclosed)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                unclosed(i);
                literal.Append(text, i, text.Length - i);
                break;
            }

            var name = text.Substring(i + 1, close - i - 1).Trim();
            if (symbols.TryGetValue(name, out var symbol))
            {
                if (literal.Length > 0) parts.Add(literal.ToString());
                literal.Clear();
                parts.Add(symbol);
            }
            else
            {
                unknown(i + 1, name);
            }

            i = close;
        }

        if (literal.Length > 0) parts.Add(literal.ToString());
        return new TextTemplate(parts);
    }

    /// <summary>The text when it has no placeholder; null otherwise.</summary>
    public string? Constant => _constant;

    /// <summary>The text with each placeholder replaced by <paramref name="value"/>(symbol).</summary>
    public string Render(Func<Symbol, string> value)
    {
        if (_constant is not null) return _constant;
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            sb.Append(part is Symbol s ? value(s) : (string)part);
        }

        return sb.ToString();
    }
}
