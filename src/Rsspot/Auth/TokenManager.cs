namespace Rsspot.Auth;

/// <summary>
/// The id_token lifecycle: reuse a token while it is valid (with a skew), refresh it with the refresh token
/// otherwise. Concurrent callers share one refresh.
/// </summary>
public sealed class TokenManager
{
    private readonly ITokenExchanger _exchanger;
    private readonly string? _refreshToken;
    private readonly TimeProvider _time;
    private readonly TimeSpan _skew;
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private string? _token;
    private Task<string>? _tokenTask;
    private JwtClaims? _claims;
    private TimeSpan _margin;
    private Task<string>? _refresh;

    /// <summary>Creates the manager.</summary>
    /// <param name="exchanger">Trades the refresh token for an id_token.</param>
    /// <param name="refreshToken">The long-lived refresh token, if configured.</param>
    /// <param name="accessToken">A configured id_token used as is while it is valid.</param>
    /// <param name="time">Clock used for expiry decisions.</param>
    /// <param name="skew">
    /// How long before expiry a token counts as expired (default 60 s); for a token living less than four times that,
    /// a quarter of its lifetime, so a short-lived token is reused rather than refreshed on every call.
    /// </param>
    public TokenManager(ITokenExchanger exchanger, string? refreshToken, string? accessToken = null, TimeProvider? time = null, TimeSpan? skew = null)
    {
        _exchanger = exchanger;
        _refreshToken = string.IsNullOrWhiteSpace(refreshToken) ? null : refreshToken;
        _time = time ?? TimeProvider.System;
        _skew = skew ?? TimeSpan.FromSeconds(60);
        if (!string.IsNullOrWhiteSpace(accessToken))
        {
            _token = accessToken;
            _claims = JwtClaims.TryParse(accessToken);
            _margin = MarginFor(_claims, _time.GetUtcNow());
        }
    }

    /// <summary>The subject (<c>sub</c>) of the current token, once one is known.</summary>
    public string? Subject
    {
        get
        {
            lock (_gate)
            {
                return _claims?.Subject;
            }
        }
    }

    /// <summary>The id_token in use, if any (for masking it where a server echoes it).</summary>
    internal string? CurrentToken
    {
        get
        {
            lock (_gate)
            {
                return _token;
            }
        }
    }

    /// <summary>Number of refreshes performed (diagnostics and tests).</summary>
    public int RefreshCount { get; private set; }

    /// <summary>Returns a valid id_token, refreshing when needed.</summary>
    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_token is not null && _claims is not null && _claims.IsValidAt(_time.GetUtcNow(), _margin))
            {
                // One completed task per token, shared by the calls that use it (a new one per call was garbage).
                return _tokenTask is { } known && ReferenceEquals(known.Result, _token) ? known : _tokenTask = Task.FromResult(_token);
            }
        }

        return RefreshAsync(staleToken: null, cancellationToken);
    }

    /// <summary>
    /// Refreshes the token. When <paramref name="staleToken"/> is given and another caller already replaced it,
    /// the newer token is returned without a second refresh.
    /// </summary>
    public Task<string> RefreshAsync(string? staleToken, CancellationToken cancellationToken)
    {
        Task<string> refresh;
        lock (_gate)
        {
            if (staleToken is not null && _token is not null && _token != staleToken && _claims?.IsValidAt(_time.GetUtcNow(), _margin) == true)
            {
                return Task.FromResult(_token);
            }

            if (_refreshToken is null)
            {
                var why = _token is null ? "No refresh token or access token is configured." : "The configured access token has expired and no refresh token is configured.";
                throw new AuthException($"{why} {AuthException.HowToFix}");
            }

            // One refresh for every concurrent caller; it is not tied to any one caller's cancellation.
            _refresh ??= RunRefreshAsync(_refreshToken);
            refresh = _refresh;
        }

        return refresh.WaitAsync(cancellationToken);
    }

    /// <summary>The configured skew, or a quarter of the token's remaining lifetime when that is shorter.</summary>
    private TimeSpan MarginFor(JwtClaims? claims, DateTimeOffset now)
    {
        if (claims?.ExpiresAt is not { } expires)
        {
            return _skew;
        }

        var quarter = (expires - now) / 4;
        return quarter < _skew ? (quarter > TimeSpan.Zero ? quarter : TimeSpan.Zero) : _skew;
    }

    private async Task<string> RunRefreshAsync(string refreshToken)
    {
        try
        {
            var token = await _exchanger.ExchangeAsync(refreshToken, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _token = token;
                var claims = JwtClaims.TryParse(token);
                // A token without a readable exp is trusted for a short while; a 401 refreshes it earlier.
                _claims = claims?.ExpiresAt is null
                    ? new JwtClaims(_time.GetUtcNow() + UnknownLifetime, claims?.Subject)
                    : claims;
                _margin = MarginFor(_claims, _time.GetUtcNow());
                RefreshCount++;
            }

            return token;
        }
        finally
        {
            lock (_gate)
            {
                _refresh = null;
            }
        }
    }
}
