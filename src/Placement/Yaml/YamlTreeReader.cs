using Placement.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Placement.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YNode"/>s with positions. Unlike YamlDotNet's
/// representation model it reports duplicate keys and non-scalar keys as diagnostics
/// instead of throwing, and turns every parser failure into a positioned diagnostic.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper nesting is an error, not a stack overflow: no rule file or assessment needs it.</summary>
    public const int MaxDepth = PlacementLimits.MaxNestingDepth;

    /// <summary>True for a key written like an id: lower-case letters, digits and '_', starting with a letter, at most <see cref="PlacementLimits.MaxIdLength"/> characters.</summary>
    internal static bool IsIdShaped(string key) =>
        key.Length is > 0 and <= PlacementLimits.MaxIdLength && key[0] is >= 'a' and <= 'z' && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>The document's root node, or null when the file is empty or not valid YAML.</summary>
    /// <param name="source">The file.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="hintsQuoteText">
    /// True when a hint may quote the file's text back (rule files); false for files whose values
    /// must never appear in a message (assessments).
    /// </param>
    public static YNode? Read(SourceText source, DiagnosticBag diagnostics, bool hintsQuoteText = false)
    {
        var scanner = new Scanner(new StringReader(source.Text));
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        Mark last = Mark.Empty;
        try
        {
            YNode? root = null;
            var documents = 0;
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.Start;
                switch (e)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(source, e.Start),
                                "a file holds one YAML document; split the others into their own files");
                            return null;
                        }

                        break;
                    case MappingStart or SequenceStart or Scalar or AnchorAlias:
                        root = ReadNode(parser, source, anchors, diagnostics, ref last, 0, hintsQuoteText);
                        break;
                }
            }

            return root;
        }
        catch (NestingTooDeepException ex)
        {
            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(source, ex.At), $"nesting deeper than {MaxDepth} levels");
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(YamlSyntaxHints.Describe(source, ex, scanner.CurrentPosition, hintsQuoteText)
                ?? new Diagnostic(DiagnosticCodes.YamlSyntax, DiagnosticSeverity.Error, "invalid YAML: " + CleanMessage(ex.Message),
                    source.Path, Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet can fail with a non-YAML exception on some malformed inputs.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(source, last), "invalid YAML after this point (unterminated list, mapping or quote?)");
            return null;
        }
    }

    private static YNode ReadNode(IParser parser, SourceText source, Dictionary<string, YNode> anchors, DiagnosticBag diagnostics, ref Mark last, int depth, bool hintsQuoteText)
    {
        var e = parser.Current!;
        last = e.Start;
        if (depth > MaxDepth) throw new NestingTooDeepException(e.Start);
        YNode node;
        switch (e)
        {
            case Scalar s:
                node = new YScalar(source, (int)s.Start.Index, At(source, s.Start), (int)s.End.Index, s.Value, s.Style);
                Remember(s.Anchor, node, anchors);
                return node;
            case AnchorAlias alias:
                if (anchors.TryGetValue(alias.Value.Value, out var target)) return target;
                diagnostics.Error(DiagnosticCodes.YamlSyntax, At(source, alias.Start), $"unknown YAML alias '*{alias.Value.Value}'");
                return new YScalar(source, (int)alias.Start.Index, At(source, alias.Start), (int)alias.End.Index, "", ScalarStyle.Plain);
            case SequenceStart seq:
                {
                    var items = new List<YNode>();
                    while (parser.MoveNext() && parser.Current is not SequenceEnd)
                    {
                        items.Add(ReadNode(parser, source, anchors, diagnostics, ref last, depth + 1, hintsQuoteText));
                    }

                    node = new YSequence(source, (int)seq.Start.Index, At(source, seq.Start), items);
                    Remember(seq.Anchor, node, anchors);
                    return node;
                }

            case MappingStart map:
                {
                    var entries = new List<KeyValuePair<YScalar, YNode>>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (parser.MoveNext() && parser.Current is not MappingEnd)
                    {
                        var key = ReadNode(parser, source, anchors, diagnostics, ref last, depth + 1, hintsQuoteText);
                        parser.MoveNext();
                        var value = ReadNode(parser, source, anchors, diagnostics, ref last, depth + 1, hintsQuoteText);
                        if (key is not YScalar scalarKey)
                        {
                            diagnostics.Error(DiagnosticCodes.WrongNodeKind, key.Start, "a mapping key must be a single value");
                            continue;
                        }

                        if (!seen.Add(scalarKey.Value))
                        {
                            // In an assessment a key that is not written like an id is not repeated: it might hold something about the person.
                            diagnostics.Error(DiagnosticCodes.DuplicateKey, scalarKey.Start, hintsQuoteText || IsIdShaped(scalarKey.Value)
                                ? $"duplicate key '{scalarKey.Value}' in this mapping"
                                : "duplicate key in this mapping (not written like an id, so it is not repeated here)");
                            continue;
                        }

                        entries.Add(new KeyValuePair<YScalar, YNode>(scalarKey, value));
                    }

                    node = new YMapping(source, (int)map.Start.Index, At(source, map.Start), entries);
                    Remember(map.Anchor, node, anchors);
                    return node;
                }

            default:
                throw new InvalidOperationException("unexpected YAML event");
        }
    }

    private sealed class NestingTooDeepException(Mark at) : Exception
    {
        public Mark At { get; } = at;
    }

    private static void Remember(AnchorName anchor, YNode node, Dictionary<string, YNode> anchors)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static SourceLocation At(SourceText source, Mark mark) =>
        new(source.Path, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (…): "; the position is ours to report.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }
}
