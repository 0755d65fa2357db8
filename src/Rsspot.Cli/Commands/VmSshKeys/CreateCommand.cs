using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmSshKeys;

/// <summary><c>vm-ssh-keys create</c>.</summary>
internal static class CreateCommand
{
    private const int MaxKeyFileBytes = 16 * 1024;

    public static Command Create(CliSession s)
    {
        var name = VmSshKeysCommand.NameArg();
        var publicKey = new Option<string?>("--public-key") { Description = "The OpenSSH public key line, e.g. \"ssh-ed25519 AAAA... user@host\"", HelpName = "key" };
        var keyFile = new Option<string?>("--public-key-file") { Description = "Read the public key from this file (e.g. ~/.ssh/id_ed25519.pub)", HelpName = "path" };
        var description = new Option<string?>("--description") { Description = "A description of the key" };
        return Cmd.New(
            "create",
            """
            Create a VM SSH key from the public half of a key pair (a private key is refused).

            Examples:
              rsspot vm-ssh-keys create my-ssh-key --public-key-file ~/.ssh/id_ed25519.pub
              rsspot vmsshkeys create --name my-ssh-key --public-key "ssh-ed25519 AAAA... user@host" --description "My dev key"    # spotctl's spelling
            """,
            [.. name.Symbols, publicKey, keyFile, description]).Runs(s, async (p, ct) =>
        {
            var keyName = name.Get(p);
            var text = (p.GetValue(publicKey), p.GetValue(keyFile)) switch
            {
                ({ } given, null) => given,
                (null, { } path) => ReadKeyFile(path, p.TypedName(keyFile)),
                (null, null) => throw new CliUsageException("--public-key: give the public key (or --public-key-file with its path)."),
                _ => throw new CliUsageException("--public-key and --public-key-file: give the key once."),
            };
            var key = await s.Client.VmSshKeys.CreateAsync(new VmSshKeyRequest(keyName, text) { Description = p.GetValue(description) }, ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                VmOutput.SpotctlLine(s, $"\n✓ Successfully created VM SSH key {keyName}");
                return;
            }

            var json = VmOutput.Node(key);
            s.Output.Write(json, () => GetCommand.Pairs(json));
        });
    }

    private static string ReadKeyFile(string path, string flag)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxKeyFileBytes)
            {
                throw new CliUsageException($"{flag}: '{path}' is {(info.Exists ? $"larger than {MaxKeyFileBytes} bytes; a public key is one line" : "not a file")}.");
            }

            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{flag}: cannot read '{path}' ({ex.Message}).", ex);
        }
    }
}
