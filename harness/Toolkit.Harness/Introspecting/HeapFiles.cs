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

    /// <summary>Loads <paramref name="file"/>, then reduces it as asked (folding collection arrays into their owners, cutting infrastructure edges).</summary>
    public static HeapGraph Load(FileInfo file, bool foldCollections, bool cutInfrastructure)
    {
        if (!file.Exists)
        {
            throw new UsageException($"heap file not found: {file.FullName}");
        }

        if (RegularFile.WhyNot(file.FullName) is { } why)
        {
            throw new UsageException($"{file.FullName}: {why}"); // a FIFO would block the reader for ever
        }

        var graph = Output.WithProgress("loading " + file.Name, report =>
            HeapGraph.Load(file.FullName, new Progress(report)));
        if (!foldCollections && !cutInfrastructure)
        {
            return graph;
        }

        return Output.WithProgress("reducing", report =>
        {
            var reduced = HeapGraphReducer.Reduce(graph, new HeapReduceOptions { FoldCollectionInternals = foldCollections, CutInfrastructureEdges = cutInfrastructure });
            report(1, 1);
            return reduced;
        });
    }

    /// <summary>Prints <paramref name="report"/> as text, or as one JSON document.</summary>
    public static int Print(IHeapReport report, bool json)
    {
        Output.Line(json ? JsonSerializer.Serialize(report, report.GetType(), Json) : report.ToText().TrimEnd('\n'));
        return 0;
    }

    /// <summary>Runs a query that takes an address; an address with no object becomes a usage error naming it.</summary>
    public static T AtAddress<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (ArgumentException e) when (e.ParamName == "address")
        {
            throw new UsageException(e.Message.Replace(" (Parameter 'address')", "", StringComparison.Ordinal)
                + " (an array folded into its collection is not an object of its own: pass --fold-collections false)");
        }
    }

    private sealed class Progress(Action<long, long> report) : IProgress<HeapLoadProgress>
    {
        public void Report(HeapLoadProgress value) => report(value.Done, value.Total);
    }
}
