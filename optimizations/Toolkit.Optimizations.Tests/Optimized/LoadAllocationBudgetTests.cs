using Toolkit.Engine.Build;
using Toolkit.Engine.Database;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Signatures;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Optimizations.Tests.Optimized;

/// <summary>
/// The optimized variant's allocation budget for loading (issue 11): bytes allocated per node, garbage included,
/// by each phase of <see cref="Project.Open(string, EngineSettings, IBuildReporter)"/> on a generated project of
/// 10k sources (21k nodes) read from disk as the CLI reads it. Ratios of counts, never times. The phases are
/// counted by <see cref="Project.LoadAllocation"/> over every thread (the scan is parallel), so these tests run
/// alone (<see cref="LoadAllocationCollection"/>): another test allocating meanwhile would be counted too.
/// </summary>
[Collection(LoadAllocationCollection.Name)]
public sealed class LoadAllocationBudgetTests : IClassFixture<LoadAllocationBudgetTests.GeneratedProject>
{
    /// <summary>
    /// Reading the manifest into the store: the retained graph is ~142 bytes per node, and the budget for
    /// loading is twice that. Measured at 10k sources after the load path stopped making a string per token and per
    /// directory lookup: ~120 bytes per node (the store's arrays growing by half, the statements' token arena, the
    /// environments); before it: 564. The bound leaves room for the growth pattern, not for a string per path.
    /// </summary>
    public const double ReadBytesPerNode = 2 * 142;

    /// <summary>
    /// Reading the signature database and applying it: the file's bytes are read into one array (~40 bytes per
    /// entry, front-coded) and decoded straight into the store with no string or dictionary entry per path (before:
    /// ~250 bytes per entry for the path strings, the dictionary and the path of every node asked of the store).
    /// </summary>
    public const double DatabaseBytesPerNode = 64;

    /// <summary>
    /// Scanning a fresh tree (no dependency log yet, so every source and header is read and parsed) and encoding the
    /// log to write: ~1,025 bytes per node at 10k sources since the scanner reads into a buffer per thread, interns
    /// header names and directories, and stats without a <see cref="FileInfo"/> (before: ~2,160). Of that, ~780 is
    /// the scan itself (`toolkit footprint --no-deps-log`: the directive and header arrays, the caches' entries, the
    /// graph's header nodes) and ~245 the new log's encoding. The bound leaves a fifth for the store's growth
    /// pattern, not for an array or a string per file read.
    /// </summary>
    public const double ScanBytesPerNode = 1_250;

    /// <summary>
    /// The whole load, scan included: ~1,270 bytes per node at 10k sources (read ~240, scan ~1,025, no database yet;
    /// before the scanner's buffers and interning: ~2,400). The target of twice the retained bytes (~284) is
    /// not met: what is left is the scan's directive and header arrays, its caches' entries and the dependency log's
    /// encoding (see <see cref="ScanBytesPerNode"/>). The bound guards what the load path and the scanner removed.
    /// </summary>
    public const double LoadBytesPerNode = 1_600;

    private readonly GeneratedProject _project;

    public LoadAllocationBudgetTests(GeneratedProject project)
    {
        _project = project;
    }

    [Fact]
    public void Reading_the_manifest_allocates_at_most_twice_what_the_graph_retains()
    {
        var (project, perNode) = Open(_project.Directory);
        Assert.True(project.Graph.Store.Count > 20_000, $"the project has {project.Graph.Store.Count} nodes");
        Assert.True(perNode.Read <= ReadBytesPerNode, $"reading the manifest allocated {perNode.Read:0} bytes per node, more than the budget of {ReadBytesPerNode}");
    }

    [Fact]
    public void Scanning_a_fresh_tree_allocates_no_array_or_string_per_file_read()
    {
        var (project, perNode) = Open(_project.Directory);
        Assert.Equal(0, project.FilesFromDependencyLog);
        Assert.True(project.FilesParsed > GeneratedProject.Sources, $"{project.FilesParsed} files parsed");
        Assert.True(perNode.Scan <= ScanBytesPerNode, $"scanning allocated {perNode.Scan:0} bytes per node, more than the budget of {ScanBytesPerNode}");
    }

    [Fact]
    public void Loading_with_its_scan_stays_under_its_bound()
    {
        var (_, perNode) = Open(_project.Directory);
        Assert.True(perNode.Total <= LoadBytesPerNode, $"loading allocated {perNode.Total:0} bytes per node (read {perNode.Read:0}, scan {perNode.Scan:0}, database {perNode.Database:0}), more than the bound of {LoadBytesPerNode}");
    }

