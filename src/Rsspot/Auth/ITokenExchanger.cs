namespace Rsspot.Auth;

/// <summary>Trades a refresh token for a fresh id_token.</summary>
public interface ITokenExchanger
{
    /// <summary>Returns the new id_token.</summary>
    /// <exception cref="AuthException">The OAuth server refused the refresh token.</exception>
    Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken);
}
