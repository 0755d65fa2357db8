using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Rsspot.Configuration;

/// <summary>Compile-time TOML metadata for the untyped config document (no reflection: trimming and Native AOT safe).</summary>
[TomlSerializable(typeof(TomlTable))]
[TomlSourceGenerationOptions(DuplicateKeyHandling = Tomlyn.TomlDuplicateKeyHandling.Error)]
internal sealed partial class ConfigTomlContext : TomlSerializerContext;
