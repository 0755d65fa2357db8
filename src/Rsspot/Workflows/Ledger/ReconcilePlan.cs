using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Workflows.Ledger;

/// <summary>The writes of a reconcile: rows to insert, and rows to update (each one version past the stored one).</summary>
internal sealed record ReconcilePlan(ReconcileResult Result, IReadOnlyList<RegistrationRecord> Inserts, IReadOnlyList<RegistrationRecord> Updates);
