using System.Globalization;

namespace Rsspot.Pricing;

/// <summary>Number formatting for builder messages (invariant culture).</summary>
internal static class BuildText
{
    public static string Nodes(long count) => count == 1 ? "1 node" : count.ToString(CultureInfo.InvariantCulture) + " nodes";

    public static string Pools(int count) => count == 1 ? "1 pool" : count.ToString(CultureInfo.InvariantCulture) + " pools";

    public static string Regions(int count) => count == 1 ? "1 region" : count.ToString(CultureInfo.InvariantCulture) + " regions";

    public static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Usd(decimal value) => PriceText.FormatUsd(value);

    public static string Quoted(string? raw) => raw is null ? "missing" : "'" + raw + "'";
}
