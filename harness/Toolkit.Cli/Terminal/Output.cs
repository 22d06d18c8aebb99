using Spectre.Console;

namespace Toolkit.Harness.Terminal;

/// <summary>
/// Where the CLI writes: stdout for results, stderr for errors and warnings. Progress displays and
/// colour only when stdout is a terminal; plain lines otherwise, so that output piped to a file or a
/// test reads the same everywhere.
/// </summary>
public static class Output
{
    /// <summary>True when stdout is an interactive terminal (and not CI).</summary>
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("CI"));

    /// <summary>Writes an error line to stderr, prefixed with "toolkit: error: ".</summary>
    public static void Error(string message) => Console.Error.WriteLine("toolkit: error: " + message);

    /// <summary>Writes a warning line to stderr.</summary>
    public static void Warning(string message) => Console.Error.WriteLine("toolkit: warning: " + message);

    /// <summary>Writes <c>toolkit: note: MESSAGE</c> to standard error: something the tool changed for the user.</summary>
    public static void Note(string message) => Console.Error.WriteLine("toolkit: note: " + message);

    /// <summary>Writes a result line to stdout.</summary>
    public static void Line(string text) => Console.Out.WriteLine(text);

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar when interactive; the work reports
    /// (done, total) through the callback it is given. Plain mode prints nothing extra.
    /// </summary>
    public static T WithProgress<T>(string description, Func<Action<long, long>, T> work)
    {
        if (!IsInteractive)
        {
            return work((_, _) => { });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), autoStart: true, maxValue: 1);
                result = work((done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = Math.Min(done, total);
                });
                task.Value = task.MaxValue;
            });
        return result;
    }
}
