using System.Security.Cryptography;
using System.Text;

namespace Rsspot.Emulator.Market;

/// <summary>
/// The emulator's seeded price model: the market price of a class at a step is a pure function of the seed, the
/// class name, its base price and the step, so a run can be replayed (or simulated without a server) to the last digit.
/// The price follows a daily cycle, a slower cycle of its own, small noise per step and, now and then, a demand
/// surge that fades over a few hours.
/// </summary>
public static class SeededMarket
{
    private const long DaySeconds = 86_400;
    private const int SurgeHours = 6;

    /// <summary>The market price, USD per node-hour, rounded to 4 decimals and never below 0.0001.</summary>
    /// <param name="seed">The market seed.</param>
    /// <param name="serverClass">The server class name.</param>
    /// <param name="basePrice">The class's unseeded market price.</param>
    /// <param name="step">The step number (0 at the market's start; negative steps lie before it).</param>
    /// <param name="stepSeconds">The length of a step in seconds.</param>
    public static decimal Price(int seed, string serverClass, decimal basePrice, long step, int stepSeconds)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        double t = (double)step * stepSeconds;
        double dailyPhase = Fraction(seed, serverClass, "daily-phase", 0) * 2 * Math.PI;
        double slowPeriod = (3 + (9 * Fraction(seed, serverClass, "slow-period", 0))) * 3600;
        double slowPhase = Fraction(seed, serverClass, "slow-phase", 0) * 2 * Math.PI;
        double factor = 1
            + (0.18 * Math.Sin((2 * Math.PI * t / DaySeconds) + dailyPhase))
            + (0.08 * Math.Sin((2 * Math.PI * t / slowPeriod) + slowPhase))
            + (0.04 * ((2 * Fraction(seed, serverClass, "noise", step)) - 1))
            + Surge(seed, serverClass, (long)Math.Floor(t / 3600));
        decimal price = Math.Round(basePrice * (decimal)factor, 4);
        return Math.Max(price, 0.0001m);
    }

    /// <summary>The hammer (clearing) price that goes with a market price: the class's fixed share of it.</summary>
    /// <param name="market">The market price.</param>
    /// <param name="baseMarket">The class's unseeded market price.</param>
    /// <param name="baseHammer">The class's unseeded hammer price.</param>
    public static decimal Hammer(decimal market, decimal baseMarket, decimal baseHammer) =>
        baseMarket <= 0 ? market : Math.Max(0.0001m, Math.Round(market * (baseHammer / baseMarket), 4));

    // A surge starts in about one hour in 60 and adds up to 45 %, fading linearly over six hours.
    private static double Surge(int seed, string serverClass, long hour)
    {
        double surge = 0;
        for (int age = 0; age < SurgeHours; age++)
        {
            if (Fraction(seed, serverClass, "surge", hour - age) < 1.0 / 60)
            {
                surge = Math.Max(surge, 0.45 * (1 - ((double)age / SurgeHours)));
            }
        }

        return surge;
    }

    private static double Fraction(int seed, string serverClass, string purpose, long index)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}/{serverClass}/{purpose}/{index}")), hash);
        return BitConverter.ToUInt32(hash) / ((double)uint.MaxValue + 1);
    }
}
