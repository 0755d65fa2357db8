namespace Rsspot.Services;

/// <summary>What the cleanup of an <see cref="EphemeralCloudspace"/> did.</summary>
/// <param name="Cloudspace">The cloudspace.</param>
/// <param name="Deleted">True when it is deleted (or was already gone): nothing is left behind.</param>
/// <param name="Message">One line saying what was removed or left, and how to remove what was left.</param>
public sealed record EphemeralCleanup(string Cloudspace, bool Deleted, string Message);
