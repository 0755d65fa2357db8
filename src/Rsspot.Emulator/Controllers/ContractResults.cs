using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Controllers;

/// <summary>Adapts an <see cref="ApiOutcome"/> to the generated contract's <c>ActionResult&lt;T&gt;</c> return types.</summary>
internal static class ContractResults
{
    public static ActionResult<T> As<T>(this ApiOutcome outcome) => outcome.ToResult();

    public static Task<ActionResult<T>> AsTask<T>(this ApiOutcome outcome) => Task.FromResult<ActionResult<T>>(outcome.ToResult());

    public static JsonNodeResult OAuthError(int status, string error, string description) =>
        new ApiOutcome(status, new System.Text.Json.Nodes.JsonObject { ["error"] = error, ["error_description"] = description }).ToResult();
}
