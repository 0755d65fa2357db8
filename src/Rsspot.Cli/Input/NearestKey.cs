namespace Rsspot.Cli.Input;

/// <summary>The valid key closest to a misspelt one: <see cref="NameSuggestion"/> over the normalised spellings.</summary>
internal static class NearestKey
{
    /// <summary>The closest of <paramref name="valid"/> to <paramref name="key"/>, or null when none is close.</summary>
    public static string? Find(string key, IEnumerable<string> valid)
    {
        var byNormalised = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in valid)
        {
            byNormalised.TryAdd(KeyValues.NormalizeKey(name), name);
        }

        var near = NameSuggestion.Find(KeyValues.NormalizeKey(key), byNormalised.Keys);
        return near is null ? null : byNormalised[near];
    }

    /// <summary>"unknown key 'x'; did you mean 'y'? Valid keys: ..." for an error message.</summary>
    public static string Describe(string key, IReadOnlyCollection<string> valid) =>
        $"unknown key '{key}'" + (Find(key, valid) is { } near ? $"; did you mean '{near}'?" : ".") + $" Valid keys: {string.Join(", ", valid)}.";
}
