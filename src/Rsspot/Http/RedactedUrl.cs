using Rsspot.Security;

namespace Rsspot.Http;

/// <summary>A URL fit for logs and spans: no user info, and query values with secret-looking names masked.</summary>
public static class RedactedUrl
{
    /// <summary>The absolute URL without user info, secret query values replaced (or "?" for none).</summary>
    public static string Of(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return uri?.OriginalString is { } relative ? relative.Split('?')[0] : "?";
        }

        var path = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (string.IsNullOrEmpty(uri.Query) || uri.Query == "?")
        {
            return path;
        }

        var pairs = uri.Query.TrimStart('?').Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return pair;
            }

            var name = Uri.UnescapeDataString(pair[..eq]);
            var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            return pair[..eq] + "=" + Uri.EscapeDataString(SecretPolicy.RedactValue(name, value) ?? string.Empty);
        });
        return path + "?" + string.Join('&', pairs);
    }
}
