using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Api;

/// <summary>Builds Kubernetes <c>Status</c> objects, the body of every API failure and of deletions.</summary>
internal static class KubeStatus
{
    public const string Group = "ngpc.rxt.io";

    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        return status;
    }

    public static JsonObject Success(string message, JsonObject details) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["message"] = message,
        ["details"] = details,
    };

    public static ApiOutcome Unauthorized(string message) => new(401, Failure(401, "Unauthorized", message));

    public static ApiOutcome BadRequest(string message) => new(400, Failure(400, "BadRequest", message));

    public static ApiOutcome NotFound(string plural, string name) =>
        new(404, Failure(404, "NotFound", $"{plural}.{Group} \"{name}\" not found", Details(plural, name)));

    public static ApiOutcome NotFoundPath(string path) =>
        new(404, Failure(404, "NotFound", $"the server could not find the requested resource ({path})"));

    public static ApiOutcome AlreadyExists(string plural, string name) =>
        new(409, Failure(409, "AlreadyExists", $"{plural}.{Group} \"{name}\" already exists", Details(plural, name)));

    public static ApiOutcome BeingDeleted(string plural, string name) =>
        new(409, Failure(409, "AlreadyExists", $"object is being deleted: {plural}.{Group} \"{name}\" already exists", Details(plural, name)));

    public static ApiOutcome Conflict(string plural, string name) =>
        new(409, Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {plural}.{Group} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(plural, name)));

    public static ApiOutcome Expired(string message) => new(410, Failure(410, "Expired", message));

    public static ApiOutcome TooLarge(int maxBytes) =>
        new(413, Failure(413, "RequestEntityTooLarge", $"the request body is larger than {maxBytes} bytes"));

    public static ApiOutcome Forbidden(string verb, string plural, string ns) =>
        new(403, Failure(
            403,
            "Forbidden",
            $"{plural}.{Group} is forbidden: the caller cannot {verb} resource \"{plural}\" in API group \"{Group}\" in the namespace \"{ns}\"",
            new JsonObject { ["group"] = Group, ["kind"] = plural }));

    public static ApiOutcome UnsupportedMediaType(string? contentType, string expected) =>
        new(415, Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: {expected} (got \"{contentType}\")"));

    public static ApiOutcome Invalid(string kind, string name, IReadOnlyList<FieldCause> causes)
    {
        var causeArray = new JsonArray();
        foreach (var cause in causes)
        {
            causeArray.Add(new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message, ["field"] = cause.Field });
        }

        var summary = string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"));
        var details = new JsonObject { ["name"] = name, ["group"] = Group, ["kind"] = kind, ["causes"] = causeArray };
        return new(422, Failure(422, "Invalid", $"{kind}.{Group} \"{name}\" is invalid: {summary}", details));
    }

    /// <summary>A 422 about the request's options (<c>dryRun</c>, <c>fieldManager</c>): kind such as CreateOptions.</summary>
    public static ApiOutcome InvalidOptions(string optionsKind, FieldCause cause)
    {
        var causes = new JsonArray { new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message, ["field"] = cause.Field } };
        var details = new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = optionsKind, ["causes"] = causes };
        return new(422, Failure(422, "Invalid", $"{optionsKind}.meta.k8s.io \"\" is invalid: {cause.Field}: {cause.Message}", details));
    }

    public static JsonObject Details(string plural, string name, string? uid = null)
    {
        var details = new JsonObject { ["name"] = name, ["group"] = Group, ["kind"] = plural };
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return details;
    }
}
