using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rsspot.Emulator;

namespace Rsspot.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 in front of a real emulator: requests pass through to the emulator unless a switched-on
/// fault matches them, in which case the fault answers instead. One base URL serves the API, the OAuth token endpoint
/// and the price documents, like the emulator. Shared by the SDK and CLI test projects.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    /// <summary>Path every redirect fault points to; a request arriving there means a redirect was followed.</summary>
    public const string TrapPath = "/trap";

    private readonly WebApplication _app;
    private readonly HttpClient _forward;
    private int _faultHits;
    private int _tokenRequests;
    private int _trapHits;
    private int _apiRequests;

    private HostileServer(WebApplication app, EmulatorHost emulator, HttpClient forward, string baseUrl)
    {
        _app = app;
        Emulator = emulator;
        _forward = forward;
        BaseUrl = baseUrl;
    }

    /// <summary>The emulator behind the faults.</summary>
    public EmulatorHost Emulator { get; }

    /// <summary>Base URL without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    /// <summary>The same server under another host name, for redirects that leave the host.</summary>
    public string OtherHostUrl => BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>The fault for API and price-document requests, or null to pass them through.</summary>
    public HostileFault? ApiFault { get; set; }

    /// <summary>Which requests <see cref="ApiFault"/> hits (by default every one except the organization listing).</summary>
    public Func<HttpRequest, bool> FaultScope { get; set; } = ExceptOrganizations;

    /// <summary>The fault for <c>POST /oauth/token</c>, or null to pass it through.</summary>
    public HostileFault? OAuthFault { get; set; }

    /// <summary>Requests answered by <see cref="ApiFault"/>.</summary>
    public int FaultHits => Volatile.Read(ref _faultHits);

    /// <summary>Token requests received (faulted or passed through).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>API and price-document requests received (faulted or passed through).</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>Requests that arrived at <see cref="TrapPath"/>, under any host name.</summary>
    public int TrapHits => Volatile.Read(ref _trapHits);

    /// <summary>Authorization headers seen at <see cref="TrapPath"/>.</summary>
    public List<string> TrapAuthorizations { get; } = [];

    public static bool ExceptOrganizations(HttpRequest request) =>
        !request.Path.StartsWithSegments("/apis/auth.ngpc.rxt.io/v1/organizations", StringComparison.Ordinal);

    public static bool Everything(HttpRequest request) => true;

    public static async Task<HostileServer> StartAsync(EmulatorOptions? emulatorOptions = null)
    {
        var emulator = await EmulatorHost.StartAsync(emulatorOptions ?? new EmulatorOptions { ReadyAfter = TimeSpan.Zero });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        HostileServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
#pragma warning disable CA2000 // Owned and disposed by the server.
        var forward = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseUri };
