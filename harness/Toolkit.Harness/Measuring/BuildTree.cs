using Toolkit.Engine.Manifest;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// A generated project as the whole-process measurement uses it: the files its builds write (read
/// once from toolkit.manifest, without loading a graph, so cleaning a million-source tree costs a
/// parse, not an open) and <see cref="Clean"/>, which returns the tree to what a first build sees:
/// every output removed, and every tool's state (the engine's <c>.toolkit.*</c> files, Ninja's and
/// samurai's <c>.ninja_log</c> and <c>.ninja_deps</c>, SCons's <c>.sconsign.dblite</c>).
/// </summary>
public sealed class BuildTree
{
    /// <summary>The peers' state files in the project root.</summary>
    public static readonly IReadOnlyList<string> PeerStateFiles = [".ninja_log", ".ninja_deps", ".sconsign.dblite", ".sconsign"];

    private readonly string[] _outputs;

    /// <summary>Reads the outputs of the project in <paramref name="directory"/>.</summary>
    public BuildTree(string directory)
    {
        Directory = Path.GetFullPath(directory);
        var collector = new ManifestOutputs();
        ManifestReader.ReadFile(Path.Join(Directory, "toolkit.manifest"), collector);
        var root = collector.Root is null ? Directory : Path.GetFullPath(Path.Join(Directory, collector.Root));
        _outputs = collector.Outputs.Select(p => Path.GetFullPath(Path.Join(root, p))).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The project directory.</summary>
    public string Directory { get; }

    /// <summary>How many files the builds write.</summary>
    public int OutputCount => _outputs.Length;

    /// <summary>Removes every output and every tool's state file; returns how many files were removed.</summary>
    public int Clean()
    {
        var removed = 0;
        foreach (var path in _outputs)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                removed++;
            }
        }

        foreach (var state in System.IO.Directory.EnumerateFiles(Directory, ".toolkit.*").Concat(PeerStateFiles.Select(f => Path.Join(Directory, f))))
        {
            if (File.Exists(state))
            {
                File.Delete(state);
                removed++;
            }
        }

        return removed;
    }
}
