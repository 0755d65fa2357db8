namespace Rsspot.Pricing;

/// <summary>Renders a series as a one-line chart of the eight block characters <c>▁▂▃▄▅▆▇█</c>.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// One character per value, lowest value <c>▁</c>, highest <c>█</c>, linear in between; a flat series is all <c>▄</c>.
    /// A series longer than <paramref name="maxWidth"/> is first averaged into that many consecutive buckets.
    /// An empty series gives an empty string.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWidth"/> is below 1.</exception>
    public static string Render(IReadOnlyList<decimal> values, int maxWidth = 40)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        if (values.Count == 0)
        {
            return string.Empty;
        }

        decimal[] series = values.Count > maxWidth ? Buckets(values, maxWidth) : [.. values];
        decimal min = series.Min();
        decimal max = series.Max();
        char[] chars = new char[series.Length];
        for (int i = 0; i < series.Length; i++)
        {
            chars[i] = max == min
                ? Blocks[3]
                : Blocks[(int)Math.Round((series[i] - min) / (max - min) * (Blocks.Length - 1), MidpointRounding.AwayFromZero)];
        }

        return new string(chars);
    }

    private static decimal[] Buckets(IReadOnlyList<decimal> values, int width)
    {
        decimal[] buckets = new decimal[width];
        for (int b = 0; b < width; b++)
        {
            int start = (int)((long)b * values.Count / width);
            int end = (int)((long)(b + 1) * values.Count / width);
            decimal sum = 0m;
            for (int i = start; i < end; i++)
            {
                sum += values[i];
            }

            buckets[b] = sum / (end - start);
        }

        return buckets;
    }
}
