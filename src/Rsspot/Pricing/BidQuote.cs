using System.Globalization;
using Rsspot.Services;

using static System.FormattableString;

namespace Rsspot.Pricing;

/// <summary>A computed bid: the amount, its source, and what the readable basis needs.</summary>
internal readonly record struct BidQuote(decimal PerNodeHour, BidSource Source, RiskLevel Risk, decimal? Percentile, decimal Floor, BidPolicyKind Kind = BidPolicyKind.Percentile);
