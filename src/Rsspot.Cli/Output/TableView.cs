using System.Globalization;
using System.Text;

namespace Rsspot.Cli.Output;

/// <summary>A small table of text cells rendered with aligned columns.</summary>
internal sealed class TableView
{
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
            table.Add(field, value ?? string.Empty);
        }

        return table;
    }

    public TableView Add(params string?[] cells)
    {
        _rows.Add([.. Headers.Select((_, i) => i < cells.Length ? Clean(cells[i]) : string.Empty)]);
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
    private static string Clean(string? cell) => Rsspot.Security.ServerText.Clean(cell) ?? string.Empty;

    // ASCII (the usual cell) is one column per char; only other text needs grapheme segmentation.
    private static int Width(string text) => System.Text.Ascii.IsValid(text) ? text.Length : new StringInfo(text).LengthInTextElements;
}
