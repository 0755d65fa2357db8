namespace Rsspot.Workflows;

/// <summary>No ledger record has the given key.</summary>
public sealed class RegistrationNotFoundException : SpotException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The missing key.</param>
    public RegistrationNotFoundException(string key)
        : base($"No registration record has key '{key}'. Fix: list records with 'rsspot registration list', or discover the VM first.")
    {
        Key = key;
    }

    /// <summary>The missing key.</summary>
    public string Key { get; }
}
