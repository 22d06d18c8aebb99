namespace Toolkit.Engine.Build;

/// <summary>A reporter that records errors and warnings and prints nothing (tests, benchmarks).</summary>
public sealed class NullBuildReporter : IBuildReporter
{
    private readonly object _gate = new();

    /// <summary>Command lines in the order they were reported.</summary>
    public List<string> Commands { get; } = [];

    /// <summary>Errors in the order they were reported.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Warnings in the order they were reported.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>When false, command lines are not kept (a million of them would be measured as engine memory).</summary>
    public bool KeepCommands { get; init; } = true;

    /// <inheritdoc />
    public void Command(string commandLine)
    {
        if (KeepCommands)
        {
            lock (_gate)
            {
                Commands.Add(commandLine);
            }
        }
    }

    /// <inheritdoc />
    public void Error(string message)
    {
        lock (_gate)
        {
            Errors.Add(message);
        }
    }

    /// <inheritdoc />
    public void Warning(string message)
    {
        lock (_gate)
        {
            Warnings.Add(message);
        }
    }

    /// <inheritdoc />
    public void Progress(int done, int total)
    {
    }
}
