using System.Globalization;
using System.Text;
using Rsspot.Security;

namespace Rsspot.Cli.Output;

/// <summary>
/// A small table of text cells rendered with aligned columns. Cells hold no control character or terminal escape;
/// invisible characters (zero-width, bidi controls) are shown as <c>&lt;U+200B&gt;</c>, so a name that only looks like
/// another never passes for it; a cell wider than <see cref="MaxCellWidth"/> columns is cut with an ellipsis
/// (json and yaml keep the whole value); columns are aligned by display width (CJK and emoji take two). A value
/// under a field or column that <see cref="SecretPolicy.IsSecretName">holds a secret</see> is masked.
/// </summary>
internal sealed class TableView
{
    /// <summary>The widest a cell is shown, in terminal columns (as the README documents).</summary>
    public const int MaxCellWidth = 80;

    private readonly List<string[]> _rows = [];

    public TableView(params string[] headers)
    {
        Headers = headers;
    }

    public IReadOnlyList<string> Headers { get; }

    public int Count => _rows.Count;

    /// <summary>A two-column FIELD / VALUE table for one object.</summary>
    public static TableView Pairs(IEnumerable<(string Field, string? Value)> pairs)
    {
        var table = new TableView("FIELD", "VALUE");
        foreach (var (field, value) in pairs)
        {
            table.Add(field, SecretPolicy.RedactValue(field, value) ?? string.Empty);
        }

        return table;
    }

    public TableView Add(params string?[] cells)
    {
        _rows.Add([.. Headers.Select((h, i) => i < cells.Length ? Clean(SecretPolicy.IsSecretName(h) ? SecretPolicy.RedactValue(h, cells[i]) : cells[i]) : string.Empty)]);
        return this;
    }

    public string Render(bool colour)
    {
        var widths = Headers.Select((h, i) => Math.Max(Width(h), _rows.Count == 0 ? 0 : _rows.Max(r => Width(r[i])))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, Headers, widths, colour ? "\u001b[1m" : null);
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths, null);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths, string? style)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            var last = i == cells.Count - 1;
            line.Append(cells[i]);
            if (!last)
            {
                line.Append(' ', widths[i] - Width(cells[i]) + 2);
            }
        }

        var content = line.ToString().TrimEnd();
        text.Append(style is null ? content : style + content + "\u001b[0m").Append('\n');
    }

    /// <summary>One line per cell, with no control character or terminal escape a server may have put in a value.</summary>
    private static string Clean(string? cell)
    {
        var clean = ServerText.Clean(ShowInvisible(cell)) ?? string.Empty;
        if (clean.Length <= MaxCellWidth && Width(clean) <= MaxCellWidth)
        {
            return clean;
        }

        return DisplayWidth.Fit(clean, MaxCellWidth - 1, out _) + "\u2026";
    }

    // Format characters (zero-width spaces and joiners, bidi controls, BOM) would make two different values look alike.
    private static string? ShowInvisible(string? cell)
    {
        if (cell is null || System.Text.Ascii.IsValid(cell))
        {
            return cell;
        }

        var text = new StringBuilder(cell.Length);
        var afterSymbol = false;
        foreach (var rune in cell.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);

            // A zero-width joiner after a symbol belongs to an emoji sequence.
            if (category == UnicodeCategory.Format && !(rune.Value == 0x200D && afterSymbol))
            {
                text.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
            else
            {
                text.Append(rune.ToString());
            }

            afterSymbol = category == UnicodeCategory.OtherSymbol || (afterSymbol && rune.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF));
        }

        return text.ToString();
    }

    private static int Width(string text) => DisplayWidth.Of(text);
}
