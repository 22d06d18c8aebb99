namespace Toolkit.Harness.Measuring;

/// <summary>
/// A build tool measured as a whole process on a generated project: the engine with one of its
/// variants (<see cref="EngineTool"/>) or a peer (<see cref="PeerTool"/>). Each says how it does the
/// three operations of <see cref="Results.ProcessOperations"/> and whether it can run here.
/// </summary>
public abstract class MeasuredTool
{
    /// <summary>The tool's name in results: "toolkit" for the engine, the peer's name otherwise.</summary>
    public abstract string Name { get; }

    /// <summary>The engine's variant, or null for a peer.</summary>
    public abstract string? Variant { get; }

    /// <summary>A name for progress lines and errors: "toolkit (baseline)", "ninja".</summary>
    public string Label => Variant is null ? Name : $"{Name} ({Variant})";

    /// <summary>The operations the tool runs at a turn, in order; the others are recorded as skipped (<see cref="OriginalTreePeer"/>).</summary>
    public virtual IReadOnlyList<string> Operations => Results.ProcessOperations.All;

    /// <summary>The directory the tool runs in, never cleaned; null for the point's tree, cleaned before each turn.</summary>
    public virtual string? Directory => null;

    /// <summary>Why the tool cannot be measured on this machine, or null when it can.</summary>
    public abstract string? WhySkipped();

    /// <summary>The program and arguments of <paramref name="operation"/>, run in <paramref name="projectDirectory"/>.</summary>
    public abstract (string FileName, IReadOnlyList<string> Arguments) Command(string operation, string projectDirectory, int jobs);

    /// <summary>The command of <paramref name="operation"/> as a person would type it in the project directory (for results).</summary>
    public abstract string Describe(string operation, int jobs);

    /// <summary>Checks a run's result before it is recorded: a <see cref="MeasurementException"/> when it is not what <paramref name="operation"/> should measure.</summary>
    public virtual void CheckRun(string operation, ProcessMeasurement measured)
    {
    }

    /// <summary>Called after every run, also a failed one: undoes what the run left that must not stay.</summary>
    public virtual void AfterRun()
    {
    }
}
