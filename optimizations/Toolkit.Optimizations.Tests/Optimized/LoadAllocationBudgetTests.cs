using Toolkit.Engine.Build;
using Toolkit.Engine.Database;
using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Persistence;
using Toolkit.Engine.Signatures;
using Toolkit.SyntheticProjects.Generation;
using Xunit.Abstractions;

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
    /// <summary>The issue's budget for loading (issue 11): twice the ~142 bytes per node the optimized graph retains.</summary>
    public const double IssueBytesPerNode = 2 * 142;

    /// <summary>
    /// Reading the manifest into the store, the phase that meets the issue's budget, so its bound is that budget.
    /// Measured at 10k sources: ~165 bytes per node once the JIT has run (~195 in a test's first opens) since the
    /// store's edge logs append into fixed chunks instead of an array growing by half (before: ~200-230; before the
    /// load path stopped making a string per token and per directory lookup: 564). What is left is the store's arrays
    /// growing by half, the statements' token arena and the environments. Not tightened further: the first opens'
    /// spread (~30 bytes per node) is as large as what the chunks saved.
    /// </summary>
    public const double ReadBytesPerNode = IssueBytesPerNode;

    /// <summary>
    /// Reading the signature database and applying it: the file's bytes are read into one array (~40 bytes per
    /// entry, front-coded) and decoded straight into the store with no string or dictionary entry per path (before:
    /// ~250 bytes per entry for the path strings, the dictionary and the path of every node asked of the store). The
    /// store's info slots (48 bytes per node) are made here too, at the first info set, since the scan's completion no
    /// longer makes them (a tree with no database, a full build, makes them only when the build records a node): ~100.
    /// </summary>
    public const double DatabaseBytesPerNode = 64 + 48;

    /// <summary>
    /// Scanning a fresh tree (no dependency log yet, so every source and header is read and parsed) and encoding the
    /// log to write: ~385-390 bytes per node at 10k sources in a test (before this bound: ~545; before that ~920-1,025;
    /// before the scanner read into a buffer per thread and interned names: ~2,160). What went last: the log's record
    /// as a dictionary entry, a path string and a directive array per file (now a byte arena, ~10 bytes per file beside
    /// the path's bytes), the resolver's stat cache entry per source (a source's stamp is passed on, not remembered) and
    /// the array a source's parse made (it is parsed into a buffer per thread). Before those: an array of headers per
    /// source, an enumerator per mapping, the caches made again at each doubling, the weak cache's entry per source, the
    /// implicit edge log copied as it grew and the log's encoding through a dictionary. What is left: a path string
    /// per source (the scanner opens and stats by string), the headers' directive arrays and the stat and lookup
    /// caches, the store's completed tables (~116) and the record's bytes. The bound leaves a seventh, not for an
    /// array per file read or a cache that grows by copying.
    /// </summary>
    public const double ScanBytesPerNode = 450;

    /// <summary>
    /// The whole load, scan included: ~512-518 bytes per node at 10k sources in a test (read ~128, scan ~388, no
    /// database yet; before this bound: ~710; before that ~1,120-1,270; before the scanner's buffers and interning:
    /// ~2,400). The issue's target of twice the retained bytes (<see cref="IssueBytesPerNode"/>) is not met, by ~1.8x:
    /// what is left is listed at <see cref="ScanBytesPerNode"/>. The bound leaves a seventh and guards what the load
    /// path and the scanner removed.
    /// </summary>
    public const double LoadBytesPerNode = 600;

    /// <summary>
    /// A dry run's whole load (read-only: no log recorded or encoded) of a fully scanned tree, what
    /// <c>toolkit build -n --tree</c> allocates before it plans: ~430 bytes per node at 10k sources in a test (before
    /// this bound: ~595-625, before that ~860-900). The bound leaves a sixth.
    /// </summary>
    public const double DryRunLoadBytesPerNode = 500;

    private readonly GeneratedProject _project;
    private readonly ITestOutputHelper _output;

    public LoadAllocationBudgetTests(GeneratedProject project, ITestOutputHelper output)
    {
        _project = project;
        _output = output;
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
        _output.WriteLine($"bytes per node: read {perNode.Read:0}, scan {perNode.Scan:0}, database {perNode.Database:0}, total {perNode.Total:0}");
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

    [Fact]
    public void A_dry_runs_whole_load_stays_under_its_bound()
    {
        var settings = new OptimizedVariant().CreateSettings().WithReadOnly(true);
        Open(_project.Directory, settings); // the JIT and the runtime's first-use costs, outside the count
        var (_, perNode) = Open(_project.Directory, settings);
        _output.WriteLine($"dry run, bytes per node: read {perNode.Read:0}, scan {perNode.Scan:0}, database {perNode.Database:0}, total {perNode.Total:0}");
        Assert.True(perNode.Total <= DryRunLoadBytesPerNode, $"a dry run's load allocated {perNode.Total:0} bytes per node (read {perNode.Read:0}, scan {perNode.Scan:0}), more than the bound of {DryRunLoadBytesPerNode}");
    }

    /// <summary>
    /// A dry run's whole load as <c>toolkit build -n</c> opens it on a clean tree (<see cref="EngineSettings.ScanForDecisionsOnly"/>:
    /// no object has an output, so none is scanned and no scanner is made): ~277 bytes per node at 10k sources read and
    /// scanned, with no database (read ~174,
    /// the rest the store's completed tables and one stat per object; before the scan was skipped: ~595, see
    /// <see cref="DryRunLoadBytesPerNode"/>). Against the issue's budget, twice the graph's retained bytes, that is within
    /// <see cref="IssueBytesPerNode"/> (284) by 7 and over twice what this graph retains (~129 bytes per node, so 258) by 19.
    /// The bound leaves a seventh for the spread of a test's first opens, not for a scan or a string per object.
    /// </summary>
    public const double CleanDryRunLoadBytesPerNode = 320;

    [Fact]
    public void A_dry_run_of_a_clean_tree_loads_without_a_scan_within_its_bound()
    {
        var settings = new OptimizedVariant().CreateSettings().WithScanForDecisionsOnly(true);
        Open(_project.Directory, settings); // the JIT and the runtime's first-use costs, outside the count
        var (project, perNode) = Open(_project.Directory, settings);
        _output.WriteLine($"clean dry run, bytes per node: read {perNode.Read:0}, scan {perNode.Scan:0}, database {perNode.Database:0}, total {perNode.Total:0}");
        Assert.Null(project.Scanner);
        // Read and scan only: the class's tree may hold a database another test wrote (its phase has its own budget).
        var load = perNode.Read + perNode.Scan;
        Assert.True(load <= CleanDryRunLoadBytesPerNode, $"a clean tree's dry run allocated {load:0} bytes per node reading and scanning (read {perNode.Read:0}, scan {perNode.Scan:0}), more than the bound of {CleanDryRunLoadBytesPerNode}");
    }

    /// <summary>
    /// What the dependency log may add to a dry run's scan, per node, on a clean tree (no log yet): a dry run never
    /// writes the log, so its open records nothing and encodes nothing. Before the read-only open, the scan kept a
    /// dictionary entry per scanned file and encoded the next log (sorted copies, UTF-8 arrays, the payload):
    /// ~300 bytes per node more than without the log at 10k sources. The bound is a fifth of that: the least of three
    /// opens still moved by 20 B/node in the whole suite's run on an idle machine (441 with the log, 421 without, the
    /// log missing both times: the same work), where 16 failed it; a regression of the kind it guards against is far above.
    /// </summary>
    public const double DryRunLogBytesPerNode = 64;

    [Fact]
    public void A_dry_runs_open_allocates_nothing_for_a_log_it_will_not_write()
    {
        var settings = new OptimizedVariant().CreateSettings().WithReadOnly(true);
        Open(_project.Directory, settings.WithDependencyLog(false)); // the JIT and the runtime's first-use costs, outside both counts
        // The least of three opens each: the parallel scan's per-thread lists grow with how the batches fell to the
        // threads, which moves one open's scan by ~25 B/node on a loaded machine; the least is what the code needs.
        var (without, withoutScan) = LeastScan(settings.WithDependencyLog(false));
        var (with, withScan) = LeastScan(settings);
        Assert.Equal(CheckedFileStatus.Missing, with.DependencyLogStatus);
        Assert.Equal(without.Graph.Store.Count, with.Graph.Store.Count);
        var extra = withScan - withoutScan;
        Assert.True(extra <= DryRunLogBytesPerNode, $"the dry run's scan allocated {withScan:0} bytes per node with the log and {withoutScan:0} without (least of three opens each): {extra:0} more, over the bound of {DryRunLogBytesPerNode}");
    }

    private (Project Project, double Scan) LeastScan(EngineSettings settings)
    {
        var opens = Enumerable.Range(0, 3).Select(_ => Open(_project.Directory, settings)).ToList();
        return (opens[0].Project, opens.Min(o => o.PerNode.Scan));
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
        /// <summary>The project's size: the issue's smallest measured size.</summary>
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
