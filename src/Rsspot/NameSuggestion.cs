namespace Rsspot;

/// <summary>"Did you mean ...?": the closest of a set of valid names to a mistyped one, by edit distance.</summary>
internal static class NameSuggestion
{
    private static readonly char[] Separators = ['-', '.', '_'];

    /// <summary>The candidate closest to <paramref name="typed"/> (case-insensitive), or null when none is close enough to be a typo.</summary>
    /// <param name="typed">What was given.</param>
    /// <param name="candidates">The valid names.</param>
    public static string? Find(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var word = typed.ToLowerInvariant();
        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word, candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && best is not null && candidate.Length < best.Length))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (bestDistance <= limit || (best is not null && IsPrefixOf(word, best)))
        {
            return best;
        }

        // A shorthand that keeps every part of a name ("us-dfw" for "us-central-dfw-1") is a near miss too.
        var parts = word.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1
            ? candidates.Where(c => HasAllParts(c, parts)).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static bool HasAllParts(string candidate, string[] parts)
    {
        var own = candidate.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return parts.All(p => own.Contains(p, StringComparer.Ordinal));
    }

    // A word cut short ("region" for "regions", "cloudspace" for "cloudspaces") is also a near miss.
    private static bool IsPrefixOf(string word, string candidate) =>
        word.Length >= 3 && candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
