using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace Toolkit.Harness.Commands.Help;

/// <summary>
/// Writes a command's help: description, usage, arguments, options (each default stated once, by
/// <see cref="HelpText.DefaultOf"/>), verbs (in their groups where the command has groups), the exit
/// codes on the root, and the examples last. System.CommandLine 2.0 keeps its help builder internal,
/// so the toolkit renders its own, in the same layout; the same text makes docs/cli.md.
/// </summary>
public static class HelpRenderer
{
    /// <summary>Width the help is wrapped to when not on a terminal (and in docs/cli.md), so it reads the same everywhere.</summary>
    public const int DefaultWidth = 100;

    /// <summary>Narrowest width wrapped to: below it descriptions would be a word per line.</summary>
    private const int MinimumWidth = 60;

    /// <summary>Widest left column (option names and value); longer entries put their description on the next line.</summary>
    private const int MaximumLeftColumn = 36;

    private const string Indent = "  ";

    /// <summary>The command line that reaches <paramref name="command"/>: <c>toolkit</c>, <c>toolkit build</c>, <c>toolkit heap types</c>.</summary>
    public static string PathOf(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(current is RootCommand root ? HelpText.ProgramNameOf(root) : current.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The help of <paramref name="command"/> as text, wrapped to <paramref name="width"/>.</summary>
    public static string Render(Command command, int width = DefaultWidth)
    {
        using var text = new StringWriter { NewLine = "\n" };
        Write(command, text, width);
        return text.ToString();
    }

    /// <summary>Writes the help of <paramref name="command"/> to <paramref name="output"/>, wrapped to <paramref name="width"/>.</summary>
    public static void Write(Command command, TextWriter output, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        width = Math.Max(MinimumWidth, width);
        var text = new StringBuilder();
        Section(text, "Description", [.. Wrap(command.Description ?? string.Empty, width - Indent.Length).Select(line => Indent + line)]);
        Section(text, "Usage", [.. Usage(command).Select(line => Indent + line)]);
        Table(text, "Arguments", command.Arguments.Where(a => !a.Hidden).Select(a => (ArgumentName(a), Describe(a))).ToList(), width);
        Verbs(text, command, width);
        Table(text, "Options", VisibleOptions(command).Select(o => (OptionName(o), Describe(o))).ToList(), width);
        if (command is RootCommand)
        {
            Table(text, "Exit codes", ExitCodes.Meanings.Select(m => (m.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Meaning)).ToList(), width);
        }

        Section(text, "Examples", [.. HelpText.ExamplesOf(command).Select(example => Indent + example)]);
        output.Write(text.ToString().TrimEnd('\n').ReplaceLineEndings(output.NewLine) + output.NewLine);
    }

    private static IEnumerable<string> Usage(Command command)
    {
        var path = PathOf(command);
        var options = VisibleOptions(command).Any(o => o is not System.CommandLine.Help.HelpOption) ? " [options]" : "";
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            yield return $"{path} <verb> [options]";
            yield return $"{path} <verb> --help";
            yield break;
        }

        var arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => " " + ArgumentUsage(a)));
        yield return path + arguments + options;
    }

    private static void Verbs(StringBuilder text, Command command, int width)
    {
        var groups = HelpText.GroupsOf(command) ?? [new VerbGroup("Verbs", [.. command.Subcommands])];
        var tables = new List<(string Title, List<(string, string)> Rows)>();
        foreach (var group in groups)
        {
            var rows = new List<(string, string)>();
            foreach (var verb in group.Verbs.Where(v => !v.Hidden))
            {
                var subverbs = verb.Subcommands.Where(s => !s.Hidden).ToList();
                if (subverbs.Count == 0 || HelpText.GroupsOf(command) is null)
                {
                    rows.Add((verb.Name, verb.Description ?? string.Empty));
                    continue;
                }

                rows.AddRange(subverbs.Select(s => ($"{verb.Name} {s.Name}", s.Description ?? string.Empty)));
            }

            tables.Add((group.Title, rows));
        }

        // One column for every group, so the verbs of the root line up as one list.
        var column = tables.SelectMany(t => t.Rows).Select(r => r.Item1.Length).DefaultIfEmpty(0).Max();
        foreach (var (title, rows) in tables)
        {
            Table(text, title, rows, width, column);
        }
    }

    private static IEnumerable<Option> VisibleOptions(Command command)
    {
        var inherited = command.Parents.OfType<Command>().SelectMany(Ancestry).SelectMany(c => c.Options).Where(o => o.Recursive);
        return command.Options.Concat(inherited).Where(o => !o.Hidden).Distinct();
    }

    private static IEnumerable<Command> Ancestry(Command command)
    {
        for (var current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return current;
        }
    }

    private static string OptionName(Option option)
    {
        // The Windows forms of --help (/?, /h) are left out: one spelling per platform is enough to read.
        var names = string.Join(", ", option.Aliases.Prepend(option.Name).Where(n => !n.StartsWith('/')).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(n => n, StringComparer.Ordinal));
        var takesValue = option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
        var value = takesValue ? $" <{ValueName(option)}>" : "";
        return names + value + (option.Required ? " (REQUIRED)" : "");
    }

    private static string ValueName(Option option)
    {
        if (option.HelpName is { Length: > 0 } name)
        {
            return name;
        }

        if (option.ValueType == typeof(string))
        {
            var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
            if (choices.Count > 0)
            {
                return string.Join('|', choices);
            }
        }

        return option.Name.TrimStart('-');
    }

    private static string ArgumentName(Argument argument) => $"<{argument.HelpName ?? argument.Name}>";

    private static string ArgumentUsage(Argument argument)
    {
        var name = ArgumentName(argument);
        var many = argument.Arity.MaximumNumberOfValues > 1 ? "..." : "";
        return argument.Arity.MinimumNumberOfValues == 0 ? $"[{name}{many}]" : name + many;
    }

    private static string Describe(Symbol symbol)
    {
        var description = symbol.Description ?? string.Empty;
        return HelpText.DefaultOf(symbol) is { } stated ? $"{description} (default: {stated})" : description;
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines.All(string.IsNullOrWhiteSpace))
        {
            return;
        }

        text.Append(title).Append(":\n");
        foreach (var line in lines)
        {
            text.Append(line.TrimEnd()).Append('\n');
        }

        text.Append('\n');
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<(string Left, string Right)> rows, int width, int? leftWidth = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var column = Math.Min(MaximumLeftColumn, leftWidth ?? rows.Max(r => r.Left.Length)) + Indent.Length;
        var lines = new List<string>();
        foreach (var (left, right) in rows)
        {
            var wrapped = Wrap(right, width - Indent.Length - column);
            var first = 0;
            if (left.Length + Indent.Length > column)
            {
                lines.Add(Indent + left);
            }
            else
            {
                lines.Add(Indent + left.PadRight(column) + wrapped.FirstOrDefault());
                first = 1;
            }

            lines.AddRange(wrapped.Skip(first).Select(line => Indent + new string(' ', column) + line));
        }

        Section(text, title, lines);
    }

    /// <summary>Greedy word wrap; a word longer than the width stands alone on its line.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
