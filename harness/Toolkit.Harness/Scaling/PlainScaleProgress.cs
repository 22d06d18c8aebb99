namespace Toolkit.Harness.Scaling;

/// <summary>Progress as plain lines on stdout (not a terminal: CI, pipes, tests).</summary>
public sealed class PlainScaleProgress : IScaleProgress
{
    /// <inheritdoc />
    public void Step(string description, int step, int steps) => Console.Out.WriteLine($"[{step}/{steps}] {description}");

    /// <inheritdoc />
    public void Note(string message) => Console.Out.WriteLine("toolkit: " + message);
}
