using System.CommandLine;

namespace Rsspot.Emulator;

/// <summary>One row of <see cref="EmulatorOptionTable"/>: the System.CommandLine option, its value as help shows it, and what it sets.</summary>
/// <param name="Option">The option (name, help line and value check).</param>
/// <param name="Value">The value as the help text shows it, e.g. <c>&lt;n&gt;</c>.</param>
/// <param name="Fault">Whether it is a fault switch (listed under "Faults" in the help).</param>
/// <param name="Apply">Sets the parsed value on the options or the faults.</param>
internal sealed record EmulatorOption(Option Option, string Value, bool Fault, Action<ParseResult, EmulatorOptions, FaultSettings> Apply);
