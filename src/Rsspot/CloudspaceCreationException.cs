namespace Rsspot;

/// <summary>
/// A cloudspace was created but one of its pools was not. <see cref="Exception.InnerException"/> is the pool's
/// failure; <see cref="CloudspaceDeleted"/> tells whether the cloudspace was deleted again.
/// </summary>
public sealed class CloudspaceCreationException : SpotException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="cloudspace">The cloudspace that was created.</param>
    /// <param name="poolsCreated">How many of its pools were created before the failure.</param>
    /// <param name="cloudspaceDeleted">Whether the cloudspace (and so those pools) was deleted again.</param>
    /// <param name="keptOnRequest">Whether the caller asked to keep the cloudspace on failure.</param>
    /// <param name="innerException">The pool's failure.</param>
    public CloudspaceCreationException(string cloudspace, int poolsCreated, bool cloudspaceDeleted, bool keptOnRequest, Exception innerException)
        : base(Describe(cloudspace, poolsCreated, cloudspaceDeleted, keptOnRequest, innerException), innerException)
    {
        Cloudspace = cloudspace;
        PoolsCreated = poolsCreated;
        CloudspaceDeleted = cloudspaceDeleted;
        KeptOnRequest = keptOnRequest;
    }

    /// <summary>The cloudspace that was created.</summary>
    public string Cloudspace { get; }

    /// <summary>How many of its pools were created before the failure.</summary>
    public int PoolsCreated { get; }

    /// <summary>True when the cloudspace was deleted again: nothing is left behind and the create can be retried.</summary>
    public bool CloudspaceDeleted { get; }

    /// <summary>True when the caller asked to keep the cloudspace on failure.</summary>
    public bool KeptOnRequest { get; }

    private static string Describe(string cloudspace, int poolsCreated, bool deleted, bool kept, Exception inner)
    {
        var outcome = deleted
            ? $"Cloudspace \"{cloudspace}\" was deleted again, so nothing is left behind."
            : kept
                ? $"Cloudspace \"{cloudspace}\" was kept as asked, with {poolsCreated} pool(s)."
                : $"Cloudspace \"{cloudspace}\" could not be deleted again and still exists with {poolsCreated} pool(s): delete it before retrying.";
        return $"A pool of cloudspace \"{cloudspace}\" failed: {inner.Message} {outcome}";
    }
}
