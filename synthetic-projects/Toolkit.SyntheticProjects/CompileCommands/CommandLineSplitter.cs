using System.Text;

namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>
/// Splits a <c>command</c> string into arguments as a POSIX shell would (what CMake and bear write):
/// white space separates, single quotes keep everything, double quotes keep all but <c>\"</c>,
/// <c>\\</c>, <c>\$</c> and <c>\`</c>, a backslash outside quotes escapes the next character.
/// </summary>
internal static class CommandLineSplitter
{
    /// <summary>The arguments, or null with <paramref name="problem"/> set when a quote is not closed.</summary>
    public static List<string>? Split(string command, out string? problem)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        problem = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        arguments.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    continue;
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        problem = $"unclosed single quote at character {i + 1} of the command";
                        return null;
                    }

                    current.Append(command, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i++;
                    while (i < command.Length && command[i] != '"')
                    {
                        if (command[i] == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        current.Append(command[i++]);
                    }

                    if (i >= command.Length)
                    {
                        problem = "unclosed double quote in the command";
                        return null;
                    }

                    break;
                case '\\' when i + 1 < command.Length:
                    current.Append(command[++i]);
                    break;
                default:
                    current.Append(c);
                    break;
            }

            inWord = true;
        }

        if (inWord)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }
}
