using System.Text;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Writes <c>generated.files</c>: every file the generator writes into a project, and every file a
/// build of the build descriptions it wrote may add (objects, libraries, the program, the tools'
/// state files), directory by directory, so that a later generation deletes exactly those
/// (<see cref="OutputDirectory"/>) and nothing a user put there. Format (line-based, like the manifest):
/// <code>
/// toolkit-generated-files 1
/// dir .            the root's files, listed first
///   toolkit.manifest
/// claim lib_x_0    written and flushed before lib_x_0 is created: the directory is the generator's
/// dir lib_x_0      its complete list, once its files are written
///   a_0.c
/// end              the listing is complete
/// </code>
/// An interrupted generation leaves claims without lists; the directories they name were created by
/// it (the output directory was empty or cleared first), so they are the generator's whole.
/// Cost: about one line of 20 bytes per file, streamed; nothing is held.
/// </summary>
internal sealed class GeneratedFilesWriter : IDisposable
{
    /// <summary>The listing's file name in the project root.</summary>
    public const string FileName = ProjectGenerator.ListingFileName;

    /// <summary>The first line: format and version.</summary>
    public const string Header = "toolkit-generated-files 1";

    /// <summary>
    /// Files the peers' tools keep in the root after building the descriptions the generator
    /// wrote (ninja's log and deps log, SCons's signature file); the engine's own are
    /// <see cref="Toolkit.Engine.FileSystem.EngineFiles"/>.
    /// </summary>
    public static readonly string[] ToolStateFiles = [".ninja_log", ".ninja_deps", ".sconsign.dblite"];

    private readonly StreamWriter _writer;

    /// <summary>Creates the listing in <paramref name="root"/> with the root's files, and flushes it.</summary>
    public GeneratedFilesWriter(string root, IEnumerable<string> rootFiles)
    {
        _writer = new StreamWriter(Path.Combine(root, FileName), append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        _writer.Write(Header);
        _writer.Write("\n# what toolkit generate wrote here and what a build of it writes; the next toolkit generate into this folder deletes these and nothing else\n");
        Group(".", [FileName, GeneratedProjectStamp.FileName, .. rootFiles, .. ToolStateFiles]);
        _writer.Flush();
    }

    /// <summary>Claims a directory before it is created (flushed at once, so the claim survives a kill).</summary>
    public void Claim(string directory)
    {
        _writer.Write("claim ");
        _writer.Write(directory);
        _writer.Write('\n');
        _writer.Flush();
    }

    /// <summary>Lists the shared headers' directory.</summary>
    public void Shared(IReadOnlyList<HeaderPlan> headers) =>
        Group(ProjectPlan.SharedDirectory, headers.Select(h => NameIn(ProjectPlan.SharedDirectory, h.Path)));

    /// <summary>Lists a source directory: headers, sources, objects and library.</summary>
    public void Directory(DirectoryPlan directory)
    {
        var names = new List<string>(directory.Headers.Count + (2 * directory.Sources.Count) + 1);
        names.AddRange(directory.Headers.Select(h => NameIn(directory.Name, h.Path)));
        foreach (var source in directory.Sources)
        {
            names.Add(NameIn(directory.Name, source.Path));
            names.Add(NameIn(directory.Name, source.ObjectPath));
        }

        if (directory.LibraryPath is { } library)
        {
            names.Add(NameIn(directory.Name, library));
        }

        Group(directory.Name, names);
    }

    /// <summary>Lists bin/: main.c, its object and the program.</summary>
    public void Program(ProgramPlan program) =>
        Group(ProjectPlan.BinDirectory, [program.MainPath, program.MainObjectPath, program.ProgramPath], ProjectPlan.BinDirectory);

    /// <summary>Marks the listing complete.</summary>
    public void End()
    {
        _writer.Write("end\n");
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void Group(string directory, IEnumerable<string> names, string? stripDirectory = null)
    {
        _writer.Write("dir ");
        _writer.Write(directory);
        _writer.Write('\n');
        foreach (var name in names)
        {
            _writer.Write("  ");
            _writer.Write(stripDirectory is null ? name : NameIn(stripDirectory, name));
            _writer.Write('\n');
        }
    }

    private static string NameIn(string directory, string path) =>
        path.StartsWith(directory + "/", StringComparison.Ordinal) && path.IndexOf('/', directory.Length + 1) < 0
            ? path[(directory.Length + 1)..]
            : throw new InvalidOperationException($"the plan put '{path}' outside its directory '{directory}'");
}
