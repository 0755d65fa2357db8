using System.Buffers.Text;
using System.Text;

namespace Rsspot.Tests.Support;

/// <summary>Unsigned JWTs with chosen claims, for client-side expiry logic.</summary>
public static class TestJwt
{
    public static string Create(DateTimeOffset expires, string subject = "user-1", string tag = "a")
    {
        static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"{{subject}}","exp":{{expires.ToUnixTimeSeconds()}},"tag":"{{tag}}"}""")}.sig";
    }
}
