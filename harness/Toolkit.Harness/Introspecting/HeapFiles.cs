using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Terminal;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Introspecting;

/// <summary>
/// What the heap verbs share: loading a heap file with a progress bar (big files take seconds),
/// the optional noise reduction, and printing a report as text or JSON.
/// </summary>
public static class HeapFiles
{
    /// <summary>JSON for heap reports: camelCase, indented, enums as names.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Loads <paramref name="file"/>, then reduces it as asked (folding collection arrays into their owners, cutting
    /// infrastructure edges, leaving out what no root reaches): one new graph when anything changes, none otherwise.</summary>
    public static HeapGraph Load(FileInfo file, HeapReduceOptions reductions, HeapStepStats? stats = null)
    {
        if (!file.Exists)
        {
            throw new UsageException($"heap file not found: {file.FullName}");
        }

        if (RegularFile.WhyNot(file.FullName) is { } why)
        {
            throw new UsageException($"{file.FullName}: {why}"); // a FIFO would block the reader for ever
        }

        stats ??= new HeapStepStats(false);
        var graph = stats.Step("load", () => Output.WithProgress("loading " + file.Name, report => HeapGraph.Load(file.FullName, new Progress(report))), g => g);
        Release();
        if (!reductions.FoldCollectionInternals && !reductions.CutInfrastructureEdges)
        {
            return reductions.DropUnreachable ? graph.WithoutUnreachable() : graph; // a view: no copy
        }

        // The loaded graph is held only by this box while reducing, so the collection after it frees it (a captured local may live on).
        var box = new StrongBox<HeapGraph?>(graph);
        graph = null!;
        var reduced = stats.Step("reduce", () => Output.WithProgress("reducing", report =>
        {
            var result = HeapGraphReducer.ReduceConsuming(box.Value!, reductions);
            box.Value = null;
            report(1, 1);
            return result;
        }), g => g);
        Release();
        return reduced;
    }

    // What loading and reducing leave behind (the file's raw references, the grown buffers, the graph reduced from) is garbage
    // of large arrays: one full compacting collection returns it before the next step allocates, instead of the peak holding both.
    private static void Release() => FreedMemory.Collect();

    /// <summary>Prints <paramref name="report"/> as text, or as one JSON document.</summary>
    public static int Print(IHeapReport report, bool json)
    {
        Output.Line(json ? JsonSerializer.Serialize(report, report.GetType(), Json) : report.ToText().TrimEnd('\n'));
        return 0;
    }

    /// <summary>Runs a query that takes an address; an address with no object says why it may be missing.</summary>
    public static T AtAddress<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (HeapQueryException e)
        {
            throw new UsageException(e.Message + " (an array folded into its collection is not an object of its own: pass --no-fold-collections;"
                + " garbage is left out unless --include-unreachable)");
        }
    }

    private sealed class Progress(Action<long, long> report) : IProgress<HeapLoadProgress>
    {
        public void Report(HeapLoadProgress value) => report(value.Done, value.Total);
    }
}
