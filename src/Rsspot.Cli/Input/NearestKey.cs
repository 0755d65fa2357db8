namespace Rsspot.Cli.Input;

/// <summary>The valid key closest to a misspelt one (edit distance over the normalised spellings).</summary>
internal static class NearestKey
{
    /// <summary>The closest of <paramref name="valid"/> to <paramref name="key"/>, or null when none is close.</summary>
    public static string? Find(string key, IEnumerable<string> valid)
    {
        var wanted = KeyValues.NormalizeKey(key);
        var best = valid
            .Select(v => (Key: v, Distance: Distance(wanted, KeyValues.NormalizeKey(v))))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Key is not null && best.Distance <= Math.Max(2, wanted.Length / 3) ? best.Key : null;
    }

    /// <summary>"unknown key 'x'; did you mean 'y'? Valid keys: ..." for an error message.</summary>
    public static string Describe(string key, IReadOnlyCollection<string> valid) =>
        $"unknown key '{key}'" + (Find(key, valid) is { } near ? $"; did you mean '{near}'?" : ".") + $" Valid keys: {string.Join(", ", valid)}.";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
