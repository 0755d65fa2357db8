namespace Rsspot;

/// <summary>Default base URLs of the three Spot hosts.</summary>
public static class SpotHosts
{
    /// <summary>The Spot API.</summary>
    public const string Api = "https://spot.rackspace.com";

    /// <summary>The OAuth server that exchanges refresh tokens.</summary>
    public const string OAuth = "https://login.spot.rackspace.com";

    /// <summary>The public price documents (history, percentiles, comparable prices).</summary>
    public const string PriceData = "https://ngpc-prod-public-data.s3.us-east-2.amazonaws.com";

    /// <summary>The public OAuth client id of Spot.</summary>
    public const string PublicClientId = "mwG3lUMV8KyeMqHe4fJ5Bb3nM1vBvRNa";
}
