using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Rsspot.Serialization;

/// <summary>
/// The value Kiota's <see cref="JsonParseNode"/> stores in <c>AdditionalData</c> for a property the model does not
/// describe: the same tests in the same order.
/// </summary>
internal static class AdditionalDataValue
{
    /// <param name="element">The property's value.</param>
    /// <param name="body">The body it belongs to, kept alive when the value reads it lazily.</param>
    public static object? Read(JsonElement element, PooledJsonBody body) => element.ValueKind switch
    {
        JsonValueKind.Number => Number(element),
        JsonValueKind.String => String(element),
        JsonValueKind.Array or JsonValueKind.Object => Untyped(element, body),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new InvalidOperationException($"unexpected additional value type during deserialization json kind : {element.ValueKind}"),
    };

    private static UntypedNode Untyped(JsonElement element, PooledJsonBody body)
    {
        // Kiota's own node builds the untyped tree; its arrays enumerate the element lazily, so the body stays alive.
        body.KeepAlive();
        return new JsonParseNode(element).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);
    }

    private static object? String(JsonElement element)
    {
        if (element.TryGetDateTime(out var dateTime))
        {
            return dateTime;
        }

        if (element.TryGetDateTimeOffset(out var dateTimeOffset))
        {
            return dateTimeOffset;
        }

        return element.TryGetGuid(out var guid) ? guid : element.GetString();
    }

    private static object Number(JsonElement element)
    {
        if (element.TryGetDecimal(out var dec))
        {
            return dec;
        }

        if (element.TryGetDouble(out var db))
        {
            return db;
        }

        if (element.TryGetInt16(out var s))
        {
            return s;
        }

        if (element.TryGetInt32(out var i))
        {
            return i;
        }

        if (element.TryGetInt64(out var l))
        {
            return l;
        }

        if (element.TryGetSingle(out var f))
        {
            return f;
        }

        if (element.TryGetUInt16(out var us))
        {
            return us;
        }

        if (element.TryGetUInt32(out var ui))
        {
            return ui;
        }

        return element.TryGetUInt64(out var ul)
            ? ul
            : throw new InvalidOperationException("unexpected additional value type during number deserialization");
    }
}
