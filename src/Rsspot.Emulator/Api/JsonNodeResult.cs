using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Rsspot.Emulator.Api;

/// <summary>Writes a JSON node with a status code, bypassing content negotiation.</summary>
internal sealed class JsonNodeResult(int statusCode, JsonNode body) : ActionResult
{
    public int StatusCode { get; } = statusCode;

    public override Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext.Response, StatusCode, body);

    public static async Task WriteAsync(HttpResponse response, int statusCode, JsonNode body)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(EmulatorJson.Options), response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
