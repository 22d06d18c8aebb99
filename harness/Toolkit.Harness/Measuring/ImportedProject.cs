using Toolkit.Engine.Manifest;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// A project directory given to <c>toolkit scale --project DIR</c>: its toolkit.manifest, read once
/// (every statement checked by the engine's own reader, so a damaged manifest is refused before anything
/// is measured), what wrote it (the "imported by toolkit import-X from INPUT" comment the importers put
/// at its top, or generated.json beside it), the tree its paths name (<c>root</c>) and where the peers
/// would run (ninja's build directory for an imported build.ninja, the root otherwise). It holds the
/// manifest's paths (inputs and outputs, as strings) while the run lasts: a copy of the tree needs them.
/// </summary>
public sealed class ImportedProject
{
    /// <summary>Lines at the top of a manifest searched for the importer's comment: root, version, the comment's three lines, with room.</summary>
    private const int HeaderLines = 16;

    private const string ImportedByPrefix = "# imported by toolkit ";
    private const string BuildDirectoryPrefix = "# build directory (where ninja runs the commands): ";

    private ImportedProject(string directory, ManifestOutputs files, string importer, string? input, string root, string peerDirectory)
    {
        Directory = directory;
        Files = files;
        Importer = importer;
        Input = input;
        Root = root;
        PeerDirectory = peerDirectory;
    }

    /// <summary>The project directory (holding toolkit.manifest), absolute.</summary>
    public string Directory { get; }

    /// <summary>The manifest's path.</summary>
    public string ManifestPath => Path.Join(Directory, ManifestWriter.FileName);

    /// <summary>What wrote the manifest: "import-ninja", "import-compdb", "import-msbuild", "generate", or "manifest" (written by hand or by another tool).</summary>
    public string Importer { get; }

    /// <summary>The file the importer read (build.ninja, compile_commands.json, the solution), or null.</summary>
    public string? Input { get; }

    /// <summary>The directory the manifest's paths are relative to, absolute.</summary>
    public string Root { get; }

    /// <summary>Where a peer's build file would be and where it runs: ninja's build directory for an imported build.ninja, the root otherwise.</summary>
    public string PeerDirectory { get; }

    /// <summary>The manifest's paths, relative to <see cref="Root"/>.</summary>
    internal ManifestOutputs Files { get; }

    /// <summary>Reads the project in <paramref name="directory"/>; <paramref name="option"/> names the option in errors.</summary>
    /// <exception cref="MeasurementException">No such directory, or no manifest in it.</exception>
    /// <exception cref="ManifestException">The manifest is damaged (file, line and reason).</exception>
    public static ImportedProject Read(string directory, string option = "--project")
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new MeasurementException($"{option} {directory}: no such directory");
        }

        var manifest = Path.Join(full, ManifestWriter.FileName);
        if (!File.Exists(manifest))
        {
            throw new MeasurementException($"{option} {directory}: no {ManifestWriter.FileName} in it; import a project there first (toolkit import-ninja build.ninja -o {directory}, import-compdb or import-msbuild)");
        }

        var files = new ManifestOutputs(inputs: true);
        ManifestReader.ReadFile(manifest, files);
        var root = files.Root is null ? full : Path.GetFullPath(files.Root, full);
        var (importer, input, buildDirectory) = Header(manifest);
        if (importer == "manifest" && File.Exists(Path.Join(full, "generated.json")))
        {
            importer = "generate";
        }

        return new ImportedProject(full, files, importer, input, root, buildDirectory ?? root);
    }

    /// <summary>The importer's comment at the top of the manifest: which importer, from what, and ninja's build directory.</summary>
    private static (string Importer, string? Input, string? BuildDirectory) Header(string manifest)
    {
        var (importer, input, buildDirectory) = ("manifest", (string?)null, (string?)null);
        foreach (var line in File.ReadLines(manifest).Take(HeaderLines))
        {
            if (line.StartsWith(ImportedByPrefix, StringComparison.Ordinal) && line[ImportedByPrefix.Length..].Split(" from ", 2) is [var verb, var from] && verb.StartsWith("import-", StringComparison.Ordinal))
            {
                (importer, input) = (verb, from);
            }
            else if (line.StartsWith(BuildDirectoryPrefix, StringComparison.Ordinal))
            {
                buildDirectory = line[BuildDirectoryPrefix.Length..];
            }
        }

        return (importer, input, buildDirectory);
    }
}
