using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Rsspot.State;
using Rsspot.Workflows;
using P = Rsspot.Tests.State.PythonRsspotState;

namespace Rsspot.Tests.State;

/// <summary>
/// One state.db for both tools, in either order: a file the Python rsspot wrote (its script and statements, run
/// through sqlite and, where the machine has one, through python3 itself) is read, honoured and carried on by this
/// tool; a file this tool wrote takes every statement of the Python's and shows it what this tool recorded.
/// </summary>
public sealed class PythonStateDbTests : IDisposable
{
    private const string Org = "org_abc123";
    private const string Cluster = "omni-prod";
    private const string Cloudspace = "vcs-one";
    private const string Pool = "pool-a";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TempStateDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Writers => new() { "sqlite", "python3" };

    private string StatePath => _dir.File("state.db");

    [SkippableTheory]
    [MemberData(nameof(Writers))]
    public void A_file_the_Python_wrote_opens_without_a_fault_and_its_history_preferences_and_ledger_are_read(string writer)
    {
        string registered = RegistrationKey.Compute("srv-1", Org, Cloudspace, Pool, Cluster);
        string discovered = RegistrationKey.Compute("srv-2", Org, Cloudspace, Pool, Cluster);
        double at = P.Epoch(T0) + 0.123456;
        Run(
            writer,
            new PythonStep(P.UpsertPreference, ("key", "default_org"), ("value", "acme"), ("updated_at", at)),
            new PythonStep(P.PutCache, ("key", "GET:/apis/ngpc.rxt.io/v1/regions:{}:{}"), ("payload", "{\"items\":[]}"), ("expires_at", at + 1e9), ("created_at", at)),
            new PythonStep(P.AddHistory, ("created_at", at), ("command", "regions list"), ("argv_json", P.ArgvJson("regions", "list", "--region", "caf\u00e9")), ("profile", "prod"), ("org", "acme"), ("region", "us-central-dfw-1")),
            new PythonStep(P.AddHistory, ("created_at", at + 1), ("command", "cloudspaces list"), ("argv_json", P.ArgvJson("cloudspaces", "list")), ("profile", null), ("org", null), ("region", null)),
            P.LedgerRow(registered, "srv-1", Org, Cloudspace, Pool, "vm one", Cluster, "registered", at, tokenId: "jt-1", tokenExpiresAt: at + 3600, payloadJson: "{\"machine_id\": \"m-1\"}"),
            P.LedgerRow(discovered, "srv-2", Org, Cloudspace, Pool, "vm two", Cluster, "discovered", at + 2));

        using StateStore store = StateStore.Open(StatePath);
        Assert.Null(store.Fault);
        Assert.Equal(StateSchema.CurrentVersion, store.SchemaVersion);

        Assert.Equal("acme", store.Preferences.Get("default_org"));

        IReadOnlyList<HistoryEntry> history = store.History.List();
        Assert.Equal(["cloudspaces list", "regions list"], history.Select(h => h.Command));
        HistoryEntry first = history[1];
        Assert.Equal(["regions", "list", "--region", "caf\u00e9"], first.Args);
        Assert.Null(first.ExitCode);
        Assert.Null(first.Duration);
        Assert.Equal(T0.AddTicks(1_234_560), first.At);
        Assert.Equal(("prod", "acme", "us-central-dfw-1"), (first.Profile, first.Org, first.Region));
        Assert.Equal(2, store.History.Info().Count);

        // The Python's cache entries carry no profile or org: never served, whatever key is asked.
        Assert.False(store.HttpCache.TryGet("GET:/apis/ngpc.rxt.io/v1/regions:{}:{}", T0, out _));
        Assert.Equal(0, store.HttpCache.Count());

        var workflow = new RegistrationWorkflow(store, new FakeTimeProvider(T0.AddHours(1)));
        IReadOnlyList<RegistrationRecord> records = workflow.List();
        Assert.Equal([registered, discovered], records.Select(r => r.Key));
        RegistrationRecord done = records[0];
        Assert.Equal(RegistrationStatus.Registered, done.Status);
        Assert.Equal(("srv-1", Org, Cloudspace, Pool, "vm one", Cluster), (done.VmUid, done.OrgId, done.VmCloudspace, done.VmPool, done.VmName, done.OmniCluster));
        Assert.Equal("jt-1", done.TokenId);
        Assert.Equal(T0.AddTicks(1_234_560).AddHours(1), done.TokenExpiresAt);
        Assert.Equal("{\"machine_id\": \"m-1\"}", done.Payload);
        Assert.Equal(done.UpdatedAt, done.CreatedAt);
        Assert.Empty(done.History);

        // Honoured: the registered VM is left alone by reconcile and never claimed; the discovered one is carried on.
        ReconcileResult reconciled = workflow.Reconcile(Org, [new VmCloudspaceSnapshot(Cloudspace, [new AssignedVm("srv-1", "srv-1", "vm one", Pool), new AssignedVm("srv-2", "srv-2", "vm two", Pool)])], Cluster);
        Assert.Empty(reconciled.Added);
        Assert.Equal(2, reconciled.Unchanged);
        RegistrationRecord claimed = Assert.Single(workflow.ClaimNext("worker-a", 10));
        Assert.Equal(discovered, claimed.Key);
        RegistrationRecord issued = workflow.Transition(discovered, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "worker-a", TokenId = "jt-2" });
        Assert.Equal(RegistrationStatus.TokenIssued, issued.Status);
        Assert.Equal(issued, workflow.Get(discovered));
        Assert.Equal(RegistrationStatus.Registered, workflow.Get(registered)!.Status);

