using Rsspot.Cli.Infrastructure;
using Rsspot.Configuration;
using Rsspot.Security;

namespace Rsspot.Cli.Commands.Configure;

/// <summary>The interactive questions of <c>configure</c>.</summary>
internal sealed class ConfigurePrompt
{
    private readonly TextReader _in;
    private readonly IKeyReader _keys;
    private readonly TextWriter _err;

    public ConfigurePrompt(TextReader input, IKeyReader keys, TextWriter prompts)
    {
        _in = input;
        _keys = keys;
        _err = prompts;
    }

    public ProfileConfig Ask() => new()
    {
        Org = Line("Organization name"),
        Region = Line("Default region (e.g. us-central-dfw-1)"),
        RefreshToken = Secret("Refresh token (input hidden)"),
        BaseUrl = Line("API URL [https://spot.rackspace.com]"),
        OAuthUrl = Line("OAuth URL [https://login.spot.rackspace.com]"),
    };

    private string? Line(string question)
    {
        _err.Write(question + ": ");
        var answer = _in.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? null : answer;
    }

    private string? Secret(string question)
    {
        _err.Write(question + ": ");
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = _keys.ReadKey();
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            text.Append(key.KeyChar);
        }

        _err.WriteLine(text.Length > 0 ? " " + SecretPolicy.Mask : string.Empty);
        return text.Length == 0 ? null : text.ToString();
    }
}
