using System.Text;
using Placement.Diagnostics;
using YamlDotNet.Core;

namespace Placement.Yaml;

/// <summary>
/// Plain-language diagnostics for the two YAML mistakes rule authors make most, in place of
/// YamlDotNet's parser messages: a tab in the indentation (reported at the tab, with the spaces to
/// use instead) and a <c>": "</c> inside a text that is not in quotes (reported at the start of the
/// text, with the text in quotes).
/// </summary>
internal static class YamlSyntaxHints
{
    /// <summary>
    /// A diagnostic for <paramref name="ex"/> when it is one of the mistakes this class knows, else null.
    /// </summary>
    /// <param name="source">The file.</param>
    /// <param name="ex">What YamlDotNet threw.</param>
    /// <param name="scannerAt">Where YamlDotNet's scanner stopped.</param>
    /// <param name="quoteText">True when the message may quote the file's text back (never for assessments).</param>
    public static Diagnostic? Describe(SourceText source, YamlException ex, Mark scannerAt, bool quoteText)
    {
        var message = ex.Message;
        if (message.Contains(" tab ", StringComparison.Ordinal)) return Tab(source, ex, scannerAt);
        if (message.Contains("found invalid mapping", StringComparison.Ordinal)
            || message.Contains("did not find expected ',' or '}'", StringComparison.Ordinal))
        {
            return ColonInText(source, (int)ex.Start.Index, quoteText);
        }

        return null;
    }

