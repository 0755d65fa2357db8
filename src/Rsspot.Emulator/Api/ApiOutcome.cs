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
