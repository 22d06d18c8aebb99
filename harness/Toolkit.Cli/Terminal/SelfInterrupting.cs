using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Toolkit.Harness.Terminal;

/// <summary>
/// The verbs that listen for SIGINT, SIGTERM and SIGHUP themselves (<see cref="InterruptSignals"/>): build and clean,
/// which must save what they did, and the verbs that start measured child processes (scale, compare), which must
/// end them and delete their temporary files. <see cref="Commands.CommandRunner"/> turns System.CommandLine's own
/// handling off for them: it ends the process at the signal while the action still runs, leaving the children
/// running and the temporary files behind.
/// </summary>
public static class SelfInterrupting
{
    private static readonly ConditionalWeakTable<Command, object> Marked = [];

    /// <summary>Marks <paramref name="command"/> as handling the signals itself; returns it.</summary>
    public static T Mark<T>(T command) where T : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        Marked.AddOrUpdate(command, Marked);
        return command;
    }

    /// <summary>Whether <paramref name="command"/> handles the signals itself.</summary>
    public static bool Is(Command command) => Marked.TryGetValue(command, out _);
}
