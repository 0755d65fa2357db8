namespace Rsspot.Apply;

/// <summary>What a planned change does.</summary>
public enum ApplyAction
{
    /// <summary>Creates what does not exist yet.</summary>
    Create,

    /// <summary>Sends a merge patch of the changed fields only.</summary>
    Update,

    /// <summary>Deletes it.</summary>
    Delete,

    /// <summary>A fixed field differs: deleted and created again, and only when replacing is allowed.</summary>
    Replace,
}
