using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RegistrationController;

/// <summary>A join token as the external system hands it out. Only <see cref="Id"/> and the expiry go to the ledger.</summary>
internal sealed record JoinToken(string Id, string Secret, DateTimeOffset ExpiresAt);

/// <summary>One line of the fake system's journal.</summary>
/// <param name="Op"><c>token</c> or <c>submit</c>.</param>
/// <param name="Key">The registration key the call was made for (its idempotency key).</param>
/// <param name="Id">The token id or machine id.</param>
/// <param name="Duplicate">For a submit: the machine already existed, nothing was created.</param>
/// <param name="ExpiresAt">For a token: its expiry.</param>
/// <param name="Worker">The worker that made the call.</param>
internal sealed record OmniJournalEntry(string Op, string Key, string Id, bool Duplicate, DateTimeOffset? ExpiresAt, string? Worker = null);

/// <summary>The answer to a submit: the machine, and whether it existed already (nothing was created).</summary>
internal sealed record SubmitAnswer(string MachineId, bool Duplicate);

/// <summary>
/// Stands in for Sidero Omni (or any external system): issues join tokens and registers machines. Every call
/// takes the registration key as an idempotency key, so repeating a call after a crash never creates a second
/// token or machine. Its state is a JSON-lines journal, locked for each call so several processes can share it
/// (each process reads only what was appended since its last call). Calls are made one at a time.
/// Each call takes <c>latency</c> (a slow network or service), then runs <c>beforeSend</c>, the caller's last
/// check that it still owns the VM, and only then acts: a worker that paused inside a call past its lease finds
/// out before anything is sent. Replace this class with your real client; keep the idempotency key and the check.
/// </summary>
internal sealed class FakeOmni(string journalPath, TimeSpan tokenLifetime, int failSubmits, TimeSpan latency, string worker, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // The journal's entries by registration key, in journal order: a call looks only at its own key's entries.
    private readonly Dictionary<string, List<OmniJournalEntry>> _entries = new(StringComparer.Ordinal);
    private long _readUpTo;
    private int _failuresLeft = failSubmits;

    /// <summary>The live join token for <paramref name="key"/>, or a new one.</summary>
    public async Task<JoinToken> IssueJoinTokenAsync(string key, Func<CancellationToken, Task> beforeSend, CancellationToken cancellationToken)
    {
        await SendAsync(beforeSend, cancellationToken).ConfigureAwait(false);
        return await WithJournalAsync(
            key,
            entries =>
            {
                var now = time.GetUtcNow();
                var live = entries.LastOrDefault(e => e.Op == "token" && e.Key == key && e.ExpiresAt > now);
                var id = live?.Id ?? "jt-" + RandomNumberGenerator.GetHexString(12, lowercase: true);
                var expiresAt = live?.ExpiresAt ?? now + tokenLifetime;
                var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
                return (new JoinToken(id, secret, expiresAt), live is null ? new OmniJournalEntry("token", key, id, false, expiresAt, worker) : null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers the machine for <paramref name="key"/>, or answers the one already registered (duplicate).</summary>
    /// <exception cref="HttpRequestException">The (simulated) service is unavailable.</exception>
    public async Task<SubmitAnswer> SubmitMachineAsync(string key, string vmUid, string tokenId, Func<CancellationToken, Task> beforeSend, CancellationToken cancellationToken)
    {
        await SendAsync(beforeSend, cancellationToken).ConfigureAwait(false);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException($"omni: 503 Service Unavailable while registering {vmUid} (simulated)");
        }

        return await WithJournalAsync(
            key,
            entries =>
            {
                var existing = entries.FirstOrDefault(e => e.Op == "submit" && e.Key == key && !e.Duplicate);
                var id = existing?.Id ?? "machine-" + vmUid;
                return (new SubmitAnswer(id, existing is not null), new OmniJournalEntry("submit", key, id, existing is not null, null, worker));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The machine registered for <paramref name="key"/>, or <see langword="null"/>.</summary>
    public async Task<string?> FindMachineAsync(string key, Func<CancellationToken, Task> beforeSend, CancellationToken cancellationToken)
    {
        await SendAsync(beforeSend, cancellationToken).ConfigureAwait(false);
        return await WithJournalAsync<string?>(key, entries => (entries.FirstOrDefault(e => e.Op == "submit" && e.Key == key)?.Id, null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The time on the wire, then the caller's ownership check right before the request would leave.</summary>
    private async Task SendAsync(Func<CancellationToken, Task> beforeSend, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, cancellationToken).ConfigureAwait(false);
        }

        await beforeSend(cancellationToken).ConfigureAwait(false);
    }

    private void Index(OmniJournalEntry entry)
    {
        if (!_entries.TryGetValue(entry.Key, out var list))
        {
            list = [];
            _entries.Add(entry.Key, list);
        }

        list.Add(entry);
    }

    /// <summary>Reads every entry of a journal (a line cut short by a kill is ignored).</summary>
    public static IReadOnlyList<OmniJournalEntry> ReadJournal(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    private static List<OmniJournalEntry> Parse(string text)
    {
        var entries = new List<OmniJournalEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<OmniJournalEntry>(line, Json) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A partial last line from a killed process: that call never completed.
            }
        }

        return entries;
    }

    /// <summary>Runs <paramref name="decide"/> over the journal's entries for <paramref name="key"/> under an exclusive lock and appends what it returns.</summary>
    private async Task<T> WithJournalAsync<T>(string key, Func<IReadOnlyList<OmniJournalEntry>, (T Result, OmniJournalEntry? Append)> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(journalPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 2500)
            {
                // Another process holds the journal for the moment a call takes (well under a millisecond): a long
                // pause here would make the fake system serialise its callers, which a real one does not.
                await Task.Delay(2, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length < _readUpTo)
                {
                    // The journal was replaced: read it again from the start.
                    _entries.Clear();
                    _readUpTo = 0;
                }

                // A line cut short by a killed writer is never completed (the next writer starts a new line), so
                // everything up to the end can be taken as read.
                stream.Seek(_readUpTo, SeekOrigin.Begin);
                // Plain reads and writes of a local file: the lock is held for as short a time as possible, and no
                // thread-pool hop is paid per call.
                using (var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true))
                {
                    foreach (var entry in Parse(reader.ReadToEnd()))
                    {
                        Index(entry);
                    }
                }

                var (result, append) = decide(_entries.TryGetValue(key, out var mine) ? mine : []);
                if (append is not null)
                {
                    stream.Seek(0, SeekOrigin.End);
                    var line = Encoding.UTF8.GetBytes("\n" + JsonSerializer.Serialize(append, Json) + "\n");
                    stream.Write(line);
                    stream.Flush();
                    Index(append);
                }

                _readUpTo = stream.Length;
                return result;
            }
        }
    }
}
