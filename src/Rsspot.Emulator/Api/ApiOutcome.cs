using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Rsspot.Emulator.Api;

/// <summary>A status code and a JSON body: what every emulator operation answers.</summary>
internal sealed record ApiOutcome(int StatusCode, JsonNode Body)
{
    public static ApiOutcome Ok(JsonNode body) => new(200, body);

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public JsonNodeResult ToResult() => new(StatusCode, Body);

    public Task WriteAsync(HttpContext context) => JsonNodeResult.WriteAsync(context.Response, StatusCode, Body);
}

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