    [Fact]
    public void Applying_the_signature_database_allocates_no_string_per_entry()
    {
        var (project, _) = Open(_project.Directory);
        var written = WriteDatabase(project);
        var (again, perNode) = Open(_project.Directory);
        Assert.Equal(CheckedFileStatus.Ok, again.DatabaseStatus);
        Assert.True(written > 20_000, $"the database has {written} entries");
        Assert.True(perNode.Database <= DatabaseBytesPerNode, $"applying the database allocated {perNode.Database:0} bytes per node, more than the budget of {DatabaseBytesPerNode}");
        var database = SignatureDatabase.Load(again.FileSystem, Project.DatabaseFileName).Database;
        for (var node = 0; node < again.Graph.Store.Count; node++)
        {
            Assert.Equal(database.Get(again.Graph.Store.GetPath(node)), again.Graph.Store.GetStoredInfo(node));
        }
    }

    /// <summary>
    /// What the dependency log may add to a dry run's scan, per node, on a clean tree (no log yet): a dry run never
    /// writes the log, so its open records nothing and encodes nothing. Before the read-only open, the scan kept a
    /// dictionary entry per scanned file and encoded the next log (sorted copies, UTF-8 arrays, the payload):
    /// ~300 bytes per node more than without the log at 10k sources.
    /// </summary>
    public const double DryRunLogBytesPerNode = 16;

    [Fact]
    public void A_dry_runs_open_allocates_nothing_for_a_log_it_will_not_write()
    {
        var settings = new OptimizedVariant().CreateSettings().WithReadOnly(true);
        Open(_project.Directory, settings.WithDependencyLog(false)); // the JIT and the runtime's first-use costs, outside both counts
        var (without, withoutPerNode) = Open(_project.Directory, settings.WithDependencyLog(false));
        var (with, withPerNode) = Open(_project.Directory, settings);
        Assert.Equal(CheckedFileStatus.Missing, with.DependencyLogStatus);
        Assert.Equal(without.Graph.Store.Count, with.Graph.Store.Count);
        var extra = withPerNode.Scan - withoutPerNode.Scan;
        Assert.True(extra <= DryRunLogBytesPerNode, $"the dry run's scan allocated {withPerNode.Scan:0} bytes per node with the log and {withoutPerNode.Scan:0} without: {extra:0} more, over the bound of {DryRunLogBytesPerNode}");
    }

    private static (Project Project, (double Read, double Scan, double Database, double Total) PerNode) Open(string directory) =>
        Open(directory, new OptimizedVariant().CreateSettings());

    private static (Project Project, (double Read, double Scan, double Database, double Total) PerNode) Open(string directory, EngineSettings settings)
    {
        var project = Project.Open(directory, settings, new NullBuildReporter { KeepCommands = false });
        var nodes = (double)project.Graph.Store.Count;
        var a = project.LoadAllocation;
        return (project, (a.ReadBytes / nodes, a.ScanBytes / nodes, a.DatabaseBytes / nodes, a.TotalBytes / nodes));
    }

    // A database as a build would leave it: a distinct record for every file node.
    private static int WriteDatabase(Project project)
    {
        var store = project.Graph.Store;
        var database = new SignatureDatabase();
        for (var node = 0; node < store.Count; node++)
        {
            if (store.GetKind(node) is not (NodeKind.Directory or NodeKind.Alias))
            {
                var signature = ContentSignature.FromBytes(BitConverter.GetBytes((long)node).Concat(new byte[8]).ToArray());
                database.Set(store.GetPath(node), new NodeInfo(signature, new FileStamp(node, node * 7L), signature));
            }
        }

        database.Save(project.FileSystem, Project.DatabaseFileName);
        return database.Count;
    }

    /// <summary>A c-libraries project of 10k sources on disk, generated once for the class and removed after it.</summary>
    public sealed class GeneratedProject : IDisposable
    {
        /// <summary>The project's size: the smallest measured size.</summary>
        public const int Sources = 10_000;

        public GeneratedProject()
        {
            Directory = Path.Join(Path.GetTempPath(), $"toolkit-load-budget-{Guid.NewGuid():N}");
            ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.CLibraries, Sources, 1, Directory));
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>Tests that count every thread's allocations: nothing else of this assembly runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadAllocationCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "load allocation (runs alone)";
}
