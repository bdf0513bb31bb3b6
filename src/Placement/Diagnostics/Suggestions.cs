namespace Placement.Diagnostics;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate, when it is close enough to be a likely misspelling.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        if (best is null) return null;
        var limit = Math.Max(word.Length, best.Length) switch { <= 3 => 1, <= 6 => 2, _ => 3 };
        return bestDistance <= limit && bestDistance < word.Length ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or the empty string.</summary>
    public static string DidYouMean(string? suggestion) =>
        suggestion is null ? "" : $"; did you mean '{suggestion}'?";

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

    /// <summary>A list for messages: "a, b, c".</summary>
    public static string List(IEnumerable<string> values) => string.Join(", ", values);
}
