using System.Text;
using Microsoft.Data.Sqlite;
using Rsspot.Cli.Tests.Support;
using Rsspot.Configuration;
using Rsspot.Emulator;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Infrastructure;

/// <summary>
/// The refresh token (a plain-looking value, so only knowing it can catch it) and a URL password given in
/// places no flag name marks as secret: never in the history, config history list, --verbose, errors or any
/// byte of state.db; URL credentials never in config info or profiles list.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsInArgumentsTests : IAsyncLifetime
{
    private const string Token = "plain-looking-refresh-token-value";
    private const string UrlPassword = "hunter2-url-password";
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-secrets-").FullName;
    private EmulatorHost _emulator = null!;

    private string ConfigPath => Path.Combine(_home, "rsspot", "config.yaml");

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["RSSPOT_CONFIG"] = ConfigPath, ["NO_COLOR"] = "1" };

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero, RefreshToken = Token });
        OneHostProfile.Save(
            ConfigPath,
            OneHostProfile.For(_emulator.BaseUrl, _emulator.OrganizationName, Token),
            store => store.SaveProfile("withpassword", new ProfileConfig { BaseUrl = _emulator.BaseUrl.Replace("http://", "http://admin:" + UrlPassword + "@", StringComparison.Ordinal) }));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task A_known_secret_inside_any_argument_never_reaches_history_verbose_or_the_state_file()
    {
        string[][] commands =
        [
            ["regions", "list", "--org", Token],
            ["cloudspaces", "create", "demo", "--region", "us-central-dfw-1", "--webhook", "http://hooks.example/" + Token, "--verbose"],
            ["raw", "--path", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces", "--params-json", "{\"q\":\"" + Token + "\"}", "--verbose"],
            ["raw", "-X", "POST", "--path", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces", "--body-json", "{\"refresh_token\":\"" + Token + "\"}", "--verbose"],
            ["configure", "--profile", "other", "--client-id", Token, "--no-activate"],
            ["--verbose", "regions", "list", "--org", "prefix" + Token + "suffix"],
        ];

        var output = new StringBuilder();
        foreach (var command in commands)
        {
            // stdout is the API's answer (a created cloudspace echoes its webhook); what rsspot adds goes to stderr.
            var run = await CliRunner.RunAsync(Env, null, command);
            output.Append(run.Stderr);
        }

        var history = await CliRunner.RunAsync(Env, null, "config", "history", "list", "-n", "50", "-o", "json");
        Assert.Equal(0, history.ExitCode);
        Assert.Equal(commands.Length, history.Json.AsArray().Count);
        output.Append(history.Stdout).Append((await CliRunner.RunAsync(Env, null, "config", "history", "list", "-n", "50")).Stdout);

        Assert.Contains("[http]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Token), output.ToString(), StringComparison.Ordinal);
        Assert.Contains("***REDACTED***", history.Stdout, StringComparison.Ordinal);
        AssertNotInHistoryRows(Token);
    }

    // The http_cache may hold the API's own answers, which echo the webhook given at create.
    private void AssertNotInHistoryRows(string secret)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetDirectoryName(ConfigPath)!, "state.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(command || ' ' || argv_json, '\n') FROM command_history";
        var rows = (string)command.ExecuteScalar()!;
        Assert.Contains("history", rows, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_credentials_never_show_in_config_info_profiles_verbose_or_errors()
    {
        var runs = new[]
        {
            await CliRunner.RunAsync(Env, null, "config", "info", "-p", "withpassword"),
            await CliRunner.RunAsync(Env, null, "config", "info", "-p", "withpassword", "-o", "json"),
            await CliRunner.RunAsync(Env, null, "profiles", "list"),
            await CliRunner.RunAsync(Env, null, "profiles", "list", "-o", "yaml"),
            await CliRunner.RunAsync(Env, null, "profiles", "show", "withpassword"),
            await CliRunner.RunAsync(Env, null, "regions", "list", "-p", "withpassword", "--verbose"),
            await CliRunner.RunAsync(Env, null, "configure", "--profile", "bad", "--base-url", "http://admin:" + UrlPassword + "@[broken"),
        };

        Assert.Contains(runs, r => r.Stderr.Contains("[http]", StringComparison.Ordinal) || r.Stderr.Contains("error:", StringComparison.Ordinal));
        Assert.All(runs, r => Assert.DoesNotContain(UrlPassword, r.Stdout + r.Stderr, StringComparison.Ordinal));
        Assert.Contains("admin:***REDACTED***@", runs[0].Stdout, StringComparison.Ordinal);
        AssertNotInStateFiles(UrlPassword);
    }

    [Fact]
    public async Task Raw_delete_asks_like_every_delete()
    {
        var path = "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces";
        var before = (await CliRunner.RunAsync(Env, null, "cloudspaces", "list", "-o", "json")).Json.AsArray().Count;
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "cloudspaces", "create", "keepme", "--region", "us-central-dfw-1")).ExitCode);

        var refused = await CliRunner.RunAsync(Env, null, "raw", "-X", "DELETE", "--path", path);
        var refusedLong = await CliRunner.RunAsync(Env, null, "raw", "--method", "delete", "--path", path);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--yes", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, refusedLong.ExitCode);
        Assert.Equal(before + 1, (await CliRunner.RunAsync(Env, null, "cloudspaces", "list", "-o", "json", "--no-cache")).Json.AsArray().Count);
    }

    private void AssertNotInStateFiles(string secret)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!, "state.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{file} holds the secret");
        }
    }
}
