using Toolkit.Harness.Measuring;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>Small results in code for tests that need a particular shape of data.</summary>
internal sealed class ResultsBuilder
{
    private readonly List<ProjectRecord> _projects = [];
    private readonly List<RunRecord> _runs = [];
    private readonly List<PeerRecord> _peers = [];

    public ResultsBuilder Project(int sources, long nodes)
    {
        _projects.Add(new ProjectRecord(sources, nodes, nodes * 2, nodes / 10, nodes / 2, 0.1, false));
        return this;
    }

    /// <summary>One run per value of <paramref name="bytesPerNode"/>, with the matching load and null-build times.</summary>
    public ResultsBuilder Runs(string variant, int sources, double[] bytesPerNode, double load = 1.0, double nullBuild = 1.0, long peakRss = 100_000_000)
    {
        var nodes = (int)_projects.Single(p => p.Sources == sources).Nodes;
        for (var i = 0; i < bytesPerNode.Length; i++)
        {
            var jitter = 1 + (0.001 * i);
            _runs.Add(new RunRecord(sources, variant, i, _runs.Count, new FootprintRecord
            {
                Variant = variant,
                Nodes = nodes,
                Edges = nodes * 2,
                RetainedBytesAfterLoad = (long)(bytesPerNode[i] * nodes * 0.9),
                RetainedBytesAfterBuild = (long)(bytesPerNode[i] * nodes),
                BytesPerNode = bytesPerNode[i],
                BytesPerNodeAfterLoad = bytesPerNode[i] * 0.9,
                AllocatedBytes = nodes * 3000L,
                PeakRssBytes = (long)(peakRss * jitter),
                RssBytes = peakRss,
                Gen0Collections = 3,
                Gen1Collections = 1,
                Gen2Collections = 1,
                GcPauseSeconds = 0.01,
                LoadSeconds = load * jitter,
                BuildSeconds = 0.5,
                ActionsRun = 10,
                NullBuildSeconds = nullBuild * jitter,
                DryRun = true,
            }));
        }

        return this;
    }

    public ResultsBuilder Peer(string tool, int sources, long peakRss, double seconds)
    {
        _peers.Add(new PeerRecord(tool, sources, tool + " -n", null, [new PeerRun(peakRss, seconds), new PeerRun(peakRss + 1000, seconds * 1.01), new PeerRun(peakRss - 1000, seconds * 0.99)]));
        return this;
    }

    public ResultsBuilder SkippedPeer(string tool, int sources, string reason)
    {
        _peers.Add(new PeerRecord(tool, sources, tool + " -n", reason, []));
        return this;
    }

    public ScaleResults Build() => new()
    {
        SchemaVersion = ScaleResults.CurrentSchemaVersion,
        CreatedUtc = "2026-01-01T00:00:00Z",
        Toolkit = new ToolkitInfo("0.0.0", "0000000"),
        Machine = new MachineInfo("test cpu", 2, 1L << 34, "test os", "10.0.0"),
        Options = new ScaleOptionsRecord("c-libraries", 1, _projects.Select(p => p.Sources).ToArray(), _runs.Select(r => r.Variant).Distinct().ToArray(), 3, "auto", true),
        Projects = _projects,
        Runs = _runs,
        Peers = _peers,
    };
}
