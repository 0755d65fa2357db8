namespace Rsspot.Pricing;

/// <summary>Text forms of <see cref="PoolBidStatus"/> and <see cref="BidAction"/> for tables and JSON.</summary>
internal static class BidGuardText
{
    /// <summary><c>winning</c>, <c>at-risk</c> or <c>losing</c>.</summary>
    public static string Of(PoolBidStatus status) => status switch
    {
        PoolBidStatus.Winning => "winning",
        PoolBidStatus.AtRisk => "at-risk",
        _ => "losing",
    };

    /// <summary><c>hold</c>, <c>raise</c> or <c>lower</c>.</summary>
    public static string Of(BidAction action) => action switch
    {
        BidAction.Raise => "raise",
        BidAction.Lower => "lower",
        _ => "hold",
    };
}
