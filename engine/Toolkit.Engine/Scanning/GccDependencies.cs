using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Asks the compiler itself what a compile command depends on: the command run in its directory with
/// <c>-c</c>, <c>-o</c> and every <c>-M</c> option removed and <c>-MM</c> added, its make rule parsed
/// (continuations joined, gcc's escapes undone). The reference the scanner is measured against.
/// </summary>
public static class GccDependencies
{
    private static readonly HashSet<string> DroppedAlone = new(StringComparer.Ordinal) { "-c", "-S", "-E", "-MD", "-MMD", "-MP", "-MG", "-M", "-MM" };

    private static readonly HashSet<string> DroppedWithValue = new(StringComparer.Ordinal) { "-o", "-MF", "-MT", "-MQ" };

    /// <summary>The arguments of the <c>-MM</c> run of <paramref name="command"/> (its first word is the compiler).</summary>
    public static List<string> Arguments(CompileCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var arguments = new List<string>();
        var words = command.Arguments;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (DroppedAlone.Contains(word))
            {
                continue;
            }

            if (DroppedWithValue.Contains(word))
            {
                i++;
                continue;
            }

            if (word.Length > 3 && (word.StartsWith("-MF", StringComparison.Ordinal) || word.StartsWith("-MT", StringComparison.Ordinal) || word.StartsWith("-MQ", StringComparison.Ordinal)))
            {
                continue;
            }

            if (word.Length > 2 && word.StartsWith("-o", StringComparison.Ordinal))
            {
                continue;
            }

            arguments.Add(word);
        }

        arguments.Add("-MM");
        return arguments;
    }

    /// <summary>
    /// Runs the compiler; returns the prerequisites as gcc wrote them (the source first), or null with
    /// <paramref name="error"/> set (its first error line) when it failed.
    /// </summary>
    public static List<string>? Run(CompileCommand command, out string? error)
    {
        ArgumentNullException.ThrowIfNull(command);
        var start = new ProcessStartInfo(command.Arguments[0])
        {
            WorkingDirectory = command.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(command))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error = stderr.Result.Split('\n').FirstOrDefault(line => line.Contains("error", StringComparison.Ordinal))?.Trim() ?? $"exit {process.ExitCode}";
                return null;
            }

            error = null;
            return Prerequisites(stdout);
        }
        catch (Win32Exception exception)
        {
            error = $"cannot run '{command.Arguments[0]}': {exception.Message}";
            return null;
        }
    }

    /// <summary>The prerequisites of one or more make rules as gcc writes them, unescaped, in order.</summary>
    public static List<string> Prerequisites(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var names = new List<string>();
        var joined = rule.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var line in joined.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                colon = line.EndsWith(':') ? line.Length - 1 : -1;
            }

            if (colon < 0)
            {
                continue;
            }

            var word = new StringBuilder();
            var text = line[(colon + 1)..];
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length && text[i + 1] is ' ' or '#' or '\\')
                {
                    word.Append(text[++i]);
                }
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
                {
                    word.Append('$');
                    i++;
                }
                else if (c is ' ' or '\t')
                {
                    Flush(word, names);
                }
                else
                {
                    word.Append(c);
                }
            }

            Flush(word, names);
        }

        return names;
    }

    private static void Flush(StringBuilder word, List<string> names)
    {
        if (word.Length > 0)
        {
            names.Add(word.ToString());
            word.Clear();
        }
    }
}
