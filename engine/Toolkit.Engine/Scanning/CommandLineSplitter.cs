using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Splits a command line into words as <c>/bin/sh</c> would for a simple command: blanks separate
/// words, single quotes keep everything literally, double quotes keep blanks and let a backslash escape
/// <c>"</c>, <c>\</c>, <c>$</c> and <c>`</c>, and an unquoted backslash escapes the next character.
/// No expansion of any kind is done (a compile command in compile_commands.json or a substituted
/// $CCCOM has none left). An unterminated quote ends at the end of the line.
/// </summary>
public static class CommandLineSplitter
{
    /// <summary>The words of <paramref name="commandLine"/>.</summary>
    public static List<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < commandLine.Length)
        {
            var c = commandLine[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                i++;
                continue;
            }

            inWord = true;
            i = c switch
            {
                '\'' => SingleQuoted(commandLine, i + 1, word),
                '"' => DoubleQuoted(commandLine, i + 1, word),
                '\\' when i + 1 < commandLine.Length => Append(word, commandLine[i + 1], i + 2),
                _ => Append(word, c, i + 1),
            };
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int Append(StringBuilder word, char c, int next)
    {
        word.Append(c);
        return next;
    }

    private static int SingleQuoted(string text, int i, StringBuilder word)
    {
        var end = text.IndexOf('\'', i);
        if (end < 0)
        {
            word.Append(text, i, text.Length - i);
            return text.Length;
        }

        word.Append(text, i, end - i);
        return end + 1;
    }

    private static int DoubleQuoted(string text, int i, StringBuilder word)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(text[i + 1]);
                i += 2;
                continue;
            }

            word.Append(c);
            i++;
        }

        return i;
    }
}
