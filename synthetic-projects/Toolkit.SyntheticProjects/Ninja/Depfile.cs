using System.Text;
using Toolkit.SyntheticProjects.Importing;

namespace Toolkit.SyntheticProjects.Ninja;

/// <summary>
/// Reads the inputs of a Makefile-syntax depfile as gcc -MD and clang write them (what ninja's
/// depfile_parser reads): words separated by white space, a backslash at a line end continuing the
/// line, <c>\ </c>, <c>\#</c> and <c>\:</c> escaping the character, <c>$$</c> a '$'. A word ending in an
/// unescaped ':' is a target (gcc -MP's header targets included) and is not an input.
/// </summary>
internal static class Depfile
{
    /// <summary>The inputs listed in the depfile at <paramref name="path"/>, in order and without duplicates; null when it does not exist or is no regular file.</summary>
    public static List<string>? Read(string path)
    {
        if (!File.Exists(path) || InputFile.WhyNot(path) is not null)
        {
            return null;
        }

        var text = InputFile.TryReadText(path, out _);
        return text is null ? null : Parse(text);
    }

    public static List<string> Parse(string text)
    {
        var inputs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        var escapedEnd = false;
        void Finish()
        {
            if (word.Length == 0)
            {
                return;
            }

            var isTarget = word[^1] == ':' && !escapedEnd;
            var value = NinjaPaths.Canonical(isTarget ? word.ToString(0, word.Length - 1) : word.ToString());
            if (!isTarget && value.Length > 0 && seen.Add(value))
            {
                inputs.Add(value);
            }

            word.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is '\n' or '\r')
                {
                    Finish();
                    i += next == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 2 : 1;
                    continue;
                }

                if (next is ' ' or '#' or ':' or '\\')
                {
                    word.Append(next);
                    escapedEnd = next == ':';
                    i++;
                    continue;
                }
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                word.Append('$');
                escapedEnd = false;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                Finish();
            }
            else
            {
                word.Append(c);
                escapedEnd = false;
            }
        }

        Finish();
        return inputs;
    }
}
