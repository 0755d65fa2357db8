using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Services;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Input;

/// <summary>
/// VM pools from spotctl's inputs: <c>--vm-pool serverclass=...,bidprice=...,desired=...,pooltype=...,vmimage=...</c>
/// (or the same as a JSON object), the pools of a <c>--config</c> file, and the two user-data flags.
/// </summary>
internal static class VmPoolSpecs
{
    private static readonly string[] Keys = ["serverclass", "bidprice", "desired", "pooltype", "vmimage", "vmuserdata", "name"];

    public static VmPoolRequest Parse(IReadOnlyDictionary<string, string> fields, string vmCloudspace, VmUserData? userData, string flag, TextWriter notes)
    {
        foreach (var key in fields.Keys.Where(k => !Keys.Contains(k)))
        {
            throw new CliUsageException($"{flag}: {NearestKey.Describe(key, Keys)}");
        }

        var serverClass = Required(fields, "serverclass", flag);
        var bid = Bid(Required(fields, "bidprice", flag), $"{flag} bidprice", notes);
        return new VmPoolRequest(vmCloudspace, serverClass, bid)
        {
            Name = fields.TryGetValue("name", out var name) ? Checked(flag, "name", name, () => { VmNames.EnsurePoolName(name); return name; }) : null,
            Desired = fields.TryGetValue("desired", out var desired) ? Desired(desired, $"{flag} desired") : 1,
            PoolType = fields.TryGetValue("pooltype", out var type) ? PoolType(type, $"{flag} pooltype") : VmPoolType.Spot,
            Image = fields.TryGetValue("vmimage", out var image) && !string.IsNullOrWhiteSpace(image) ? image : null,
            UserData = fields.TryGetValue("vmuserdata", out var own) && own.Length > 0 ? Checked(flag, "vmuserdata", own, () => VmUserData.FromText(own)) : userData,
        };
    }

    /// <summary>
    /// A bid as spotctl takes it: '$' removed, a positive decimal, kept to three decimals; more decimals are rounded
    /// to the API's 0.001 step, and the rounding is said on stderr.
    /// </summary>
    public static decimal Bid(string text, string flag, TextWriter notes)
    {
        decimal value;
        try
        {
            value = BidPrice.Parse(text.Replace("$", string.Empty, StringComparison.Ordinal).Trim(), flag);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{flag}: {FlagNames.PlainMessage(ex)}", ex);
        }

        var rounded = Math.Round(value, 3, MidpointRounding.AwayFromZero);
        if (rounded <= 0)
        {
            throw new CliUsageException($"{flag}: '{text}' is below the API's step of 0.001 USD per hour.");
        }

        if (rounded != value)
        {
            notes.WriteLine($"{flag}: {BidPrice.Format(value)} rounded to {rounded.ToString("0.000", CultureInfo.InvariantCulture)} (bids are in steps of 0.001 USD).");
        }

        return rounded;
    }

    public static int Desired(string text, string flag) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new CliUsageException($"{flag}: '{text}' is invalid; give a whole number of machines, 0 or more.");

    public static VmPoolType PoolType(string text, string flag) => text.Trim().ToLowerInvariant() switch
    {
        "spot" => VmPoolType.Spot,
        "ondemand" or "on-demand" => VmPoolType.OnDemand,
        _ => throw new CliUsageException($"{flag}: '{text}' is invalid; use spot or ondemand."),
    };

    /// <summary>The user data of <c>--vm-userdata</c> or <c>--vm-userdata-from-script</c> (never both), or null.</summary>
    public static VmUserData? UserData(string? text, string? script, string textFlag, string scriptFlag)
    {
        if (text is not null && script is not null)
        {
            throw new CliUsageException($"{textFlag} and {scriptFlag}: give the user data once (they are mutually exclusive); nothing was created.");
        }

        try
        {
            return script is not null ? VmUserData.FromScriptFile(script)
                : string.IsNullOrEmpty(text) ? null
                : VmUserData.FromText(text);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{(script is null ? textFlag : scriptFlag)}: {FlagNames.PlainMessage(ex)}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{scriptFlag}: cannot read '{script}' ({ex.Message}).", ex);
        }
    }

    private static T Checked<T>(string flag, string key, string text, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{flag}: {key}='{text}' is invalid: {FlagNames.PlainMessage(ex)}", ex);
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> fields, string key, string flag) =>
        fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CliUsageException($"{flag}: '{key}' is required (e.g. {flag} serverclass=gp.vs1.medium-ord,bidprice=0.02,desired=1).");
}
