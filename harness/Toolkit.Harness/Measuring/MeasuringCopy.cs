using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Toolkit.Engine.Manifest;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// The private copy of an imported project that <c>toolkit scale --project</c> builds and cleans, so the
/// user's tree is never written or deleted from: every input the manifest names that no statement builds
/// (with its modification time, so a rerun copies only what changed), the header files under the include
/// directories and the sources' directories for an import-compdb project (its headers are found by the
/// engine's scanner, not listed), and the manifest with its <c>root</c> statement dropped, so its paths
/// are relative to the copy. Kept in <c>--projects</c> as imported-NAME-HASH (HASH of the project's path).
/// Costs a copy of the sources (small beside a build's outputs); saves the user's outputs.
/// </summary>
public static class MeasuringCopy
{
    /// <summary>Most header files swept from the include directories: a bound for an include path as wide as /usr.</summary>
    public const int MaximumSweptHeaders = 50_000;

    private static readonly string[] HeaderExtensions = [".h", ".hh", ".hpp", ".hxx", ".inc", ".inl"];

    /// <summary>The copy's directory for <paramref name="project"/> in <paramref name="projectsDirectory"/>.</summary>
    public static string DirectoryFor(ImportedProject project, string projectsDirectory)
    {
        ArgumentNullException.ThrowIfNull(project);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(project.Directory)))[..12];
        var name = new string(Path.GetFileName(project.Directory).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40).ToArray());
        return Path.Join(Path.GetFullPath(projectsDirectory), $"imported-{name}-{hash}");
    }

    /// <summary>Makes or refreshes the copy; returns it as a project to measure, with the counts of its manifest, and the inputs that were missing.</summary>
    public static (CachedProject Project, IReadOnlyList<string> Missing) Ensure(ImportedProject project, string projectsDirectory)
    {
        ArgumentNullException.ThrowIfNull(project);
        var clock = Stopwatch.StartNew();
        var copy = DirectoryFor(project, projectsDirectory);
        if (IsWithin(project.Root, copy) || IsWithin(project.Directory, copy))
        {
            throw new MeasurementException($"--projects {projectsDirectory}: the measuring copy {copy} would hold the project's own tree {project.Root}; give another --projects");
        }

        var files = project.Files;
        var outputs = new HashSet<string>(files.Outputs, StringComparer.Ordinal);
        var aliases = new HashSet<string>(files.Aliases, StringComparer.Ordinal);
        var sources = files.Inputs.Where(p => !outputs.Contains(p) && !aliases.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        var copied = 0;
        try
        {
            Directory.CreateDirectory(copy);
            foreach (var relative in sources.Concat(project.Importer == "import-compdb" ? SweptHeaders(project.Root, files.IncludeDirectories.Concat(sources.Select(DirectoryOf))) : []))
            {
                switch (CopyFile(Path.Join(project.Root, relative), Path.Join(copy, relative)))
                {
                    case null: missing.Add(relative); break;
                    case true: copied++; break;
                }
            }

            WriteManifest(project, Path.Join(copy, ManifestWriter.FileName));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MeasurementException($"cannot copy the project {project.Directory} to measure it into {copy}: {exception.Message}");
        }

        var headers = sources.Count(IsHeader);
        var counts = new GraphCounts(sources.Count - headers, headers, outputs.Count, 0, aliases.Count, files.Edges);
        return (new CachedProject(copy, counts, Reused: copied == 0, clock.Elapsed.TotalSeconds), missing);
    }

    /// <summary>True when <paramref name="path"/> is a header by its extension (as the engine's node kinds say).</summary>
    public static bool IsHeader(string path) => HeaderExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool IsWithin(string path, string directory) =>
        path == directory || path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string DirectoryOf(string relative) => Path.GetDirectoryName(relative) is { Length: > 0 } d ? d.Replace('\\', '/') : ".";

    /// <summary>Copies one file when the copy is missing or differs in size or time; null when the original is missing, false when the copy was current.</summary>
    private static bool? CopyFile(string from, string to)
    {
        var source = new FileInfo(from);
        if (!source.Exists)
        {
            return null;
        }

        var target = new FileInfo(to);
        if (target.Exists && target.Length == source.Length && target.LastWriteTimeUtc == source.LastWriteTimeUtc)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        File.SetLastWriteTimeUtc(to, source.LastWriteTimeUtc);
        return true;
    }

    /// <summary>Header files under the include directories, relative to the root, at most <see cref="MaximumSweptHeaders"/>.</summary>
    private static IEnumerable<string> SweptHeaders(string root, IEnumerable<string> directories)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories.Distinct(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(directory, root);
            if (!Directory.Exists(full) || !IsWithin(full, root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(full, "*", options).Where(IsHeader))
            {
                if (seen.Count >= MaximumSweptHeaders)
                {
                    yield break;
                }

                if (seen.Add(file))
                {
                    yield return Path.GetRelativePath(root, file).Replace('\\', '/');
                }
            }
        }
    }

    /// <summary>The manifest without its root statement (the copy is its root), with a comment saying where it came from.</summary>
    private static void WriteManifest(ImportedProject project, string path)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            var rootDropped = project.Files.Root is null;
            var first = true;
            foreach (var line in File.ReadLines(project.ManifestPath))
            {
                if (!rootDropped && line.StartsWith("root ", StringComparison.Ordinal))
                {
                    rootDropped = true;
                    continue;
                }

                writer.WriteLine(line);
                if (first)
                {
                    writer.WriteLine($"# the measuring copy toolkit scale --project made of {project.ManifestPath} (root {project.Root})");
                    first = false;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