        // And the Python still reads the file after this tool moved it on, with what this tool wrote.
        store.History.Record("registration list", ["registration", "list"], 0, T0.AddHours(2), TimeSpan.FromMilliseconds(40));
        JsonArray seen = Run(writer, new PythonStep(P.ListLedgerByStatus, ("status", "token_issued")), new PythonStep(P.ListHistory, ("limit", 10)));
        Assert.Equal(discovered, seen[0]![0]![0]!.GetValue<string>());
        Assert.Equal(["registration list", "cloudspaces list", "regions list"], seen[1]!.AsArray().Select(r => r![2]!.GetValue<string>()));
    }

    [SkippableTheory]
    [MemberData(nameof(Writers))]
    public void A_file_this_tool_wrote_takes_every_Python_statement_and_shows_it_what_this_tool_recorded(string writer)
    {
        const string PythonCacheKey = "GET:/apis/ngpc.rxt.io/v1/regions:{}:{}";
        string ours = RegistrationKey.Compute("srv-1", Org, Cloudspace, Pool, Cluster);
        using (StateStore store = StateStore.Open(StatePath))
        {
            store.Preferences.Set("default_region", "us-central-dfw-1");
            store.History.Record("regions list", ["regions", "list", "-o", "json"], 0, T0, TimeSpan.FromMilliseconds(12), "prod", region: "us-central-dfw-1");
            store.History.Record("cloudspaces get", ["cloudspaces", "get", "x"], 5, T0.AddSeconds(1), TimeSpan.FromMilliseconds(30));
            store.HttpCache.Put(new HttpCacheEntry(PythonCacheKey, 200, "application/json", Encoding.UTF8.GetBytes("{\"ours\":true}"), T0, T0.AddYears(50)), 100);
            store.BidChanges.Record(new BidChange(0, T0, "cs", "pool-1", "gp.vs1.medium-dfw", 0.01m, 0.02m, 0.015m, "at-risk", "raised"));
            var workflow = new RegistrationWorkflow(store, new FakeTimeProvider(T0));
            workflow.Discover(new RegistrationCandidate(ours, "srv-1", Org, Cloudspace, Pool, "vm one", Cluster));
            workflow.Transition(ours, RegistrationStatus.TokenIssued, new TransitionDetails { TokenId = "jt-1", TokenExpiresAt = T0.AddHours(1) });
        }

        string pythons = RegistrationKey.Compute("srv-9", Org, Cloudspace, Pool, Cluster);
        double now = P.Epoch(T0.AddMinutes(5));
        JsonArray results = Run(
            writer,
            new PythonStep(P.GetPreference, ("key", "default_region")),
            new PythonStep(P.ListPreferences),
            new PythonStep(P.UpsertPreference, ("key", "output"), ("value", "{\"format\": \"json\"}"), ("updated_at", now)),
            new PythonStep(P.UpsertPreference, ("key", "default_region"), ("value", "uk-lon-1"), ("updated_at", now)),
            new PythonStep(P.ListHistory, ("limit", 10)),
            new PythonStep(P.AddHistory, ("created_at", now), ("command", "pricing list"), ("argv_json", P.ArgvJson("pricing", "list")), ("profile", null), ("org", null), ("region", null)),
            new PythonStep(P.PruneHistory, ("keep", 2000)),
            new PythonStep(P.GetCache, ("key", PythonCacheKey)),
            new PythonStep(P.PutCache, ("key", PythonCacheKey), ("payload", "{\"items\":[]}"), ("expires_at", now + 60), ("created_at", now)),
            new PythonStep(P.GetCache, ("key", PythonCacheKey)),
            new PythonStep(P.PruneCache, ("max_entries", 1)),
            new PythonStep(P.DeleteExpiredCache, ("now", now + 3600)),
            new PythonStep(P.InvalidateCachePrefix, ("prefix", "GET:/apis/ngpc.rxt.io")),
            new PythonStep(P.DeleteCacheKey, ("key", PythonCacheKey)),
            new PythonStep(P.CountCache),
            new PythonStep(P.ListLedger),
            new PythonStep(P.GetLedger, ("registration_key", ours)),
            P.LedgerRow(ours, "srv-1", Org, Cloudspace, Pool, "vm one", Cluster, "submitted", now, tokenId: "jt-1", tokenExpiresAt: P.Epoch(T0.AddHours(1)), payloadJson: "{\"machine_id\": \"m-1\"}"),
            P.LedgerRow(pythons, "srv-9", Org, Cloudspace, Pool, "vm nine", Cluster, "discovered", now),
            new PythonStep(P.ListLedgerByStatus, ("status", "submitted")),
            new PythonStep(P.DeleteLedger, ("registration_key", "vmreg-none")),
            new PythonStep(P.DeletePreference, ("key", "none")));

        Assert.Equal("us-central-dfw-1", Rows(results, 0)[0]![0]!.GetValue<string>());
        Assert.Equal("default_region", Rows(results, 1)[0]![0]!.GetValue<string>());
        JsonArray history = Rows(results, 4);
        Assert.Equal(["cloudspaces get", "regions list"], history.Select(r => r![2]!.GetValue<string>()));
        Assert.Equal(P.Epoch(T0), history[1]![1]!.GetValue<double>(), 6);
        Assert.Equal("[\"regions\",\"list\",\"-o\",\"json\"]", history[1]![3]!.GetValue<string>());
        Assert.Equal("prod", history[1]![4]!.GetValue<string>());
        Assert.Empty(Rows(results, 7)); // The Python never reads this tool's cache entry, even under its own key.
        Assert.Single(Rows(results, 9));
        Assert.Equal(0, Rows(results, 14)[0]![0]!.GetValue<long>());
        JsonArray ledger = Rows(results, 15);
        JsonNode row = Assert.Single(ledger)!;
        Assert.Equal(ours, row[0]!.GetValue<string>());
        Assert.Equal("token_issued", row[9]!.GetValue<string>());
        Assert.Equal("jt-1", row[7]!.GetValue<string>());
        Assert.Equal(P.Epoch(T0.AddHours(1)), row[8]!.GetValue<double>(), 6);
        Assert.Equal(P.Epoch(T0), row[12]!.GetValue<double>(), 6);
        Assert.Single(Rows(results, 16));
        Assert.Equal(ours, Rows(results, 19)[0]![0]!.GetValue<string>());

        using (StateStore store = StateStore.Open(StatePath))
        {
            Assert.Null(store.Fault);
            Assert.Equal("uk-lon-1", store.Preferences.Get("default_region"));
            Assert.Equal("{\"format\": \"json\"}", store.Preferences.Get("output"));
            Assert.Equal(["pricing list", "cloudspaces get", "regions list"], store.History.List().Select(h => h.Command));
            Assert.Equal(5, store.History.List()[1].ExitCode);
            Assert.True(store.HttpCache.TryGet(PythonCacheKey, T0.AddMinutes(1), out HttpCacheEntry? cached));
            Assert.Equal("{\"ours\":true}", Encoding.UTF8.GetString(cached.Body));
            Assert.Single(store.BidChanges.List());

            var workflow = new RegistrationWorkflow(store, new FakeTimeProvider(T0.AddMinutes(10)));
            RegistrationRecord moved = workflow.Get(ours)!;
            Assert.Equal(RegistrationStatus.Submitted, moved.Status);
            Assert.Equal("{\"machine_id\": \"m-1\"}", moved.Payload);
            Assert.Equal(3, moved.Version); // discovered (1), token_issued (2), then the Python's change counted (3).
            Assert.Equal(T0, moved.CreatedAt);
            Assert.Equal(2, moved.History.Count);
            Assert.Equal(RegistrationStatus.Registered, workflow.Transition(ours, RegistrationStatus.Registered).Status);
            Assert.Equal(RegistrationStatus.Discovered, workflow.Get(pythons)!.Status);
        }
    }

    [Fact]
    public void A_compare_and_set_on_a_row_the_Python_changed_meanwhile_is_refused()
    {
        string key = RegistrationKey.Compute("srv-1", Org, Cloudspace, Pool, Cluster);
        using StateStore store = StateStore.Open(StatePath);
        var workflow = new RegistrationWorkflow(store, new FakeTimeProvider(T0));
        RegistrationRecord read = workflow.Discover(new RegistrationCandidate(key, "srv-1", Org, Cloudspace, Pool, "vm one", Cluster));

        P.RunWithSqlite(StatePath, P.LedgerRow(key, "srv-1", Org, Cloudspace, Pool, "vm one", Cluster, "skipped", P.Epoch(T0)));

        Assert.Throws<RegistrationConflictException>(() => workflow.Transition(key, RegistrationStatus.TokenIssued, new TransitionDetails { ExpectedVersion = read.Version }));
        Assert.Equal(RegistrationStatus.Skipped, workflow.Get(key)!.Status);
    }

    [Fact]
    public void A_file_the_Python_created_is_moved_to_this_tools_schema_once()
    {
        P.RunWithSqlite(StatePath, new PythonStep(P.AddHistory, ("created_at", P.Epoch(T0)), ("command", "regions list"), ("argv_json", "[]"), ("profile", null), ("org", null), ("region", null)));
        Assert.Equal(0L, Scalar("PRAGMA user_version"));

        using (StateStore.Open(StatePath))
        {
        }

        string schema = SchemaText();
        using (StateStore.Open(StatePath))
        {
        }

        Assert.Equal((long)StateSchema.CurrentVersion, Scalar("PRAGMA user_version"));
        Assert.Equal(schema, SchemaText());
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM command_history"));
    }

    [Fact]
    public void Broken_rows_another_writer_left_are_read_as_well_as_they_can_be_not_as_an_error()
    {
        P.RunWithSqlite(
            StatePath,
            new PythonStep(P.AddHistory, ("created_at", P.Epoch(T0)), ("command", "regions list"), ("argv_json", "not json"), ("profile", null), ("org", null), ("region", null)),
            new PythonStep(P.AddHistory, ("created_at", double.MaxValue), ("command", "x"), ("argv_json", "[1, 2]"), ("profile", null), ("org", null), ("region", null)));

        using StateStore store = StateStore.Open(StatePath);
        IReadOnlyList<HistoryEntry> history = store.History.List();

        Assert.Equal(["[1, 2]"], history[0].Args);
        Assert.Equal(DateTimeOffset.MaxValue.UtcTicks / 10, history[0].At.UtcTicks / 10);
        Assert.Equal(["not json"], history[1].Args);
    }

    [Fact]
    public void A_ledger_row_with_a_status_no_rsspot_knows_is_reported_as_a_state_problem_naming_the_file()
    {
        P.RunWithSqlite(StatePath, P.LedgerRow("vmreg-x", "srv-1", Org, Cloudspace, Pool, "vm", Cluster, "paused\u001b[31m", P.Epoch(T0)));
        using StateStore store = StateStore.Open(StatePath);

        StateStoreException ex = Assert.Throws<StateStoreException>(() => new RegistrationWorkflow(store).List());

        Assert.Contains(StatePath, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("paused", ex.Message, StringComparison.Ordinal);
    }

    private static JsonArray Rows(JsonArray results, int step) => results[step]!.AsArray();

    private JsonArray Run(string writer, params PythonStep[] steps)
    {
        if (writer == "sqlite")
        {
            return P.RunWithSqlite(StatePath, steps);
        }

        string? python = P.FindPython();
        Skip.If(python is null, "no python3 with its sqlite3 module on this machine");
        SqliteConnection.ClearAllPools();
        return P.RunWithPython(python, StatePath, steps);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StatePath, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private string SchemaText() => (string)Scalar("SELECT group_concat(type || ' ' || name || ' ' || COALESCE(sql, ''), char(10)) FROM (SELECT * FROM sqlite_master ORDER BY name)")!;
}
