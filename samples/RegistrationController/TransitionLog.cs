using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>
/// Writes one line per ledger transition to standard output, e.g.
/// <c>transition key=vmreg-… vm=vm-sandbox/gp-1 from=discovered to=token_issued token=jt-…</c>.
/// Other lines (<c>start</c>, <c>round</c>, <c>lease-lost</c>, <c>done</c>) describe the loop.
/// </summary>
internal sealed class TransitionLog(TextWriter output)
{
    public void Transition(RegistrationRecord record, RegistrationStatus? from, string? detail = null)
    {
        var text = $"transition key={record.Key} vm={record.VmCloudspace}/{record.VmName} from={from?.ToText() ?? "none"} to={record.Status.ToText()}";
        Write(detail is null ? text : text + " " + detail);
    }

    public void Info(string line) => Write(line);

    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
