namespace Rsspot.Pricing;

internal static class Availabilities
{
    private static readonly string[] AvailableLike = ["available", "active", "enabled", "ga"];

    public static bool IsAvailableLike(string? availability)
    {
        if (string.IsNullOrWhiteSpace(availability))
        {
            return true;
        }

        string value = availability.Trim();
        foreach (string word in AvailableLike)
        {
            if (string.Equals(word, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
