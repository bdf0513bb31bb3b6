namespace Placement.Diagnostics;

/// <summary>
/// "Did you mean" for every unknown name, word or key, the same way everywhere: candidates that
/// the word is a prefix of (or that are a prefix of it) come first, then likely misspellings by
/// edit distance; at most three are offered, nearest first.
/// </summary>
internal static class Suggestions
{
    /// <summary>The most suggestions a message offers.</summary>
    public const int Limit = 3;

    /// <summary>What to suggest for <paramref name="word"/> among <paramref name="candidates"/>.</summary>
    public static Suggested Find(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        var ranked = new List<(string Candidate, int Rank, int Distance)>();
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var c = candidate.ToLowerInvariant();
            if (c == lower) continue;
            // A misspelling is at most 3 edits away, so lengths 4 or more apart need no distance
            // (which costs the product of the lengths: a 500,000-letter key costs nothing here).
            var distance = Math.Abs(c.Length - lower.Length) > 3 ? int.MaxValue : Distance(lower, c);
            if (lower.Length >= 2 && (c.StartsWith(lower, StringComparison.Ordinal) || lower.StartsWith(c, StringComparison.Ordinal)))
            {
                ranked.Add((candidate, 0, Math.Abs(c.Length - lower.Length)));
            }
            else if (IsLikelyMisspelling(lower, c, distance))
            {
                ranked.Add((candidate, 1, distance));
            }
        }

        var best = ranked
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.Distance)
            .ThenBy(r => r.Candidate, StringComparer.Ordinal)
            .Take(Limit)
            .Select(r => r.Candidate)
            .ToArray();
        return new Suggested(best);
    }

    /// <summary>The single closest candidate, or null: what a tool could offer as a replacement.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates) => Find(word, candidates).Best;

    /// <summary>A list for messages: "a, b, c".</summary>
    public static string List(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>Optimal string alignment distance (Levenshtein with transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool IsLikelyMisspelling(string word, string candidate, int distance)
    {
        var limit = Math.Max(word.Length, candidate.Length) switch { <= 3 => 1, <= 6 => 2, _ => 3 };
        return distance <= limit && distance < word.Length;
    }
}

/// <summary>The suggestions for one unknown word, nearest first (at most <see cref="Suggestions.Limit"/>).</summary>
internal sealed class Suggested(IReadOnlyList<string> candidates)
{
    /// <summary>The suggestions, nearest first.</summary>
    public IReadOnlyList<string> Candidates { get; } = candidates;

    /// <summary>The nearest suggestion, or null when nothing is close.</summary>
    public string? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>"; did you mean 'a'?" or "; did you mean 'a', 'b' or 'c'?", or the empty string.</summary>
    public string DidYouMean => Candidates.Count switch
    {
        0 => "",
        1 => $"; did you mean '{Candidates[0]}'?",
        _ => $"; did you mean {string.Join(", ", Candidates.Take(Candidates.Count - 1).Select(c => $"'{c}'"))} or '{Candidates[^1]}'?",
    };
}
