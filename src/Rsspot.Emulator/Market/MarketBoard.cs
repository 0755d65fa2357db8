using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.Market;

/// <summary>
/// The market as it stands now: the catalog's fixed prices by default, the <see cref="SeededMarket"/> model when a
/// market seed is set, and on top of either the prices a test scripted for a class (each scripted price is a new
/// auction at that moment). Server classes, price documents and bid statuses all read their prices here, so they agree.
/// </summary>
internal sealed class MarketBoard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(long RunAt, decimal Price)>> _scripted = new(StringComparer.Ordinal);
    private readonly EmulatorOptions _options;
    private readonly DateTimeOffset _start;

    public MarketBoard(EmulatorOptions options)
    {
        _options = options;
        _start = options.TimeProvider.GetUtcNow();
    }

    /// <summary>The class with its current market and hammer price (unchanged for a class without auctions).</summary>
    public ServerClassInfo Priced(ServerClassInfo c)
    {
        if (c.MarketPrice is not { } baseMarket || c.HammerPrice is not { } baseHammer)
        {
            return c;
        }

        lock (_gate)
        {
            if (_scripted.TryGetValue(c.Name, out var points))
            {
                var last = points[^1].Price;
                return c with { MarketPrice = last, HammerPrice = last };
            }
        }

        if (_options.MarketSeed is not { } seed)
        {
            return c;
        }

        var market = SeededMarket.Price(seed, c.Name, baseMarket, CurrentStep(), StepSeconds);
        return c with { MarketPrice = market, HammerPrice = SeededMarket.Hammer(market, baseMarket, baseHammer) };
    }

    /// <summary>The last <see cref="PriceDocuments.HistoryPoints"/> auctions of a class, oldest first.</summary>
    public IReadOnlyList<(long RunAt, decimal Price)> History(ServerClassInfo c)
    {
        var model = ModelHistory(c);
        lock (_gate)
        {
            if (!_scripted.TryGetValue(c.Name, out var points))
            {
                return model;
            }

            var firstScripted = points[0].RunAt;
            return [.. model.Where(p => p.RunAt < firstScripted).Concat(points).TakeLast(PriceDocuments.HistoryPoints)];
        }
    }

    /// <summary>Scripts the next auction of a class: from now on its market and hammer price are <paramref name="price"/>.</summary>
    /// <returns>False when the class has no auctions (bare metal).</returns>
    public bool Script(ServerClassInfo c, decimal price)
    {
        if (c.MarketPrice is null)
        {
            return false;
        }

        var model = ModelHistory(c);
        lock (_gate)
        {
            if (!_scripted.TryGetValue(c.Name, out var points))
            {
                _scripted[c.Name] = points = [];
            }

            var previous = points.Count > 0 ? points[^1].RunAt : model.Count > 0 ? model[^1].RunAt : long.MinValue;
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            points.Add((Math.Max(now, previous + 1), Math.Round(price, 4)));
            if (points.Count > PriceDocuments.HistoryPoints)
            {
                points.RemoveAt(0);
            }

            return true;
        }
    }

    /// <summary>Forgets the scripted prices of every class.</summary>
    public void ClearScripts()
    {
        lock (_gate)
        {
            _scripted.Clear();
        }
    }

    private int StepSeconds => (int)_options.MarketStep.TotalSeconds;

    private long CurrentStep() =>
        (long)Math.Floor((_options.TimeProvider.GetUtcNow() - _start).TotalSeconds / StepSeconds);

    private IReadOnlyList<(long RunAt, decimal Price)> ModelHistory(ServerClassInfo c)
    {
        if (_options.MarketSeed is not { } seed || c.MarketPrice is not { } baseMarket || c.HammerPrice is not { } baseHammer)
        {
            return PriceDocuments.SeedHistory(c);
        }

        var current = CurrentStep();
        var startUnix = _start.ToUnixTimeSeconds();
        var points = new List<(long, decimal)>(PriceDocuments.HistoryPoints);
        for (var step = current - PriceDocuments.HistoryPoints + 1; step <= current; step++)
        {
            var market = SeededMarket.Price(seed, c.Name, baseMarket, step, StepSeconds);
            points.Add((startUnix + (step * StepSeconds), SeededMarket.Hammer(market, baseMarket, baseHammer)));
        }

        return points;
    }
}