    private static Diagnostic? Tab(SourceText source, YamlException ex, Mark scannerAt)
    {
        var text = source.Text;

        // "found invalid tab as indentation" carries no position, and "found a tab character that
        // violate indentation" the start of the value before the tab (a line or more too early):
        // the tab is where the scanner stopped or, failing that, the first tab in an indentation
        // from the reported line on.
        var at = (int)scannerAt.Index;
        if (at < 0 || at >= text.Length || text[at] != '\t' || !InIndentation(text, at))
        {
            var from = ex.Start.Line >= 1 ? LineStart(text, (int)Math.Min(ex.Start.Index, text.Length)) : 0;
            at = FirstIndentationTab(text, from);
            if (at < 0) at = FirstIndentationTab(text, 0);
            if (at < 0) return null;
        }

        var location = source.LocationOf(at);
        var spaces = SpacesFor(text, at);
        return new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error,
            "invalid YAML: a tab in the indentation; YAML does not allow tabs for indentation, so indent with spaces",
            location.File, location.Line, location.Column, spaces > 0 ? new string(' ', spaces) : null);
    }

    /// <summary>
    /// How many spaces should replace the white space from the tab at <paramref name="tab"/> to the
    /// line's first character: enough to line up with the line above, or two more when that line
    /// opens a nested block (it ends with <c>:</c>, <c>|</c> or <c>&gt;</c>). 0 on a blank line.
    /// </summary>
    private static int SpacesFor(string text, int tab)
    {
        var lineStart = LineStart(text, tab);
        var contentAt = tab;
        while (contentAt < text.Length && text[contentAt] is ' ' or '\t') contentAt++;
        if (contentAt >= text.Length || text[contentAt] is '\n' or '\r' or '#') return 0;

        var target = 0;
        for (var start = lineStart; start > 0;)
        {
            var end = start - 1;
            start = LineStart(text, end);
            var line = text[start..end].TrimEnd('\r');
            var trimmed = line.TrimStart(' ', '\t');
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var indent = line.Length - trimmed.Length;
            while (trimmed.Length > 1 && trimmed[0] == '-' && trimmed[1] is ' ' or '\t')
            {
                var rest = trimmed[1..].TrimStart(' ', '\t');
                indent += trimmed.Length - rest.Length;
                trimmed = rest;
            }

            target = OpensBlock(WithoutComment(trimmed).TrimEnd()) ? indent + 2 : indent;
            break;
        }

        return Math.Max(0, target - (tab - lineStart));
    }

    /// <summary>True for a line that ends with a key and nothing after it, or a block scalar's '|' or '>'.</summary>
    private static bool OpensBlock(string line)
    {
        if (line.EndsWith(':')) return true;
        var body = line.TrimEnd('-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return body.EndsWith(": |", StringComparison.Ordinal) || body.EndsWith(": >", StringComparison.Ordinal);
    }

    /// <summary>
    /// The hint for a <c>": "</c> inside a plain (unquoted) text, which YAML reads as a new key:
    /// reported where the text starts, with the text in quotes as the suggestion.
    /// </summary>
    private static Diagnostic? ColonInText(SourceText source, int colon, bool quoteText)
    {
        var text = source.Text;
        if (colon <= 0 || colon >= text.Length || text[colon] != ':') return null;
        if (colon + 1 < text.Length && text[colon + 1] is not (' ' or '\t' or '\r' or '\n')) return null;

        // The key whose value this is: the nearest ": " before the colon on its line, or, when the
        // colon is on a continuation line of a text, on the nearest less indented line above.
        var lineStart = LineStart(text, colon);
        var keyColon = LastKeyColon(text, lineStart, colon);
        var continuation = false;
        if (keyColon < 0)
        {
            var indent = IndentOf(text, lineStart);
            for (var start = lineStart; start > 0 && keyColon < 0;)
            {
                start = LineStart(text, start - 1);
                var lineEnd = LineEnd(text, start);
                if (IndentOf(text, start) >= indent || IsBlank(text, start, lineEnd)) continue;
                keyColon = LastKeyColon(text, start, lineEnd);
                break;
            }

            if (keyColon < 0) return null;
            continuation = true;
        }

        var valueStart = keyColon + 1;
        while (valueStart < text.Length && text[valueStart] is ' ' or '\t') valueStart++;
        if (valueStart >= text.Length || text[valueStart] is '"' or '\'' or '{' or '[' or '|' or '>' or '&' or '*' or '!' or '\r' or '\n') return null;
        var key = KeyBefore(text, keyColon);
        var inFlow = InFlow(text, LineStart(text, keyColon), keyColon);
        var keyColumn = keyColon - key.Length - LineStart(text, keyColon);
        var value = inFlow ? FlowValue(text, valueStart) : BlockValue(text, valueStart, keyColumn);
        if (value.Length == 0 || (!continuation && !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':'))) return null;

        var before = WordBefore(text, colon);
        if (continuation && IsFirstOnItsLine(text, colon - before.Length))
        {
            // "word:" at the start of a line indented deeper than its key: a key out of line, most likely.
            var at = source.LocationOf(colon - before.Length);
            return new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error,
                quoteText
                    ? $"invalid YAML: '{before}:' is indented deeper than '{key}:' above it, so it reads as more of the text of '{key}'; indent a key like the keys beside it, or put a text holding ': ' in quotes"
                    : "invalid YAML: a key is indented deeper than the key above it, so it reads as more of that key's value; indent a key like the keys beside it",
                at.File, at.Line, at.Column);
        }

        var location = source.LocationOf(valueStart);
        var quoted = "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        if (!quoteText) return null; // an assessment's values are words and numbers: a ': ' there is no text to quote

        if (inFlow && LooksLikeMissingComma(value, before))
        {
            // "{ type: integer min: 0 }": a missing comma is as likely as a text.
            return new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error,
                $"invalid YAML: the ': ' after '{before}' starts a new key; if '{before}' is a key, put a ',' before it; if it is part of the text, put the whole text in quotes: {key}: {quoted}",
                location.File, location.Line, location.Column);
        }

        return new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error,
            $"invalid YAML: the ': ' after '{before}' starts a new key, because the text is not in quotes; put the whole text in quotes: {key}: {quoted}",
            location.File, location.Line, location.Column, quoted);
    }

    private static bool IsFirstOnItsLine(string text, int at)
    {
        for (var i = at - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (text[i] is not (' ' or '\t')) return false;
        }

        return true;
    }

    /// <summary>"word key: word", with key an id: two properties with the comma between them left out.</summary>
    private static bool LooksLikeMissingComma(string value, string key)
    {
        var colon = value.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 || !IsId(key)) return false;
        var words = value[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var after = value[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2 && words[1] == key && after.Length <= 1;
    }

    private static bool IsId(string word) =>
        word.Length > 0 && word[0] is >= 'a' and <= 'z' && word.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>The index of the last <c>":"</c> followed by white space in [start, end), or -1.</summary>
    private static int LastKeyColon(string text, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (text[i] == ':' && i + 1 < text.Length && text[i + 1] is ' ' or '\t') return i;
        }

        return -1;
    }

    private static string KeyBefore(string text, int colon)
    {
        var start = colon;
        while (start > 0 && text[start - 1] is not (' ' or '\t' or '{' or ',' or '\n')) start--;
        return text[start..colon];
    }

    private static string WordBefore(string text, int colon)
    {
        var start = colon;
        while (start > 0 && text[start - 1] is not (' ' or '\t' or '{' or ',' or '\n' or '(' or '[')) start--;
        return text[start..colon];
    }

    /// <summary>True when [lineStart, at) has more '{' than '}': the key is inside a flow mapping.</summary>
    private static bool InFlow(string text, int lineStart, int at)
    {
        var depth = 0;
        for (var i = lineStart; i < at; i++)
        {
            if (text[i] is '{' or '[') depth++;
            else if (text[i] is '}' or ']') depth--;
        }

        return depth > 0;
    }

    /// <summary>A plain value inside a flow mapping: up to the next ',' or '}'.</summary>
    private static string FlowValue(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n' or '\r')) end++;
        return text[start..end].Trim();
    }

    /// <summary>A plain value in block style: the rest of the line and its continuation lines, indented deeper than its key.</summary>
    private static string BlockValue(string text, int start, int keyColumn)
    {
        var parts = new List<string> { WithoutComment(text[start..LineEnd(text, start)]) };
        var next = LineEnd(text, start);
        while (next < text.Length)
        {
            next = text.IndexOf('\n', next) is var nl and >= 0 ? nl + 1 : text.Length;
            if (next >= text.Length) break;
            var end = LineEnd(text, next);
            if (IsBlank(text, next, end) || IndentOf(text, next) <= keyColumn) break;
            parts.Add(WithoutComment(text[next..end]));
            next = end;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var p = part.Trim();
            if (p.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(p);
        }

        return sb.ToString();
    }

    private static string WithoutComment(string line)
    {
        var i = line.IndexOf(" #", StringComparison.Ordinal);
        return i >= 0 ? line[..i] : line;
    }

    private static bool InIndentation(string text, int at)
    {
        for (var i = LineStart(text, at); i < at; i++)
        {
            if (text[i] is not (' ' or '\t')) return false;
        }

        return true;
    }

    private static int FirstIndentationTab(string text, int from)
    {
        var lineStart = true;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
            }
            else if (c == '\t' && lineStart)
            {
                return i;
            }
            else if (c != ' ')
            {
                lineStart = false;
            }
        }

        return -1;
    }

    private static int LineStart(string text, int at)
    {
        if (at <= 0) return 0;
        var nl = text.LastIndexOf('\n', Math.Min(at, text.Length) - 1);
        return nl + 1;
    }

    private static int LineEnd(string text, int at)
    {
        var nl = text.IndexOf('\n', at);
        var end = nl < 0 ? text.Length : nl;
        return end > at && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static int IndentOf(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i - lineStart;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r')) return false;
        }

        return true;
    }
}
