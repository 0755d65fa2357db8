using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Configuration;

namespace Rsspot.Cli.Commands.Config;

/// <summary>Writes one preference of the config file for <c>config set-default-*</c> and prints it with the file.</summary>
internal static class DefaultSetting
{
    public static void Write(CliSession session, string key, string value, Action<ConfigStore> change)
    {
        var store = ConfigStore.Update(session.WritableConfigPath(), change);
        session.Output.Write(ConfigJson.Setting(key, value, store.Path), () => TableView.Pairs([(key, value), ("path", store.Path)]));
    }
}
