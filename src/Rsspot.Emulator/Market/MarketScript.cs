using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Hosting;

namespace Rsspot.Emulator.Market;

/// <summary>The body of <c>PUT /_emulator/market/{class}</c>: one price, or several auctions in a row.</summary>
internal sealed record MarketScript(decimal? Price, decimal[]? Prices);
