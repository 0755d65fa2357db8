using System.Text;

namespace Rsspot.Cli.Output;

/// <summary>
/// Multi-line server text (a kubeconfig) made safe for a terminal: each line keeps its indentation and loses
/// terminal escapes, control characters and bidi controls. Only for a terminal: piped or written to a file, the
/// text stays byte for byte what the server sent.
/// </summary>
internal static class TerminalText
{
    public static string CleanLines(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            if (result.Length > 0)
            {
                result.Append('\n');
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            result.Append(' ', indent).Append(Rsspot.Security.ServerText.Clean(line[indent..]));
        }

        return result.ToString();
    }
}
