namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>One generated request: a body that breaks one rule of a request schema, and the field the 422 must name.</summary>
public sealed record RequestCase(string Id, string Kind, string Operation, string ContentType, string Body, string Field);
