using Spectre.Console;

namespace Toolkit.Harness.Scaling;

/// <summary>Progress as a Spectre.Console bar with the step's description and the time left.</summary>
public sealed class SpectreScaleProgress : IScaleProgress
{
    private readonly ProgressTask _task;

    /// <summary>Drives <paramref name="task"/>.</summary>
    public SpectreScaleProgress(ProgressTask task)
    {
        _task = task;
    }

    /// <inheritdoc />
    public void Step(string description, int step, int steps)
    {
        _task.MaxValue = steps;
        _task.Value = step - 1;
        _task.Description = Markup.Escape($"[{step}/{steps}] {description}");
    }

    /// <inheritdoc />
    public void Note(string message) => AnsiConsole.MarkupLine(Markup.Escape("toolkit: " + message));
}
