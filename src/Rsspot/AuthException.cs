namespace Rsspot;

/// <summary>
/// Authentication failed: no usable credentials, or the OAuth server refused the refresh token.
/// The message says how to get a new refresh token; it never contains a token.
/// </summary>
public sealed class AuthException : SpotException
{
    /// <summary>Creates the exception.</summary>
    public AuthException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The OAuth error code when the server gave one (e.g. <c>invalid_grant</c>).</summary>
    public string? OAuthError { get; init; }

    internal const string HowToFix =
        "Get a new refresh token in the Spot console (API Access > Terraform > Get New Token) and store it as the profile's refresh_token or in RSSPOT_REFRESH_TOKEN.";
}
