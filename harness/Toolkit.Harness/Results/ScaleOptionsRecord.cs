namespace Toolkit.Harness.Results;

/// <summary>What <c>toolkit scale</c> was asked to do.</summary>
/// <param name="Shape">The generated projects' shape; null for an imported project (see <see cref="ScaleResults.Project"/>).</param>
/// <param name="Seed">The generator's seed; null for an imported project.</param>
/// <param name="Sources">The sizes.</param>
/// <param name="Variants">The variants measured at every size (see <paramref name="VariantsAt"/>).</param>
/// <param name="Repeat">Counted runs per (tool, size), the warm-up run not included.</param>
/// <param name="Peers">"auto" (every peer on PATH), "none", or the list asked for.</param>
/// <param name="DryRun">Schema 1: the footprint's measured build was a dry run.</param>
/// <param name="Warmup">Uncounted warm-up runs per (tool, size) before the counted ones.</param>
/// <param name="Order">How the runs at a size were ordered ("williams": a balanced Latin square per repetition).</param>
/// <param name="Engine">The engine command measured as a whole process (before the project directory and the options).</param>
/// <param name="EngineTools">"builtin" (the engine's in-process tool) or "stand-ins" (the same stand-in scripts as the peers) for the engine's full builds.</param>
/// <param name="Jobs">Parallel jobs given to every tool.</param>
/// <param name="LargeFiles">Large files of the extra point at the smallest size (0: no such point).</param>
/// <param name="VariantsAt">Sizes measured with fewer variants: size → the variants measured there.</param>
/// <param name="PeersAt">Sizes measured with fewer peers: size → the peers measured there.</param>
/// <param name="EngineBinary">Which binary the engine command ran: JIT or native (NativeAOT), path, size, time and hash (EngineCommand.DescribeBinary).</param>
public sealed record ScaleOptionsRecord(
    string? Shape,
    int? Seed,
    IReadOnlyList<int> Sources,
    IReadOnlyList<string> Variants,
    int Repeat,
    string Peers,
    bool DryRun,
    int Warmup = 0,
    string? Order = null,
    string? Engine = null,
    string? EngineTools = null,
    int Jobs = 0,
    int LargeFiles = 0,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? VariantsAt = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? PeersAt = null,
    string? EngineBinary = null);
