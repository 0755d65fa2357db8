using System.Text.Json.Nodes;
using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows;

/// <summary>What a finished run of the sample controller must have left: each VM registered once, one machine each.</summary>
public static class RegistrationAssertions
{
    /// <summary>One registered row per VM; one discovery and one submitted → registered move each; one machine created each.</summary>
    public static void RegisteredExactlyOnce(IReadOnlyList<RegistrationRecord> records, IReadOnlyList<string> vms, string journalPath)
    {
        Assert.Equal(vms.Order(), records.Select(r => r.VmUid).Order());
        Assert.Equal(records.Count, records.Select(r => r.Key).Distinct().Count());
        foreach (RegistrationRecord record in records)
        {
            Assert.Equal(RegistrationStatus.Registered, record.Status);
            Assert.Single(record.History, h => h.From is null && h.To == RegistrationStatus.Discovered);
            Assert.Single(record.History, h => h.From == RegistrationStatus.Submitted && h.To == RegistrationStatus.Registered);
            Assert.StartsWith("jt-", record.TokenId, StringComparison.Ordinal);
            Assert.NotNull(record.TokenExpiresAt);
            Assert.Null(record.LeaseOwner);
            Assert.Equal("machine-" + record.VmUid, JsonNode.Parse(record.Payload!)!["machine_id"]!.GetValue<string>());
        }

        List<JsonNode> journal = Journal(journalPath);
        List<string> created = [.. journal.Where(e => (string?)e["op"] == "submit" && !(bool)e["duplicate"]!).Select(e => (string)e["key"]!)];
        Assert.Equal(records.Select(r => r.Key).Order(), created.Order());
    }

    /// <summary>Every complete line of the fake external system's journal (a line cut short by a kill is ignored, as the fake does).</summary>
    public static List<JsonNode> Journal(string journalPath) => [.. File.ReadAllLines(journalPath).Select(Entry).OfType<JsonNode>()];

    private static JsonNode? Entry(string line)
    {
        try
        {
            return line.Length == 0 ? null : JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
