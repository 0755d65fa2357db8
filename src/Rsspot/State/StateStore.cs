using Microsoft.Data.Sqlite;
using Rsspot.Security;

namespace Rsspot.State;

/// <summary>
/// The sqlite state database (state.db): preferences, the HTTP response cache, command history and the
/// registration ledger. Safe to share between threads and between processes: each operation uses its own
/// pooled connection, the file is in WAL mode with a busy timeout, and every write runs in a
/// <c>BEGIN IMMEDIATE</c> transaction so a failed write leaves the previous state intact.
/// </summary>
public sealed class StateStore : IDisposable
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private SqliteConnection? _keepAlive;
    private bool _disposed;

    private StateStore(string connectionString, string? path, StateStoreOptions options, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _busyTimeoutMs = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _keepAlive = keepAlive;
        Path = path;
        HttpCache = new HttpCacheTable(this);
        History = new CommandHistory(this, options.HistoryLimit);
        Preferences = new PreferenceStore(this);
        BidChanges = new BidChangeLog(this);
    }

    /// <summary>The database file, or <see langword="null"/> for an in-memory store.</summary>
    public string? Path { get; }

    /// <summary>The file path, or <c>:memory:</c>, for display.</summary>
    public string DisplayPath => Path ?? ":memory:";

    /// <summary>
    /// The most recent failure of an operation on this store, or <see langword="null"/> when none failed: a
    /// caller that treats the store as optional (the cache, the history) can skip it and report the problem once.
    /// </summary>
    public StateStoreException? Fault { get; private set; }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The HTTP response cache table.</summary>
    public HttpCacheTable HttpCache { get; }

    /// <summary>The command history (arguments stored as the caller redacted them).</summary>
    public CommandHistory History { get; }

    /// <summary>Key/value preferences.</summary>
    public PreferenceStore Preferences { get; }

    /// <summary>The bid changes the bid guard applied.</summary>
    public BidChangeLog BidChanges { get; }

    /// <summary>
    /// Opens (creating when missing, mode 0600, directory 0700) the database at <paramref name="path"/> and
    /// migrates it to the current schema.
    /// </summary>
    /// <param name="path">The state.db file; see <see cref="StatePaths.Resolve"/>.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="StateStoreException">The file is not a usable state database.</exception>
    public static StateStore Open(string path, StateStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        // File.Exists is true for a dangling link itself: ask where the link ends.
        if (new FileInfo(fullPath).LinkTarget is { } linkTarget && new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
        {
            // Creating the missing target (mode 0644 through the link) would put the database where nobody chose.
            throw new StateStoreException(
                $"State database '{fullPath}' is a symbolic link to '{linkTarget}', which does not exist. Fix: point the link at an existing state.db, remove the link, or set state_path.");
        }

        try
        {
            BoundedFile.RequireReplaceable(fullPath);
            AtomicFile.EnsureDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
            CreateOwnerOnly(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(
                $"State database '{fullPath}' cannot be created or opened: {ex.Message.TrimEnd('.')}. Fix: make its folder writable, set state_path to a writable file, or move the entry at that path away.",
                ex);
        }

        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        var store = new StateStore(connectionString, fullPath, options ?? new StateStoreOptions(), null);
        store.Initialize(wal: true);
        return store;
    }

    /// <summary>
    /// Opens a private in-memory database (shared-cache, kept alive until the store is disposed), for tests and
    /// <c>cache.backend: memory</c>.
    /// </summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <returns>The open store.</returns>
    public static StateStore OpenInMemory(StateStoreOptions? options = null)
    {
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = "rsspot-state-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            DefaultTimeout = 60,
        }.ToString();
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        var store = new StateStore(connectionString, null, options ?? new StateStoreOptions(), keepAlive);
        store.Initialize(wal: false);
        return store;
    }

    /// <summary>Closes the store and releases the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _keepAlive?.Dispose();
        _keepAlive = null;
    }

    /// <summary>Opens a new connection with the store's pragmas applied. The caller disposes it.</summary>
    internal SqliteConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="action"/> in a <c>BEGIN IMMEDIATE</c> transaction, committing when it returns.</summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> action)
    {
        try
        {
            using SqliteConnection connection = OpenConnection();
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            T result = action(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex)
        {
            throw Unusable(ex);
        }
    }

    /// <summary>Runs a read on its own connection.</summary>
    internal T Read<T>(Func<SqliteConnection, T> action)
    {
        try
        {
            using SqliteConnection connection = OpenConnection();
            return action(connection);
        }
        catch (SqliteException ex)
        {
            throw Unusable(ex);
        }
    }

    // sqlite's own message ("database disk image is malformed", "attempt to write a readonly database") names the problem.
    private StateStoreException Unusable(SqliteException ex) => Fault = new(
        $"State database '{DisplayPath}' cannot be used (sqlite error {ex.SqliteErrorCode}: {SqliteMessage(ex)}). Fix: repair it (salvage what can be read) or move it away so a new one is created.",
        ex);

    private static string SqliteMessage(SqliteException ex)
    {
        string message = ex.Message;
        int quote = message.IndexOf('\'', StringComparison.Ordinal);
        return quote >= 0 && message.LastIndexOf('\'') > quote ? message[(quote + 1)..message.LastIndexOf('\'')].TrimEnd('.') : message;
    }

    private static void CreateOwnerOnly(string fullPath)
    {
        if (File.Exists(fullPath) || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = AtomicFile.OwnerOnly };
            using var _ = new FileStream(fullPath, options);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created it first.
        }
    }

    /// <summary>
    /// True when the file is already at this build's schema and (for a file) in WAL mode, both persistent in the
    /// file: the common open then needs no write lock and no migration transaction.
    /// </summary>
    private static bool IsCurrent(SqliteConnection connection, bool wal)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT user_version, journal_mode FROM pragma_user_version, pragma_journal_mode";
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read()
            && reader.GetInt32(0) == StateSchema.CurrentVersion
            && (!wal || string.Equals(reader.GetString(1), "wal", StringComparison.OrdinalIgnoreCase));
    }

    private void Initialize(bool wal)
    {
        try
        {
            using SqliteConnection connection = OpenConnection();
            if (IsCurrent(connection, wal))
            {
                SchemaVersion = StateSchema.CurrentVersion;
                return;
            }

            if (wal)
            {
                using SqliteCommand journal = connection.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode = WAL";
                journal.ExecuteNonQuery();
            }

            SchemaVersion = StateSchema.Migrate(connection, DisplayPath);
        }
        catch (SqliteException ex)
        {
            Dispose();
            throw new StateStoreException(
                $"State database '{DisplayPath}' cannot be opened (sqlite error {ex.SqliteErrorCode}: {SqliteMessage(ex)}). Fix: repair it (salvage what can be read) or move it away so a new one is created.",
                ex);
        }
        catch
        {
            Dispose();
            throw;
        }
    }
}
