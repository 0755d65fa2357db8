namespace Rsspot.Emulator.Catalog;

/// <summary>A region and its short site name (dfw, ord, ...).</summary>
internal sealed record RegionInfo(string Name, string Site, string Country, string Description);
