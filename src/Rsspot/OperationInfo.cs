using System.Diagnostics;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Rsspot.Diagnostics;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Security;

namespace Rsspot;

/// <summary>What the telemetry and the disposal check of one call need: the operation's name (<c>group.verb</c>), the namespace, the client's life.</summary>
internal readonly record struct OperationInfo(string? Name, string? Namespace, ClientLifetime? Lifetime);
