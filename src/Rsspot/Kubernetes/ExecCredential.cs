using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rsspot.Kubernetes;

/// <summary>
/// The <c>client.authentication.k8s.io/v1</c> <c>ExecCredential</c> a kubectl credential plugin prints: a bearer
/// token and the time kubectl must ask again.
/// </summary>
public sealed class ExecCredential
{
    /// <summary>The API version kubectl expects from the plugin.</summary>
    public const string ApiVersion = "client.authentication.k8s.io/v1";

    /// <summary>Creates the credential.</summary>
    /// <param name="status">The token and its expiry.</param>
    public ExecCredential(ExecCredentialStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    /// <summary>The token and its expiry.</summary>
    public ExecCredentialStatus Status { get; }

    /// <summary>The JSON document kubectl reads from the plugin's stdout (a secret: it holds the token).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", ApiVersion);
            json.WriteString("kind", "ExecCredential");
            json.WriteStartObject("status");
            json.WriteString("token", Status.Token);
            json.WriteString("expirationTimestamp", Status.ExpirationTimestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
