using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Api;

/// <summary>One invalid field: the <c>details.causes[]</c> entry of a 422 Status.</summary>
internal sealed record FieldCause(string Field, string Reason, string Message)
{
    public static FieldCause Required(string field) => new(field, "FieldValueRequired", "Required value");

    public static FieldCause Invalid(string field, string message) => new(field, "FieldValueInvalid", "Invalid value: " + message);

    public static FieldCause NotFound(string field, string message) => new(field, "FieldValueNotFound", "Not found: " + message);

    public static FieldCause Forbidden(string field, string message) => new(field, "FieldValueForbidden", "Forbidden: " + message);

    public static FieldCause NotSupported(string field, string value, IEnumerable<string> allowed) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: {value}: supported values: {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");

    public static FieldCause TypeInvalid(string field, string expected, string actual) =>
        new(field, "FieldValueTypeInvalid", $"Invalid value: \"{actual}\": {field} in body must be of type {expected}: \"{actual}\"");
}
