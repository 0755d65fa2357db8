using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Answers a <c>tools/call</c> whose params do not have the protocol's shape (an object with a string <c>name</c>, an
/// optional <c>arguments</c> object and an optional <c>_meta</c> object) with JSON-RPC <c>-32602 Invalid params</c> and
/// the reason, before the protocol library would turn it into an unexplained internal error.
/// </summary>
internal static class ParamsCheck
{
    public static McpMessageFilter Filter => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall } request && Problem(request.Params) is { } problem)
        {
            var error = new JsonRpcError
            {
                Id = request.Id,
                Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidParams, Message = problem },
            };
            await context.Server.SendMessageAsync(error, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(context, cancellationToken).ConfigureAwait(false);
    };

    /// <summary>Null when <paramref name="parameters"/> has the shape of <c>tools/call</c> params; else why not.</summary>
    public static string? Problem(JsonNode? parameters)
    {
        if (parameters is not JsonObject obj)
        {
            return "tools/call params must be an object with 'name' (a string) and 'arguments' (an object).";
        }

        if (obj["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            return "tools/call params need 'name': the tool's name as a string (tools/list shows them).";
        }

        if (obj.TryGetPropertyValue("arguments", out var arguments) && arguments is not (null or JsonObject))
        {
            return "tools/call 'arguments' must be an object of argument names and values.";
        }

        if (obj.TryGetPropertyValue("_meta", out var meta) && meta is not (null or JsonObject))
        {
            return "tools/call '_meta' must be an object.";
        }

        return meta?["progressToken"] is { } token && token.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number)
            ? "tools/call '_meta.progressToken' must be a string or a number."
            : null;
    }
}
