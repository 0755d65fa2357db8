using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rsspot.Cli.Commands.Mcp;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Diagnostics;
using Rsspot.Http;
using Rsspot.Security;
using Rsspot.State;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Security;

/// <summary>
/// One set of secret-bearing field names goes through every path that prints, logs or stores: the SDK's exception
/// text, its log lines and spans, the state.db response cache, the command history, the CLI's json, yaml and table
/// output and an MCP result. Each value is plain text (no secret shape), so only the name rule of
/// <see cref="SecretPolicy"/> can mask it; a path that keeps its own narrower list fails here.
/// </summary>
public sealed class SecretPolicyPathsTests : IAsyncLifetime, IDisposable
{
    /// <summary>Field spellings as APIs, configs, headers and flags write them.</summary>
    public static readonly string[] SecretFields =
    [
        "apiKey", "api_key", "X-Api-Key", "refresh_token", "refreshToken", "access_token", "id_token", "clientSecret",
        "client_secret", "Authorization", "password", "privateKey", "credentials", "kubeconfig", "auth", "token",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("rsspot-secret-paths-").FullName;
    private HostileServer _server = null!;

    public async Task InitializeAsync() => _server = await HostileServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A value only its field name marks as secret: lower case words, no JWT or random-string shape.</summary>
    private static string ValueOf(string field) => "plain-" + field.ToLowerInvariant().Replace('_', '-') + "-value";

    private static JsonObject Fields()
    {
        var fields = new JsonObject();
        foreach (var field in SecretFields)
        {
            fields[field] = ValueOf(field);
        }

        fields["sshSecretName"] = "visible-secret-name";
        fields["key"] = "visible-taint-key";
        return fields;
    }

    private static void AssertMasked(string text, string path)
    {
        foreach (var field in SecretFields)
        {
            Assert.True(!text.Contains(ValueOf(field), StringComparison.Ordinal), $"{path} shows the value of '{field}': {text}");
        }
    }

    [Fact]
    public void Every_value_is_plain_so_only_the_name_rule_masks_it()
    {
        foreach (var field in SecretFields)
        {
            Assert.True(SecretPolicy.IsSecretName(field), field);
            Assert.False(SecretPolicy.LooksLikeSecret(ValueOf(field)), field);
        }

        Assert.False(SecretPolicy.IsSecretName("sshSecretName"));
        Assert.False(SecretPolicy.IsSecretName("key"));
    }

    [Fact]
    public async Task Exception_text_log_lines_and_spans_mask_every_field()
    {
        var words = string.Join(' ', SecretFields.Select(f => f + "=" + ValueOf(f)));
        var body = new JsonObject { ["error"] = "invalid_request", ["error_description"] = "rejected " + words }.ToJsonString();
        _server.ApiFault = HostileFault.Status(400, "application/json", body);
        var log = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpotDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(string.Join(' ', activity.Tags.Select(t => t.Key + "=" + t.Value))); } },
        };
        ActivitySource.AddActivityListener(listener);
        var options = SpotClientOptions.Isolated(_server.BaseUrl, _server.Emulator.RefreshToken, _server.Emulator.OrganizationName, _directory) with
        {
            NoCache = true,
            LoggerFactory = loggers,
        };
        using var client = new SpotClient(options);
        var query = SecretFields.ToDictionary(f => f, ValueOf, StringComparer.Ordinal);

        var error = await Assert.ThrowsAsync<SpotApiException>(() =>
            client.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/regions", query));

        Assert.Equal(400, (int)error.StatusCode);
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        AssertMasked(error.Message, "the exception message");
        AssertMasked(error.ApiMessage ?? string.Empty, "the exception's API message");
        Assert.NotEmpty(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("apiKey=", StringComparison.Ordinal));
        AssertMasked(string.Join('\n', log.Lines), "the log");
        lock (spans)
        {
            Assert.Contains(spans, s => s.Contains("apiKey=", StringComparison.Ordinal));
            AssertMasked(string.Join('\n', spans), "the spans");
        }
    }

    [Fact]
    public void The_state_db_cache_refuses_a_body_with_any_of_the_fields()
    {
        var now = DateTimeOffset.UtcNow;
        var path = Path.Combine(_directory, "state.db");
        using (var cache = new StateResponseCacheStore(() => StateStore.Open(path), ownsStore: true))
        {
            cache.Put("clean", Cached("""{"items":[{"name":"a","key":"visible-taint-key"}]}""", now), now, 100);
            Assert.NotNull(cache.Get("clean", now));

            foreach (var field in SecretFields)
            {
                var body = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["name"] = "a", [field] = ValueOf(field) }) }.ToJsonString();
                cache.Put(field, Cached(body, now), now, 100);
                Assert.True(cache.Get(field, now) is null, $"a body with '{field}' was written to state.db");
            }
        }

        foreach (var file in Directory.GetFiles(_directory, "state.db*"))
        {
            AssertMasked(Encoding.UTF8.GetString(File.ReadAllBytes(file)), file);
        }
    }

    [Fact]
    public void The_command_history_keeps_no_value_in_flags_json_or_pair_lists()
    {
        var args = new List<string>();
        foreach (var field in SecretFields)
        {
            args.Add("--" + field);
            args.Add(ValueOf(field));
        }

        args.Add("--body-json");
        args.Add(Fields().ToJsonString());
        args.Add("--params");
        args.Add(string.Join(',', SecretFields.Select(f => f + "=" + ValueOf(f))));
        // No known values: the flags, the JSON and the pair list are masked by the names alone.
        var redactor = new ArgumentRedactor(KnownSecrets.Collect([], null));
        var path = Path.Combine(_directory, "history.db");

        using (var store = StateStore.Open(path))
        {
            store.History.Record("raw", redactor.Redact(args), 0, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(3));
        }

        using var reopened = StateStore.Open(path);
        var entry = Assert.Single(reopened.History.List());
        var stored = string.Join(' ', entry.Args);
        Assert.Contains("visible-taint-key", stored, StringComparison.Ordinal);
        AssertMasked(stored, "the history");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("table")]
    public void Cli_output_masks_every_field_and_keeps_the_public_ones(string format)
    {
        var output = new StringWriter();
        var writer = new OutputWriter(output, Terminal.Redirected, Enum.Parse<OutputFormat>(format, ignoreCase: true));
        var fields = Fields();

        writer.Write(new JsonObject { ["pool"] = fields }, () => TableView.Pairs(fields.Select(kv => (kv.Key, (string?)kv.Value!.GetValue<string>()))));

        var text = output.ToString();
        Assert.Contains("visible-secret-name", text, StringComparison.Ordinal);
        Assert.Contains("visible-taint-key", text, StringComparison.Ordinal);
        AssertMasked(text, format + " output");
    }

    [Fact]
    public void An_MCP_result_masks_every_field()
    {
        var result = ToolResults.Redacted(new JsonObject { ["items"] = new JsonArray(Fields()) });

        var text = ToolResults.ToText(result);
        Assert.Contains("visible-taint-key", text, StringComparison.Ordinal);
        AssertMasked(text, "the MCP result");
    }

    private static CachedResponse Cached(string body, DateTimeOffset now) => new(200, "application/json", Encoding.UTF8.GetBytes(body), now.AddMinutes(5));

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines)
                {
                    owner._lines.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message));
                }
            }
        }
    }
}
