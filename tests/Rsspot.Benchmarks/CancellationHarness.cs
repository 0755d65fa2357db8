using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Rsspot.Configuration;

namespace Rsspot.Benchmarks;

/// <summary>
/// Many calls in flight at once, then cancelled: how long after <see cref="CancellationTokenSource.Cancel()"/> every
/// call has ended, how many exceptions were thrown on the way (first-chance, all threads) and how many connections
/// the server saw (exceptions counted again once the calls' unwinding has stopped, "incl. after"), for a plain <see cref="HttpClient"/> (the baseline) and <c>client.Regions.ListAsync()</c>. The
/// server is a TCP listener on 127.0.0.1 that reads requests and never answers, so every call is in flight when
/// the token is cancelled. Goal (issue 32): the SDK within 2x of the plain client.
/// Run: dotnet Rsspot.Benchmarks.dll --cancel [calls, default 500] [rounds, default 7]
/// </summary>
internal static class CancellationHarness
{
    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        using var server = new SilentServer();
        var token = UnsignedJwt(DateTimeOffset.UtcNow.AddHours(2));
        var exceptions = 0;
        var throwers = new ConcurrentDictionary<string, int>();
        var trace = Environment.GetEnvironmentVariable("RSSPOT_CANCEL_TRACE") == "1";
        AppDomain.CurrentDomain.FirstChanceException += (_, _) =>
        {
            Interlocked.Increment(ref exceptions);
            if (trace)
            {
                // The async method whose await threw: the first frame outside the runtime's task plumbing.
                var frame = new StackTrace(1, false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.FullName is { } n
                    && !n.StartsWith("System.Runtime", StringComparison.Ordinal) && !n.StartsWith("System.Threading", StringComparison.Ordinal) && !n.StartsWith("Rsspot.Benchmarks.CancellationHarness", StringComparison.Ordinal));
                throwers.AddOrUpdate(frame?.DeclaringType?.FullName ?? "?", 1, (_, n) => n + 1);
            }
        };

        var results = new Dictionary<string, List<(double Ms, double ExceptionsPerCall, double AllPerCall, int Connections)>> { ["HttpClient"] = [], ["SpotClient"] = [] };
        for (var round = 0; round < rounds + 1; round++)
        {
            foreach (var path in round % 2 == 0 ? new[] { "HttpClient", "SpotClient" } : ["SpotClient", "HttpClient"])
            {
                var connectionsBefore = server.Connections;
                var (ms, thrown, all) = path == "HttpClient"
                    ? await PlainAsync(server.BaseUri, token, calls, () => Volatile.Read(ref exceptions))
                    : await SdkAsync(server.BaseUri, token, calls, () => Volatile.Read(ref exceptions));
                if (round > 0)
                {
                    results[path].Add((ms, thrown / (double)calls, all / (double)calls, server.Connections - connectionsBefore));
                }
            }
        }

        Console.WriteLine($"{calls} calls in flight on one client, then cancelled; {rounds} rounds per path, interleaved (first round discarded)");
        Console.WriteLine($"{"path",-12}{"median ms",11}{"min ms",9}{"max ms",9}{"exceptions/call",17}{"incl. after",13}{"connections",13}");
        foreach (var (path, samples) in results)
        {
            var ms = samples.Select(s => s.Ms).Order().ToList();
            Console.WriteLine($"{path,-12}{ms[ms.Count / 2],11:0.0}{ms[0],9:0.0}{ms[^1],9:0.0}{samples.Average(s => s.ExceptionsPerCall),17:0.0}{samples.Average(s => s.AllPerCall),13:0.0}{samples.Max(s => s.Connections),13}");
        }

        foreach (var (where, count) in throwers.OrderByDescending(t => t.Value).Take(40))
        {
            Console.WriteLine($"{count,8} {where}");
        }

        var ratio = results["SpotClient"].Select(s => s.Ms).Order().ElementAt(rounds / 2) / results["HttpClient"].Select(s => s.Ms).Order().ElementAt(rounds / 2);
        Console.WriteLine($"SpotClient / HttpClient (medians): {ratio:0.00}x");
    }

    private static async Task<(double Ms, int Thrown, int All)> PlainAsync(Uri baseUri, string token, int calls, Func<int> exceptions)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var cancel = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, calls).Select(_ => http.GetAsync(new Uri("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative), cancel.Token)).ToList();
        return await CancelAsync(tasks, cancel, exceptions);
    }

    private static async Task<(double Ms, int Thrown, int All)> SdkAsync(Uri baseUri, string token, int calls, Func<int> exceptions)
    {
        var state = Directory.CreateTempSubdirectory("rsspot-cancel-");
        try
        {
            var options = SpotClientOptions.Isolated(baseUri.GetLeftPart(UriPartial.Authority), "unused", "acme", state.FullName) with
            {
                RefreshToken = null,
                AccessToken = token,
                NoCache = true,
                Timeout = TimeSpan.FromMinutes(5),
                Retry = new RetrySettings(1, TimeSpan.Zero, TimeSpan.Zero, 0, []),
            };
            using var client = new SpotClient(options);
            using var cancel = new CancellationTokenSource();
            var tasks = Enumerable.Range(0, calls).Select(_ => (Task)client.Regions.ListAsync(cancellationToken: cancel.Token)).ToList();
            return await CancelAsync(tasks, cancel, exceptions);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static async Task<(double Ms, int Thrown, int All)> CancelAsync(IReadOnlyList<Task> tasks, CancellationTokenSource cancel, Func<int> exceptions)
    {
        // Every call sent (or queued for a connection): the server holds them all.
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (tasks.Any(t => t.IsCompleted))
        {
            throw new InvalidOperationException("A call ended before the cancellation: " + tasks.First(t => t.IsCompleted).Exception?.GetBaseException().Message);
        }

        var before = exceptions();
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException)
        {
            // Each call ends cancelled: the measured outcome.
        }

        watch.Stop();
        var wrong = tasks.FirstOrDefault(t => !t.IsCanceled && t.Exception?.GetBaseException() is not OperationCanceledException);
        if (wrong is not null)
        {
            throw new InvalidOperationException($"A call did not end as cancelled: {wrong.Status} {wrong.Exception?.GetBaseException()}");
        }

        // The calls' own unwinding may go on after they have ended for the caller: count until it stops.
        var thrown = exceptions() - before;
        var last = -1;
        for (var waited = 0; waited < 100 && exceptions() != last; waited++)
        {
            last = exceptions();
            await Task.Delay(200);
        }

        return (watch.Elapsed.TotalMilliseconds, thrown, exceptions() - before);
    }

    /// <summary>A JWT the SDK takes as a fresh access token (it reads the expiry; the server here checks nothing).</summary>
    private static string UnsignedJwt(DateTimeOffset expires)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"bench","exp":{{expires.ToUnixTimeSeconds()}}}""")}.sig";
    }

    /// <summary>Accepts connections, reads whatever arrives and never answers.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<Socket> _sockets = [];
        private int _connections;

        public SilentServer()
        {
            _listener.Start(backlog: 4096);
            BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _ = AcceptAsync();
        }

        public Uri BaseUri { get; }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _listener.Stop();
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    Interlocked.Increment(ref _connections);
                    _sockets.Add(socket);
                    _ = DrainAsync(socket);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private static async Task DrainAsync(Socket socket)
        {
            var buffer = new byte[4096];
            try
            {
                while (await socket.ReceiveAsync(buffer) > 0)
                {
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The client went away.
            }
            finally
            {
                socket.Dispose();
            }
        }
    }
}
