using Toolkit.Harness.Results;

namespace Toolkit.Harness.Scaling;

/// <summary>The whole-process runs of a scale run as they come, grouped into <see cref="ProcessRecord"/>s in first-seen order.</summary>
public sealed class ProcessLog
{
    private readonly List<(string Tool, string? Variant, int Sources, int LargeFiles, string Operation)> _order = [];
    private readonly Dictionary<(string, string?, int, int, string), (string Command, string? Skipped, List<ProcessRun> Runs)> _records = [];

    /// <summary>Adds one run of <paramref name="tool"/> (variant <paramref name="variant"/>) doing <paramref name="operation"/>.</summary>
    public void Add(string tool, string? variant, int sources, int largeFiles, string operation, string command, ProcessRun run)
    {
        Entry(tool, variant, sources, largeFiles, operation, command).Runs.Add(run);
    }

    /// <summary>Records that <paramref name="tool"/> could not run <paramref name="operation"/> at the point, with the reason; runs so far are kept.</summary>
    public void Skip(string tool, string? variant, int sources, int largeFiles, string operation, string command, string reason)
    {
        var key = (tool, variant, sources, largeFiles, operation);
        var entry = Entry(tool, variant, sources, largeFiles, operation, command);
        _records[key] = entry with { Skipped = entry.Skipped ?? reason };
    }

    /// <summary>Whether <paramref name="tool"/> was skipped at the point in one of <paramref name="operations"/> (after a failure, it is not run there again).</summary>
    public bool IsSkipped(string tool, string? variant, int sources, int largeFiles, IReadOnlyList<string> operations) =>
        operations.Any(op => _records.TryGetValue((tool, variant, sources, largeFiles, op), out var e) && e.Skipped is not null);

    /// <summary>The records, in first-seen order.</summary>
    public IReadOnlyList<ProcessRecord> Records() =>
        _order.Select(k => (Key: k, Value: _records[k]))
            .Select(e => new ProcessRecord(e.Key.Tool, e.Key.Variant, e.Key.Sources, e.Key.LargeFiles, e.Key.Operation, e.Value.Command, e.Value.Skipped, e.Value.Runs))
            .ToArray();

    private (string Command, string? Skipped, List<ProcessRun> Runs) Entry(string tool, string? variant, int sources, int largeFiles, string operation, string command)
    {
        var key = (tool, variant, sources, largeFiles, operation);
        if (!_records.TryGetValue(key, out var entry))
        {
            entry = (command, null, []);
            _records[key] = entry;
            _order.Add(key);
        }

        return entry;
    }
}
