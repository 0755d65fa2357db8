using Microsoft.Extensions.Logging;
using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>
/// The money checks every spot pool writer passes before its request: the bid against its class's
/// <see cref="BidCeiling"/> (refused), the node count against the class's capacity (a warning).
/// </summary>
internal static partial class SpotPoolChecks
{
    /// <summary>Reads the class and returns its ceiling; <paramref name="maxBid"/> (else the profile's <c>max_bid</c>) replaces the default.</summary>
    public static async Task<(BidCeiling Ceiling, ServerClass Class)> ReadAsync(SpotContext context, string serverClass, decimal? maxBid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass, nameof(serverClass));
        ServerClass found;
        try
        {
            found = await ApiCall.RunAsync(
                context,
                $"get server class \"{serverClass}\"",
                ct => context.Api.Apis.NgpcRxtIo.V1.Serverclasses[serverClass].GetAsync(cancellationToken: ct),
                cancellationToken,
                context.Operation("serverclasses", "get")).ConfigureAwait(false)
                ?? throw new SpotException($"The Spot API answered without a body for server class \"{serverClass}\".");
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            throw new ArgumentException($"Server class '{serverClass}' does not exist; nothing was sent. List the classes with `rsspot server-classes list`.", nameof(serverClass), ex);
        }

        return (Of(found, serverClass, maxBid ?? context.Profile.MaxBid), found);
    }

    /// <summary>The ceiling of a class object the API sent.</summary>
    public static BidCeiling Of(ServerClass found, string serverClass, decimal? explicitMaxBid)
    {
        var quote = PricingService.ToQuote(found);
        return BidCeiling.For(serverClass, PriceRowFactory.OnDemandPerHour(quote), PriceText.ParseUsd(quote.MarketPricePerHour), explicitMaxBid);
    }

    /// <summary>Refuses a bid above the class's ceiling and warns about a count above its capacity; sends nothing itself.</summary>
    public static async Task<BidCeiling> EnsureAsync(SpotContext context, string serverClass, decimal bid, decimal? maxBid, int? nodes, CancellationToken cancellationToken)
    {
        var (ceiling, found) = await ReadAsync(context, serverClass, maxBid, cancellationToken).ConfigureAwait(false);
        ceiling.Ensure(bid);
        WarnAboveCapacity(context, found, serverClass, nodes);
        return ceiling;
    }

    /// <summary>Warns when a pool wants more nodes than its class has (the API accepts it; the pool never fills).</summary>
    public static void WarnAboveCapacity(SpotContext context, ServerClass found, string serverClass, int? nodes)
    {
        if (nodes is int wanted && found.Status?.Capacity is int capacity && capacity >= 0 && wanted > capacity)
        {
            CapacityWarning(context.Loggers.CreateLogger("Rsspot.NodePools"), wanted, serverClass, capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pool of {Nodes} node(s) of {ServerClass} asks for more than the class's capacity of {Capacity} server(s); it cannot fill.")]
    private static partial void CapacityWarning(ILogger logger, int nodes, string serverClass, int capacity);
}
