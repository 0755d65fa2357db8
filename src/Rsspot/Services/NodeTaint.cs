using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>A Kubernetes taint applied to a pool's nodes.</summary>
/// <param name="Key">Taint key.</param>
/// <param name="Value">Taint value.</param>
/// <param name="Effect">NoSchedule, PreferNoSchedule or NoExecute.</param>
public sealed record NodeTaint(string Key, string? Value, string Effect)
{
    private static readonly string[] Effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <summary>Parses <c>key=value:Effect</c> or <c>key:Effect</c>.</summary>
    public static NodeTaint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new ArgumentException($"Taint '{text}' is invalid: write key=value:Effect (Effect is {string.Join(", ", Effects)}).", "taint");
        }

        var effect = text[(colon + 1)..];
        var keyValue = text[..colon];
        var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
        var taint = equals < 0 ? new NodeTaint(keyValue, null, effect) : new NodeTaint(keyValue[..equals], keyValue[(equals + 1)..], effect);
        taint.Validate();
        return taint;
    }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Key) || !Effects.Contains(Effect, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Taint '{Key}:{Effect}' is invalid: the key must be set and the effect one of {string.Join(", ", Effects)}.", "taint");
        }
    }

    internal Taint ToModel() => new() { Key = Key, Value = Value, Effect = Effect };
}
