using Toolkit.Engine.FileSystem;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Makes the output directory of a generation ready: absent (created), empty, or an earlier
/// generated project, of which exactly the files its <c>generated.files</c> lists are deleted (a
/// project of generator version 1, which wrote no listing, is listed by planning it again from its
/// generated.json: version 2 writes the same files). Everything is checked before anything is
/// deleted; a file, a device, the file system root, a symbolic link or a folder holding anything
/// not listed is refused with one <see cref="GenerationException"/> naming it.
/// Memory: the names of one directory at a time, and the directory names.
/// </summary>
internal static class OutputDirectory
{
    /// <summary>Unexpected entries named in a refusal.</summary>
    private const int NamedInError = 3;

    /// <summary>Makes <paramref name="root"/> (an absolute path) empty or absent-and-created.</summary>
    public static void Prepare(string root, IReadOnlyList<string> rootFiles)
    {
        if (Path.GetPathRoot(root) == root)
        {
            throw Refuse(root, "is the root of the file system");
        }

        var (kind, _) = FileProbe.Probe(root);
        if (kind == FileKind.Missing)
        {
            Directory.CreateDirectory(root);
            return;
        }

        if (kind != FileKind.Directory)
        {
            throw Refuse(root, kind == FileKind.Regular ? "is a file, not a directory" : $"is {FileProbe.Describe(kind)}, not a directory");
        }

        if (!Directory.EnumerateFileSystemEntries(root).Any())
        {
            return;
        }

        var listing = Path.Combine(root, GeneratedFilesWriter.FileName);
        if (!File.Exists(listing) && !ListOldProject(root, rootFiles))
        {
            return;
        }

        // Three passes over the listing: the directories it names, a check of every one, then the
        // deletion; the root's own files last, the listing itself among them.
        var directories = new Dictionary<string, bool>(StringComparer.Ordinal);
        GeneratedFilesListing.Entry? rootEntry = null;
        foreach (var entry in GeneratedFilesListing.Read(listing))
        {
            directories[entry.Directory] = entry.Names is not null || directories.GetValueOrDefault(entry.Directory);
            rootEntry = entry.Directory == "." ? entry : rootEntry;
        }

        foreach (var entry in GeneratedFilesListing.Read(listing))
        {
            Check(root, entry, directories);
        }

        foreach (var entry in GeneratedFilesListing.Read(listing).Where(e => e.Directory != "."))
        {
            Delete(root, entry, directories);
        }

        if (rootEntry is not null)
        {
            Delete(root, rootEntry, directories);
        }

        foreach (var directory in directories.Keys.Where(d => d != "."))
        {
            var path = Path.Combine(root, directory);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
    }

    /// <summary>
    /// Without a listing: false when the folder holds nothing but a stamp (a generation killed before it
    /// listed anything); true after writing the listing of a version-1 project; a refusal otherwise.
    /// </summary>
    private static bool ListOldProject(string root, IReadOnlyList<string> rootFiles)
    {
        GeneratedProjectStamp? stamp;
        try
        {
            stamp = GeneratedProjectStamp.Read(root);
        }
        catch (InvalidDataException e)
        {
            throw Refuse(root, $"is not empty and its {GeneratedProjectStamp.FileName} is unreadable ({e.Message})");
        }

        if (stamp is null)
        {
            throw Refuse(root, $"is not empty and holds no {GeneratedProjectStamp.FileName}, so it is not a generated project");
        }

        if (Directory.EnumerateFileSystemEntries(root).All(e => Path.GetFileName(e) == GeneratedProjectStamp.FileName))
        {
            File.Delete(Path.Combine(root, GeneratedProjectStamp.FileName));
            return false;
        }

        if (stamp.GeneratorVersion != 1 || !stamp.Complete)
        {
            throw Refuse(root, $"holds a generated project without its {GeneratedFilesWriter.FileName} listing, so what the generator wrote there is unknown");
        }

        var options = new GeneratorOptions(stamp.Shape, stamp.Sources, stamp.Seed, root, stamp.LargeFiles, stamp.RealTools);
        var plan = ProjectPlan.Create(options);
        using var writer = new GeneratedFilesWriter(root, rootFiles);
        writer.Shared(plan.SharedHeaders);
        for (var d = 0; d < plan.DirectoryCount; d++)
        {
            writer.Directory(plan.PlanDirectory(d));
        }

        if (plan.PlanLargeDirectory() is { } large)
        {
            writer.Directory(large);
        }

        writer.Program(plan.PlanProgram());
        writer.End();
        return true;
    }

    private static void Check(string root, GeneratedFilesListing.Entry entry, Dictionary<string, bool> directories)
    {
        if (entry.Names is null && directories[entry.Directory])
        {
            return; // claimed, then listed: the list is checked
        }

        var path = entry.Directory == "." ? root : Path.Combine(root, entry.Directory);
        var info = new DirectoryInfo(path);
        if (!info.Exists)
        {
            return;
        }

        if (info.LinkTarget is not null)
        {
            throw Refuse(root, $"has '{entry.Directory}', a symbolic link where the generator made a directory");
        }

        var names = entry.Names is null ? null : new HashSet<string>(entry.Names, StringComparer.Ordinal);
        var unexpected = new List<string>();
        var count = 0;
        foreach (var child in info.EnumerateFileSystemInfos())
        {
            var name = child.Name;
            var expected = child is DirectoryInfo
                ? entry.Directory == "." && directories.ContainsKey(name) && child.LinkTarget is null
                : names is null || names.Contains(name) || EngineFiles.IsTemporary(name) || (entry.Directory == "." && EngineFiles.IsReserved(name));
            if (!expected)
            {
                count++;
                if (unexpected.Count < NamedInError)
                {
                    unexpected.Add(entry.Directory == "." ? name : entry.Directory + "/" + name);
                }
            }
        }

        if (count > 0)
        {
            throw Refuse(root, $"holds {count} {(count == 1 ? "entry" : "entries")} toolkit generate did not write ({string.Join(", ", unexpected.Select(u => $"'{u}'"))}{(count > unexpected.Count ? ", ..." : string.Empty)}) (move them away or choose another --out)");
        }
    }

    private static void Delete(string root, GeneratedFilesListing.Entry entry, Dictionary<string, bool> directories)
    {
        if (entry.Names is null && directories[entry.Directory])
        {
            return;
        }

        var path = entry.Directory == "." ? root : Path.Combine(root, entry.Directory);
        if (!Directory.Exists(path))
        {
            return;
        }

        var names = entry.Names is null ? null : new HashSet<string>(entry.Names, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(path))
        {
            var name = Path.GetFileName(file);
            if (names is null || names.Contains(name) || EngineFiles.IsTemporary(name) || (entry.Directory == "." && EngineFiles.IsReserved(name)))
            {
                File.Delete(file);
            }
        }
    }

    private static GenerationException Refuse(string root, string problem) =>
        new($"--out: {root} {problem}; nothing was deleted");
}
