using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>One element of a collection of primitives: the same type tests, in the same order, as Kiota's JsonParseNode.</summary>
internal static class PrimitiveValue
{
    public static T Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(IParseNode node)
    {
        var type = typeof(T);
        if (type == typeof(bool))
        {
            return (T)(object)node.GetBoolValue()!;
        }

        if (type == typeof(byte))
        {
            return (T)(object)node.GetByteValue()!;
        }

        if (type == typeof(sbyte))
        {
            return (T)(object)node.GetSbyteValue()!;
        }

        if (type == typeof(string))
        {
            return (T)(object)node.GetStringValue()!;
        }

        if (type == typeof(int))
        {
            return (T)(object)node.GetIntValue()!;
        }

        if (type == typeof(float))
        {
            return (T)(object)node.GetFloatValue()!;
        }

        if (type == typeof(long))
        {
            return (T)(object)node.GetLongValue()!;
        }

        if (type == typeof(double))
        {
            return (T)(object)node.GetDoubleValue()!;
        }

        if (type == typeof(Guid))
        {
            return (T)(object)node.GetGuidValue()!;
        }

        if (type == typeof(DateTimeOffset))
        {
            return (T)(object)node.GetDateTimeOffsetValue()!;
        }

        if (type == typeof(TimeSpan))
        {
            return (T)(object)node.GetTimeSpanValue()!;
        }

        if (type == typeof(Date))
        {
            return (T)(object)node.GetDateValue()!;
        }

        if (type == typeof(Time))
        {
            return (T)(object)node.GetTimeValue()!;
        }

        return node.GetStringValue() is { Length: > 0 } raw
            ? (T)EnumHelpers.GetEnumValue(type, raw)!
            : throw new InvalidOperationException($"unknown type for deserialization {type.FullName}");
    }
}
