using System.CommandLine;
using System.CommandLine.Invocation;
using Toolkit.Harness.Commands.Help;
using System.Reflection;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The one way through every verb (the Main of toolkit and of toolkit-build calls <see cref="Invoke"/>): parses,
/// runs the verb, and turns what it throws into an exit code and what the user reads.
/// <list type="bullet">
/// <item>A parse error (unknown option, bad value, missing argument) or a <see cref="UserErrorException"/>
/// is one line <c>toolkit: error: MESSAGE</c> on stderr, exit code <see cref="ExitCodes.UserError"/>.</item>
/// <item>A verb that needs a sub-verb and got none (<c>toolkit</c>, <c>toolkit heap</c>) prints its help, exit code 1.</item>
/// <item>Cancellation (Ctrl-C) is <c>toolkit: interrupted</c>, exit code <see cref="ExitCodes.Interrupted"/>.</item>
/// <item>Anything else is a bug: a line saying so and where to report it, the toolkit's version, then
/// the exception with its stack trace; exit code <see cref="ExitCodes.InternalError"/>.</item>
/// </list>
/// </summary>
public static class CommandRunner
{
    /// <summary>The prefix of every error line, for every verb.</summary>
    public const string ErrorPrefix = "toolkit: error: ";

    /// <summary>Where a bug is reported (the internal-error message names it).</summary>
    public const string BugReportPlace = "the Toolkit issue tracker (README.md, 'Reporting a bug')";

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the verb; returns the exit code.</summary>
    public static int Invoke(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return ParseError(parse, output, error);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (Terminal.SelfInterrupting.Is(parse.CommandResult.Command))
        {
            // They handle SIGINT/SIGTERM themselves (Terminal/InterruptSignals): System.CommandLine would end
            // the process at the signal, before a build has saved its database or scale has ended its children.
            configuration.ProcessTerminationTimeout = null;
        }

        try
        {
            return parse.Invoke(configuration);
        }
        catch (UserErrorException exception)
        {
            error.WriteLine(ErrorPrefix + OneLine(exception.Message));
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("toolkit: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            WriteInternalError(error, exception);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Runs a verb's body. Kept so verbs written before <see cref="Invoke"/> existed still compile; errors are handled there, once.</summary>
    public static int Run(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body();
    }

    /// <summary>Writes the report of a bug: what it is, where to report it, the version, the exception and its stack trace.</summary>
    public static void WriteInternalError(TextWriter error, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        var (version, commit) = VersionAndCommit();
        error.WriteLine($"toolkit: internal error: this is a bug in toolkit, not a mistake in your input. Please report it on {BugReportPlace}, with the command line and everything below.");
        error.WriteLine($"toolkit {version} (commit {commit}), .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        error.WriteLine(exception.ToString());
    }

    /// <summary>The toolkit's version and the git commit it was built from (GitCommit.targets), as MachineProbe.Toolkit reads them for results.</summary>
    public static (string Version, string GitCommit) VersionAndCommit()
    {
        var assembly = typeof(CommandRunner).Assembly;
        var commit = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "GitCommit")?.Value;
        return (assembly.GetName().Version?.ToString() ?? "0.0.0", string.IsNullOrWhiteSpace(commit) ? "unknown" : commit.Trim());
    }

    private static int ParseError(ParseResult parse, TextWriter output, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var isGroup = command.Subcommands.Count > 0 && command.Action is null;
        if (isGroup && parse.UnmatchedTokens.Count == 0)
        {
            HelpRenderer.Write(command, output, ToolkitHelpAction.WidthFor(output));
            return ExitCodes.UserError;
        }

        var path = HelpRenderer.PathOf(command);
        var where = command is RootCommand ? "" : path[(path.IndexOf(' ', StringComparison.Ordinal) + 1)..] + ": ";
        var message = isGroup
            ? $"unknown verb or option '{parse.UnmatchedTokens[0]}'; the verbs are {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
            : string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal));
        error.WriteLine($"{ErrorPrefix}{where}{OneLine(message)} (see '{path} --help')");
        return ExitCodes.UserError;
    }

    /// <summary>A message on one line: a user's error is one line, whatever its message holds.</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
