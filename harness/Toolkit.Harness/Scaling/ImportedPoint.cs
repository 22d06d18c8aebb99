using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Scaling;

/// <summary>
/// The one point of <c>toolkit scale --project DIR</c>: the engine's variants on a private copy of the
/// project (<see cref="MeasuringCopy"/>: built and cleaned there, never in the user's tree), the peers that
/// can read the project's own build file on its build directory, read-only (<see cref="OriginalTreePeer"/>).
/// An imported project has one size, so the pages show no growth slope for it.
/// </summary>
/// <param name="Missing">Inputs the manifest names that were not on disk, so not copied.</param>
public sealed record ImportedPoint(int Missing)
{
    /// <summary>
    /// The point's size as the pages name it, "sources": the input files no statement builds, headers left out;
    /// a project without such inputs (only commands) is sized by its build statements, and at least 1.
    /// </summary>
    public static int Size(ImportedProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var files = project.Files;
        var built = new HashSet<string>(files.Outputs.Concat(files.Aliases), StringComparer.Ordinal);
        var sources = files.Inputs.Where(p => !built.Contains(p) && !MeasuringCopy.IsHeader(p)).Distinct(StringComparer.Ordinal).Count();
        return Math.Max(1, sources > 0 ? sources : files.Statements);
    }

    /// <summary>Copies the project, probes each peer on its build directory, and returns the point.</summary>
    public static ScalePoint Prepare(ScaleRequest request, ImportedProject project, IScaleProgress progress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Step($"copying the inputs of {project.ManifestPath} (imported by {project.Importer}) to measure the engine on", 1, 1);
        var (copy, missing) = MeasuringCopy.Ensure(project, request.ProjectsDirectory);
        progress.Note($"the engine's variants build and clean the copy in {copy.Directory}; {project.Root} is never written");
        if (missing.Count > 0)
        {
            progress.Note($"{missing.Count} inputs named by the manifest are not on disk and were not copied (first: {missing[0]})");
        }

        var tools = new List<MeasuredTool>(request.Variants.Select(v => new EngineTool(request.Engine, v, request.EngineStandIns)));
        var skipped = new List<(PeerTool, string)>();
        foreach (var peer in request.Peers.Select(name => PeerTool.Find(name) ?? throw new MeasurementException($"--peers: unknown peer '{name}'; valid peers: {string.Join(", ", PeerTool.Names)}")))
        {
            // The saved state files live beside the measuring copy, in --projects: the harness's folder, not the user's tree.
            var backup = Path.Join(request.ProjectsDirectory, Path.GetFileName(copy.Directory) + ".peer-state", peer.Name);
            var (tool, why) = OriginalTreePeer.Probe(peer, project.PeerDirectory, request.Jobs, backup);
            if (tool is null)
            {
                skipped.Add((peer, why!));
            }
            else
            {
                tools.Add(tool);
            }
        }

        return new ScalePoint(Size(project), 0, copy, new BuildTree(copy.Directory), tools, skipped, new ImportedPoint(missing.Count));
    }
}
