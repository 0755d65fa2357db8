namespace Rsspot.Configuration;

/// <summary>How a profile setting's value is written in a config file or an environment variable.</summary>
internal enum ProfileSettingKind
{
    /// <summary>Text (a number in the file is taken as its text).</summary>
    Text,

    /// <summary>An absolute URL (http or https when used).</summary>
    Url,

    /// <summary>A number within the setting's range.</summary>
    Number,

    /// <summary>A whole number within the setting's range.</summary>
    WholeNumber,

    /// <summary>true or false (also 1/0, yes/no, on/off).</summary>
    Bool,

    /// <summary>A USD amount above 0 and at most 1,000,000, read the invariant way.</summary>
    Usd,
}
