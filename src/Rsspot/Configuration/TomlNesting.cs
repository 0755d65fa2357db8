using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// Refuses TOML whose arrays and inline tables, or whose dotted keys, nest deeper than
/// <see cref="BoundedYaml.MaxDepth"/> before the parser (which recurses) sees it. Strings and comments are skipped.
/// </summary>
internal static class TomlNesting
{
    public static void Check(string text)
    {
        int depth = 0;
        int line = 1;
        int keyDots = 0;
        bool inKey = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    keyDots = 0;
                    inKey = depth == 0;
                    break;
                case '=':
                    inKey = false;
                    break;
                case ',':
                    inKey = true;
                    keyDots = 0;
                    break;
                case '.' when inKey:
                    if (++keyDots > BoundedYaml.MaxDepth)
                    {
                        throw new InvalidDataException($"the document nests deeper than {BoundedYaml.MaxDepth} levels (a dotted key at line {line})");
                    }

                    break;
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '"' or '\'':
                    i = SkipString(text, i, ref line);
                    break;
                case '[' or '{':
                    inKey = c == '{' || inKey;
                    keyDots = 0;
                    if (++depth > BoundedYaml.MaxDepth)
                    {
                        throw new InvalidDataException($"the document nests deeper than {BoundedYaml.MaxDepth} levels (at line {line})");
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
    }

    // Returns the index of the closing quote (or the end of the text).
    private static int SkipString(string text, int start, ref int line)
    {
        char quote = text[start];
        bool multiLine = start + 2 < text.Length && text[start + 1] == quote && text[start + 2] == quote;
        int i = start + (multiLine ? 3 : 1);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                if (!multiLine)
                {
                    return i;
                }
            }
            else if (c == '\\' && quote == '"')
            {
                i++;
            }
            else if (c == quote && (!multiLine || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return multiLine ? i + 2 : i;
            }
        }

        return i;
    }
}
