using Toolkit.Engine.Build;

namespace Toolkit.Harness.Terminal;

/// <summary>Prints a build's command lines (unless silent), errors and warnings; forwards progress.</summary>
public sealed class ConsoleBuildReporter : IBuildReporter
{
    private readonly object _gate = new();
    private readonly bool _silent;

    /// <summary>Creates a reporter; <paramref name="silent"/> suppresses command lines (-s).</summary>
    public ConsoleBuildReporter(bool silent)
    {
        _silent = silent;
    }

    /// <summary>Receives (done, total) progress.</summary>
    public Action<long, long>? OnProgress { get; set; }

    /// <summary>Number of errors reported.</summary>
    public int ErrorCount { get; private set; }

    /// <inheritdoc />
    public void Command(string commandLine)
    {
        if (_silent)
        {
            return;
        }

        lock (_gate)
        {
            Console.Out.WriteLine(commandLine);
        }
    }

    /// <inheritdoc />
    public void Error(string message)
    {
        lock (_gate)
        {
            ErrorCount++;
            Output.Error(message);
        }
    }

    /// <inheritdoc />
    public void Warning(string message)
    {
        lock (_gate)
        {
            Output.Warning(message);
        }
    }

    /// <inheritdoc />
    public void Progress(int done, int total) => OnProgress?.Invoke(done, total);
}
