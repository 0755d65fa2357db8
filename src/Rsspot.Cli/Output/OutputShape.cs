namespace Rsspot.Cli.Output;

/// <summary>Which program's JSON/YAML shapes a command prints (tables are the same in all three).</summary>
internal enum OutputShape
{
    /// <summary>The Python rsspot's shapes: the default.</summary>
    Python,

    /// <summary>spotctl's shapes: chosen by typing a command the way spotctl spells it.</summary>
    Spotctl,

    /// <summary>This tool's own shapes (the API's objects, our pricing and build records): <c>--raw</c>.</summary>
    Native,
}
