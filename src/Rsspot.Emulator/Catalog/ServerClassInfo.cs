namespace Rsspot.Emulator.Catalog;

/// <summary>Facts about one server class, from which its API object and price documents are built.</summary>
internal sealed record ServerClassInfo(
    string Name,
    string Region,
    string Family,
    string Generation,
    string Size,
    int Cpu,
    decimal MemoryGb,
    string Category,
    string DisplayName,
    string Availability,
    decimal OnDemandCost,
    decimal? MarketPrice,
    decimal? HammerPrice,
    int Capacity,
    int Available)
{
    public bool IsBareMetal => Generation.StartsWith("bm", StringComparison.Ordinal);
}
