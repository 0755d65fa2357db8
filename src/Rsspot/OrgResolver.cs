using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rsspot;

/// <summary>Resolves the configured organization (name or id) to its namespace once per client.</summary>
internal sealed partial class OrgResolver(Func<CancellationToken, Task<IReadOnlyList<OrganizationRef>>> listOrganizations, string? selector, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    private readonly Lock _gate = new();
    private Task<OrganizationRef>? _resolved;

    public string? Selector => selector;

    public Task<OrganizationRef> ResolveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _resolved ??= ResolveOnceAsync();
            return _resolved.WaitAsync(cancellationToken);
        }
    }

    private async Task<OrganizationRef> ResolveOnceAsync()
    {
        try
        {
            var organizations = await listOrganizations(CancellationToken.None).ConfigureAwait(false);
            var picked = Pick(organizations, selector);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                LogResolved(_logger, selector ?? "(the only one)", picked.Name, picked.Namespace);
            }

            return picked;
        }
        catch
        {
            lock (_gate)
            {
                _resolved = null;
            }

            throw;
        }
    }

    /// <summary>The organization once resolved, without waiting (null before).</summary>
    public OrganizationRef? Resolved
    {
        get
        {
            lock (_gate)
            {
                return _resolved is { IsCompletedSuccessfully: true } done ? done.Result : null;
            }
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Organization {Selector} resolved to {Name} (namespace {Namespace})")]
    private static partial void LogResolved(ILogger logger, string selector, string name, string @namespace);

    internal static OrganizationRef Pick(IReadOnlyList<OrganizationRef> organizations, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return organizations.Count == 1
                ? organizations[0]
                : throw new ConfigException(
                    $"No organization is selected and the token can see {Describe(organizations)}. Pick one with the org option, RSSPOT_ORG or the profile's org.",
                    key: "org");
        }

        return organizations.FirstOrDefault(o => o.Matches(selector))
            ?? throw new ConfigException(
                $"Organization '{selector}' is not one the token can see; it can see {Describe(organizations)}. Fix the org option, RSSPOT_ORG or the profile's org.",
                key: "org");
    }

    private static string Describe(IReadOnlyList<OrganizationRef> organizations) =>
        organizations.Count == 0
            ? "no organizations"
            : string.Join(", ", organizations.Select(o => $"{o.Name} ({o.Id}, {o.Namespace})"));
}
