using System.Collections;
using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Toolkit.Harness.Commands.Help;

/// <summary>
/// What the help shows beyond System.CommandLine's own symbols: examples per command, the verb groups
/// of a command, and how a default is stated. A default is stated once, by the help renderer, after
/// the description: from the option's DefaultValueFactory, or in words where the value depends on the
/// machine (<see cref="ShowDefaultAs{T}"/>: "one per core"); descriptions never repeat it.
/// Works on any command or option, so verbs written elsewhere (the heap verbs) take part too.
/// </summary>
public static class HelpText
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];
    private static readonly ConditionalWeakTable<Command, IReadOnlyList<VerbGroup>> Groups = [];
    private static readonly ConditionalWeakTable<Symbol, string> StatedDefaults = [];
    private static readonly ConditionalWeakTable<Command, string> ProgramNames = [];

    /// <summary>The program a root command is (<c>toolkit</c> unless <see cref="WithProgramName{T}"/> said otherwise, e.g. <c>toolkit-build</c>).</summary>
    public const string DefaultProgramName = "toolkit";

    /// <summary>Names the program <paramref name="root"/> is, for the help's usage lines and the error lines' "see '... --help'".</summary>
    public static T WithProgramName<T>(this T root, string name)
        where T : RootCommand
    {
        ProgramNames.AddOrUpdate(root, name);
        return root;
    }

    /// <summary>The program name of <paramref name="root"/>.</summary>
    public static string ProgramNameOf(RootCommand root) => ProgramNames.TryGetValue(root, out var name) ? name : DefaultProgramName;

    /// <summary>Adds example command lines (each starting with <c>toolkit</c>) to the end of the command's help.</summary>
    public static T WithExamples<T>(this T command, params string[] examples)
        where T : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        Examples.AddOrUpdate(command, [.. ExamplesOf(command), .. examples]);
        return command;
    }

    /// <summary>The command's examples, in the order added.</summary>
    public static IReadOnlyList<string> ExamplesOf(Command command) =>
        Examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Lists the command's subcommands in these groups instead of one list.</summary>
    public static void SetGroups(Command command, IReadOnlyList<VerbGroup> groups) => Groups.AddOrUpdate(command, groups);

    /// <summary>The command's verb groups, or null for one plain list.</summary>
    public static IReadOnlyList<VerbGroup>? GroupsOf(Command command) => Groups.TryGetValue(command, out var groups) ? groups : null;

    /// <summary>States the default in words instead of its value (for values that depend on the machine).</summary>
    public static T ShowDefaultAs<T>(this T symbol, string text)
        where T : Symbol
    {
        StatedDefaults.AddOrUpdate(symbol, text);
        return symbol;
    }

    /// <summary>The default as the help states it, or null when there is none to state (no default, or a switch that is off).</summary>
    public static string? DefaultOf(Symbol symbol)
    {
        if (StatedDefaults.TryGetValue(symbol, out var stated))
        {
            return stated;
        }

        var (hasDefault, type, value) = symbol switch
        {
            Option option when option.HasDefaultValue => (true, option.ValueType, option.GetDefaultValue()),
            Argument argument when argument.HasDefaultValue => (true, argument.ValueType, argument.GetDefaultValue()),
            _ => (false, typeof(object), null),
        };
        return hasDefault && type != typeof(bool) ? Format(value) : null;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        FileSystemInfo info => info.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(',', items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}
