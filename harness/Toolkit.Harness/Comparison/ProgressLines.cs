using Toolkit.Harness.Scaling;

namespace Toolkit.Harness.Comparison;

/// <summary>Progress of a measurement as plain "toolkit: ..." lines on a writer (compare writes its tables to stdout, progress to stderr).</summary>
public sealed class ProgressLines(TextWriter writer) : IScaleProgress
{
    /// <inheritdoc />
    public void Step(string description, int step, int steps) => writer.WriteLine($"toolkit: [{step}/{steps}] {description}");

    /// <inheritdoc />
    public void Note(string message) => writer.WriteLine("toolkit: " + message);
}
