using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Rsspot.Emulator;

namespace Rsspot.Benchmarks;

/// <summary>
/// The emulator in its own process (the Rsspot.Emulator.dll copied beside the benchmarks), so a client benchmark's
/// allocation count and thread pool hold the client's work only, not the server's.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    public static string RefreshToken => EmulatorOptions.DefaultRefreshToken;

    public static string OrganizationName => EmulatorOptions.DefaultOrganizationName;

    public static async Task<EmulatorProcess> StartAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Rsspot.Emulator.dll"));
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var info200 = await http.GetAsync(new Uri("/_emulator/info", UriKind.Relative));
                if (info200.IsSuccessStatusCode)
                {
                    return emulator;
                }
            }
            catch (HttpRequestException) when (attempt < 300 && !process.HasExited)
            {
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Exchanges the default refresh token for an id_token, as a bare client would.</summary>
    public async Task<string> ExchangeIdTokenAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = EmulatorOptions.PublicClientId,
            ["refresh_token"] = RefreshToken,
        });
        using var response = await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id_token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
