using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Writes a source's dependencies as a make rule in the style of <c>gcc -MM</c>:
/// <c>name.o: dir/name.c dep1.h dep2.h</c>, the target named after the source's file name with its
/// suffix replaced by <c>.o</c> (no directory, as gcc does), long rules wrapped with <c> \</c>
/// continuations at gcc's column limit, and characters special to make escaped as gcc escapes them.
/// </summary>
public static class MakeDependencyFormatter
{
    // gcc's libcpp writes dependency rules with deps_write(..., colmax = 72): a name that would pass
    // column 72 starts a new line, which begins with one space.
    private const int ColumnLimit = 72;

    /// <summary>The make target gcc names for <paramref name="sourcePath"/>: its file name with the suffix replaced by <c>.o</c>.</summary>
    public static string TargetName(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var name = ProjectPath.FileNameOf(sourcePath.Replace('\\', '/'));
        var dot = name.LastIndexOf('.');
        return (dot > 0 ? name[..dot] : name) + ".o";
    }

    /// <summary>The rule for <paramref name="sourcePath"/> and its <paramref name="dependencies"/>, ending with a newline.</summary>
    public static string Format(string sourcePath, IReadOnlyList<string> dependencies)
    {
        var text = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(text, sourcePath, dependencies);
        return text.ToString();
    }

    /// <summary>Writes the rule for <paramref name="sourcePath"/> and its <paramref name="dependencies"/>.</summary>
    public static void Write(TextWriter output, string sourcePath, IReadOnlyList<string> dependencies)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(dependencies);
        var target = Escape(TargetName(sourcePath));
        output.Write(target);
        output.Write(':');
        var column = target.Length + 1;
        column = WriteName(output, Escape(sourcePath), column);
        foreach (var dependency in dependencies)
        {
            column = WriteName(output, Escape(dependency), column);
        }

        output.Write('\n');
    }

    /// <summary>Writes one prerequisite after a space, first breaking the line if it would pass the limit.</summary>
    private static int WriteName(TextWriter output, string name, int column)
    {
        if (column + name.Length > ColumnLimit)
        {
            output.Write(" \\\n");
            column = 0;
        }

        output.Write(' ');
        output.Write(name);
        return column + 1 + name.Length;
    }

    /// <summary>Escapes as gcc does: a blank gets a backslash, <c>$</c> doubles, <c>#</c> gets a backslash.</summary>
    private static string Escape(string name)
    {
        if (name.AsSpan().IndexOfAny(" \t$#") < 0)
        {
            return name;
        }

        var escaped = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is ' ' or '\t' or '#')
            {
                escaped.Append('\\');
            }
            else if (c == '$')
            {
                escaped.Append('$');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
