using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Rsspot.Diagnostics;
using Rsspot.Emulator;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Diagnostics;

public sealed class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("Rsspot.Tests.Telemetry");

    [Fact]
    public async Task A_create_through_an_injected_503_shows_as_one_operation_with_two_attempts_metrics_and_a_retry_log()
    {
        await using var observed = await ObservedClient.StartAsync();
        var (emulator, client, spans, metrics, logs) = (observed.Emulator, observed.Client, observed.Spans, observed.Metrics, observed.Logs);

        string idToken;
        using (var root = TestSource.StartActivity("user code"))
        {
            await client.Organizations.CurrentAsync();
            idToken = await client.Tokens.GetTokenAsync(CancellationToken.None);
            emulator.SetFaults(new FaultSettings { FailCount = 1, FailStatus = 503, Method = "POST", PathPrefix = $"/apis/ngpc.rxt.io/v1/namespaces/{emulator.Namespace}/cloudspaces" });
            await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("traced", "us-central-dfw-1"));
            Assert.NotNull(root);
        }

        observed.Flush();
        var traceId = spans.Single(s => s.DisplayName == "user code").TraceId;
        var ours = spans.Where(s => s.TraceId == traceId).ToList();

        var operation = Assert.Single(ours, s => s.DisplayName == "cloudspaces.create");
        Assert.Equal("cloudspaces.create", operation.GetTagItem(SpotDiagnostics.OperationAttribute));
        Assert.Equal(emulator.Namespace, operation.GetTagItem(SpotDiagnostics.NamespaceAttribute));
        Assert.Equal("traced", operation.GetTagItem(SpotDiagnostics.ResourceAttribute));
        Assert.Contains(operation.Events, e => e.Name == "rsspot.retry");

        var attempts = ours.Where(s => s.ParentSpanId == operation.SpanId && s.Kind == ActivityKind.Client).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.Equal("POST", a.GetTagItem("http.request.method"));
            Assert.Equal("127.0.0.1", a.GetTagItem("server.address"));
            Assert.Equal(emulator.Port, a.GetTagItem("server.port"));
            Assert.Equal($"{emulator.BaseUrl}/apis/ngpc.rxt.io/v1/namespaces/{emulator.Namespace}/cloudspaces", a.GetTagItem("url.full"));
        });
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("503", attempts[0].GetTagItem("error.type"));
        Assert.Null(attempts[0].GetTagItem("http.request.resend_count"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.InRange((int)attempts[1].GetTagItem("http.response.status_code")!, 200, 299);

        Assert.Contains(ours, s => s.DisplayName == "rsspot.token.refresh");
        var posted = emulator.GetRequestLog().Last(e => e.Method == "POST" && e.Path.EndsWith("/cloudspaces", StringComparison.Ordinal));
        Assert.Contains(traceId.ToHexString(), posted.Headers.First(h => h.Key.Equals("traceparent", StringComparison.OrdinalIgnoreCase)).Value, StringComparison.Ordinal);

        Assert.True(Sum(metrics, "rsspot.client.retries", emulator.Port) >= 1);
        Assert.True(Sum(metrics, "rsspot.client.request.duration", emulator.Port) >= 2);
        Assert.True(Sum(metrics, "rsspot.client.token.refreshes", port: null) >= 1);

        var records = logs.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.Contains("Retrying POST", StringComparison.Ordinal) && r.Message.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("Refreshed the id_token", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("resolved to", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.StartsWith("HTTP POST", StringComparison.Ordinal));

        NoSecretIn(ours, metrics, records, emulator.RefreshToken, idToken);
    }

    [Fact]
    public async Task Cache_hits_401_recoveries_and_bypasses_are_visible()
    {
        await using var observed = await ObservedClient.StartAsync();
        var (emulator, client, spans, metrics, logs) = (observed.Emulator, observed.Client, observed.Spans, observed.Metrics, observed.Logs);

        using (TestSource.StartActivity("user code"))
        {
            await client.Regions.ListAsync();
            await client.Regions.ListAsync();
            emulator.ExpireTokens();
            await client.Cloudspaces.ListAsync();
            await Assert.ThrowsAsync<SpotApiException>(() => client.Cloudspaces.WaitUntilReadyAsync("missing", TimeSpan.Zero));
        }

        observed.Flush();
        var traceId = spans.Single(s => s.DisplayName == "user code").TraceId;
        var lists = spans.Where(s => s.TraceId == traceId && s.DisplayName == "regions.list").ToList();
        Assert.Equal(2, lists.Count);
        Assert.Contains(lists[1].Events, e => e.Name == "rsspot.cache.hit");
        Assert.Contains(lists[0].Events, e => e.Name == "rsspot.cache.miss");
        Assert.True(Sum(metrics, "rsspot.client.cache.hits", port: null) >= 1);
        Assert.True(Sum(metrics, "rsspot.client.cache.misses", port: null) >= 1);

        var records = logs.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("answered 401", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.StartsWith("Cache bypassed for GET", StringComparison.Ordinal));
        NoSecretIn(spans, metrics, records, emulator.RefreshToken, await client.Tokens.GetTokenAsync(CancellationToken.None));
    }

    private static double Sum(List<Metric> metrics, string name, int? port)
    {
        double total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var matches = port is null;
                foreach (var tag in point.Tags)
                {
                    matches |= tag.Key == "server.port" && Equals(tag.Value, port);
                }

                if (matches)
                {
                    total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
                }
            }
        }

        return total;
    }

    /// <summary>Every tag, event, metric attribute, log message, log state value and scope is free of the secrets.</summary>
    private static void NoSecretIn(List<Activity> spans, List<Metric> metrics, IReadOnlyList<FakeLogRecord> records, params string[] secrets)
    {
        var texts = new List<string?>();
        foreach (var span in spans)
        {
            texts.Add(span.DisplayName);
            texts.AddRange(span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));
        }

        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    texts.Add($"{metric.Name} {tag.Key}={tag.Value}");
                }
            }
        }

        foreach (var record in records)
        {
            texts.Add(record.Message);
            texts.Add(record.Exception?.ToString());
            texts.AddRange(record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? []);
            texts.AddRange(record.Scopes.Select(s => s?.ToString()));
        }

        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.False(string.IsNullOrEmpty(secret));
            Assert.DoesNotContain(texts, t => t is not null && t.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>An emulator and a client of it, with every span, metric and log record of the SDK captured.</summary>
    private sealed class ObservedClient : IAsyncDisposable
    {
        private readonly TempDirectory _state = new();
        private readonly TracerProvider _tracing;
        private readonly MeterProvider _meters;
        private readonly ILoggerFactory _loggers;

        private ObservedClient(EmulatorHost emulator)
        {
            Emulator = emulator;
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(SpotDiagnostics.SourceName, TestSource.Name).AddInMemoryExporter(Spans).Build();
            _meters = Sdk.CreateMeterProviderBuilder().AddMeter(SpotDiagnostics.MeterName).AddInMemoryExporter(Metrics).Build();
            _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
            Client = EmulatorClients.Create(emulator, _state.Path, o => o with { LoggerFactory = _loggers });
        }

        public EmulatorHost Emulator { get; }

        public SpotClient Client { get; }

        public List<Activity> Spans { get; } = [];

        public List<Metric> Metrics { get; } = [];

        public FakeLoggerProvider Logs { get; } = new();

        public static async Task<ObservedClient> StartAsync() => new(await EmulatorHost.StartAsync());

        public void Flush()
        {
            _tracing.ForceFlush();
            _meters.ForceFlush();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            _loggers.Dispose();
            Logs.Dispose();
            _meters.Dispose();
            _tracing.Dispose();
            _state.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
