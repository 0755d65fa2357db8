using System.Text;

namespace Rsspot.Emulator.Auth;

/// <summary>Unpadded base64url, as JWTs use it.</summary>
internal static class Base64Url
{
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    public static string Encode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