#pragma warning restore CA2000
        server = new HostileServer(app, emulator, forward, address.TrimEnd('/'));
        return server;
    }

    /// <summary>Turns every fault off and resets the counters.</summary>
    public void Reset()
    {
        ApiFault = null;
        OAuthFault = null;
        FaultScope = ExceptOrganizations;
        Interlocked.Exchange(ref _faultHits, 0);
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _trapHits, 0);
        Interlocked.Exchange(ref _apiRequests, 0);
        lock (TrapAuthorizations)
        {
            TrapAuthorizations.Clear();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(TrapPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _trapHits);
            lock (TrapAuthorizations)
            {
                TrapAuthorizations.Add(request.Headers.Authorization.ToString());
            }

            // What a hostile host would answer to look like success.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","status":"Success","items":[]}""");
            return;
        }

        if (request.Path.StartsWithSegments("/oauth/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokenRequests);
            if (OAuthFault is { } oauthFault)
            {
                await oauthFault.Answer(context, this);
                return;
            }
        }
        else
        {
            Interlocked.Increment(ref _apiRequests);
            if (ApiFault is { } fault && FaultScope(request))
            {
                Interlocked.Increment(ref _faultHits);
                await fault.Answer(context, this);
                return;
            }
        }

        await PassThroughAsync(context);
    }

    /// <summary>Answers as the emulator would.</summary>
    public async Task PassThroughAsync(HttpContext context)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            message.Content = new ByteArrayContent(buffer.ToArray());
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var name in new[] { "Authorization", "Accept" })
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                message.Headers.TryAddWithoutValidation(name, value.ToString());
            }
        }

        using var answer = await _forward.SendAsync(message, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        if (answer.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>A named misbehaviour: how the hostile server answers a request it applies to.</summary>
public sealed class HostileFault(string name, Func<HttpContext, HostileServer, Task> answer)
{
    /// <summary>The secrets the <see cref="EchoingSecrets"/> fault writes into its error.</summary>
    public const string EchoedPassword = "hunter2-password-value";

    public Func<HttpContext, HostileServer, Task> Answer { get; } = answer;

    public override string ToString() => name;

    /// <summary>A redirect with the given status to the trap on the other host name.</summary>
    public static HostileFault RedirectToOtherHost(int status) =>
        Redirect($"{status} to another host", status, s => s.OtherHostUrl + TrapPathWithQuery);

    /// <summary>A redirect with the given status to a relative location on the same host.</summary>
    public static HostileFault RedirectRelative(int status) => Redirect($"{status} relative", status, _ => TrapPathWithQuery);

    /// <summary>A redirect to the very URL requested (a loop).</summary>
    public static HostileFault RedirectLoop(int status) =>
        new($"{status} loop", (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = context.Request.Path + context.Request.QueryString;
            return Task.CompletedTask;
        });

    /// <summary>Headers and the start of a JSON body, then nothing until the client gives up.</summary>
    public static HostileFault StalledBody { get; } = new("stalled body", async (context, _) =>
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 4096;
        await context.Response.WriteAsync("{\"items\":[", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await WaitForClientToLeave(context);
    });

    /// <summary>No answer at all until the client gives up.</summary>
    public static HostileFault StalledHeaders { get; } = new("stalled headers", (context, _) => WaitForClientToLeave(context));

    /// <summary>200 with application/json that is not JSON.</summary>
    public static HostileFault InvalidJson { get; } = Body("invalid JSON", 200, "application/json", "{\"items\": [ {\"metadata\": ");

    /// <summary>200 with an HTML page (a captive portal, a proxy's login page).</summary>
    public static HostileFault Html { get; } = Body("HTML with 200", 200, "text/html; charset=utf-8", "<html><body><h1>Welcome</h1></body></html>");

    /// <summary>A listing whose <c>items</c> (<c>organizations</c> for the organization pages) is an object.</summary>
    public static HostileFault ItemsNotAList { get; } = Body("items not a list", 200, "application/json", """{"kind":"List","items":{"name":"x"},"organizations":{"name":"x"}}""");

    /// <summary>Strings where the objects and lists of every model go.</summary>
    public static HostileFault StringForObject { get; } = Body(
        "string for object",
        200,
        "application/json",
        """{"metadata":"not an object","spec":"nor this","status":"x","items":"nope","organizations":"none","data":"no","history":"never","events":"gone"}""");

    /// <summary>A JSON array where an object goes.</summary>
    public static HostileFault ArrayForObject { get; } = Body("array for object", 200, "application/json", "[1,2,3]");

    /// <summary>A 400 Status whose message echoes the request's Authorization header, the refresh token and a password.</summary>
    public static HostileFault EchoingSecrets(string refreshToken) => new("token-echoing error", async (context, _) =>
    {
        var bearer = context.Request.Headers.Authorization.ToString();
        var message = $"bad request from {bearer} refresh_token={refreshToken} password={EchoedPassword}";
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsJsonAsync(new { kind = "Status", status = "Failure", reason = "BadRequest", code = 400, message });
    });

    /// <summary>A 422 Status whose message and reason carry terminal escapes and control characters.</summary>
    public static HostileFault ControlCharacters { get; } = new("control characters", async (context, _) =>
    {
        context.Response.StatusCode = 422;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsJsonAsync(new
        {
            kind = "Status",
            status = "Failure",
            reason = "Invalid\u001b[31m",
            code = 422,
            message = EscapeText,
        });
    });

    /// <summary>The text <see cref="ControlCharacters"/> sends: a title change, a screen clear, a bell, C1 controls.</summary>
    public const string EscapeText = "bad\u001b]0;pwned\u0007 value\u001b[2J here\u0007\u009b31m\u0085 end\r\nsecond line";

    /// <summary>200 with a JSON body of about <paramref name="megabytes"/> MB, streamed.</summary>
    public static HostileFault HugeBody(int megabytes) => new($"{megabytes} MB body", async (context, _) =>
    {
        context.Response.ContentType = "application/json";
        var chunk = Encoding.UTF8.GetBytes("{\"metadata\":{\"name\":\"" + new string('x', 1000) + "\"}},");
        await context.Response.Body.WriteAsync("{\"items\":["u8.ToArray(), context.RequestAborted);
        try
        {
            for (var written = 0L; written < megabytes * 1024L * 1024; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }

            await context.Response.Body.WriteAsync("{}]}"u8.ToArray(), context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading: what a bounded client does.
        }
    });

    /// <summary>An answer with a status and no body worth reading.</summary>
    public static HostileFault Status(int status, string contentType = "application/json", string body = "{}") =>
        Body($"HTTP {status}", status, contentType, body);

    /// <summary>A 400 invalid_grant from the token endpoint.</summary>
    public static HostileFault InvalidGrant { get; } = Body("400 invalid_grant", 400, "application/json", """{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""");

    /// <summary>A 401 from the token endpoint.</summary>
    public static HostileFault OAuthUnauthorized { get; } = Body("401 unauthorized", 401, "application/json", """{"error":"access_denied","error_description":"Unauthorized"}""");

    /// <summary>A token answer without a usable id_token.</summary>
    public static HostileFault MalformedToken { get; } = Body("malformed token", 200, "application/json", """{"id_token":12,"access_token":null}""");

    /// <summary>The real answer, after <paramref name="delay"/>.</summary>
    public static HostileFault Slow(TimeSpan delay) => new($"slow {delay.TotalSeconds:0.#} s", async (context, server) =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await server.PassThroughAsync(context);
    });

    private const string TrapPathWithQuery = HostileServer.TrapPath + "?from=redirect";

    private static HostileFault Redirect(string name, int status, Func<HostileServer, string> location) =>
        new(name, (context, server) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location(server);
            return Task.CompletedTask;
        });

    private static HostileFault Body(string name, int status, string contentType, string body) =>
        new(name, async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    private static async Task WaitForClientToLeave(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }
}
