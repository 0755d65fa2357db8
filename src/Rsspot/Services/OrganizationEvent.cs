using System.Text.Json.Nodes;
using Rsspot.Generated.Api.Models;
using Rsspot.Workflows;

namespace Rsspot.Services;

/// <summary>One organization event.</summary>
/// <param name="Timestamp">When it happened, as the API wrote it.</param>
/// <param name="Message">What happened.</param>
public sealed record OrganizationEvent(string Timestamp, string Message);
