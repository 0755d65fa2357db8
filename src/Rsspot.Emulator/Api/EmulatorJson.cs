using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rsspot.Emulator.Api;

/// <summary>JSON writing options: readable output ("$0.05", not "\u00240.05"); the emulator writes only JSON, never HTML.</summary>
internal static class EmulatorJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
