using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// The engine with one variant, as a whole process (<see cref="EngineCommand"/>): <c>-n</c> for the
/// dry run, a plain build for the full and the null build. Its full build runs the built-in tool
/// in-process by default, or, with <see cref="StandIns"/>, the manifest's commands through the same
/// stand-in scripts as the peers (<c>--real-tools</c>).
/// </summary>
public sealed class EngineTool : MeasuredTool
{
    private readonly EngineCommand _command;

    /// <summary>
    /// The engine <paramref name="command"/> with <paramref name="variant"/>; <paramref name="name"/> names it in
    /// results ("toolkit" unless two engines are measured side by side, as <c>compare --refs</c> does).
    /// </summary>
    public EngineTool(EngineCommand command, string variant, bool standIns, string name = ProcessRecord.EngineTool)
    {
        ArgumentNullException.ThrowIfNull(command);
        _command = command;
        Variant = variant;
        StandIns = standIns;
        Name = name;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>True when this toolkit's footprint child measures the variant too (only for this toolkit's own engine).</summary>
    public bool Footprint => Name == ProcessRecord.EngineTool;

    /// <inheritdoc />
    public override string Variant { get; }

    /// <summary>True when builds run the stand-in scripts instead of the built-in tool.</summary>
    public bool StandIns { get; }

    /// <inheritdoc />
    public override string? WhySkipped()
    {
        if (Path.IsPathRooted(_command.FileName) ? !File.Exists(_command.FileName) : ProcessMeasurer.FindOnPath(_command.FileName) is null)
        {
            return $"the engine program {_command.FileName} does not exist";
        }

        return ProcessMeasurer.WhyNotMeasurable();
    }

    /// <inheritdoc />
    public override (string FileName, IReadOnlyList<string> Arguments) Command(string operation, string projectDirectory, int jobs) =>
        (_command.FileName, _command.Arguments(projectDirectory, Variant, jobs, operation == ProcessOperations.DryRun, StandIns && operation != ProcessOperations.DryRun));

    /// <inheritdoc />
    public override string Describe(string operation, int jobs) =>
        string.Join(' ', _command.Arguments(".", Variant, jobs, operation == ProcessOperations.DryRun, StandIns && operation != ProcessOperations.DryRun).Prepend(_command.FileName));
}
