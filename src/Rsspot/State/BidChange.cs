using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>One bid change the bid guard applied.</summary>
/// <param name="Id">Row id (increasing).</param>
/// <param name="At">When the patch succeeded.</param>
/// <param name="Cloudspace">The pool's cloudspace, when known.</param>
/// <param name="Pool">The pool name.</param>
/// <param name="ServerClass">The pool's server class.</param>
/// <param name="OldBid">The bid before, USD per node-hour.</param>
/// <param name="NewBid">The bid after, USD per node-hour.</param>
/// <param name="Market">The market price when the change was made, when known.</param>
/// <param name="Status">The pool's status then: <c>winning</c>, <c>at-risk</c> or <c>losing</c>.</param>
/// <param name="Reason">Why, with the figures.</param>
public sealed record BidChange(long Id, DateTimeOffset At, string? Cloudspace, string Pool, string? ServerClass, decimal OldBid, decimal NewBid, decimal? Market, string Status, string Reason);
