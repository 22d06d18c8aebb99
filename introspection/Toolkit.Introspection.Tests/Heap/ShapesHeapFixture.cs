using Toolkit.Introspection.Heap;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Captures the heap target in "shapes" mode once (by attaching to it) and loads the graph for the shape tests.</summary>
public sealed class ShapesHeapFixture : IDisposable
{
    public ShapesHeapFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("heap-shapes-");
        FilePath = Path.Combine(Directory.FullName, "shapes.heap");
        using (var target = new HeapTargetProcess("shapes"))
        {
            Capture = HeapSnapshot.CaptureProcess(target.Id, FilePath);
        }
        Graph = HeapGraph.Load(FilePath);
    }

    public DirectoryInfo Directory { get; }

    public string FilePath { get; }

    public HeapCaptureResult Capture { get; }

    public HeapGraph Graph { get; }

    public int[] OfType(string shortName)
    {
        string name = "Toolkit.HeapTarget." + shortName;
        return Enumerable.Range(0, Graph.ObjectCount).Where(id => Graph.TypeOf(id).Name == name).ToArray();
    }

    public void Dispose() => Directory.Delete(recursive: true);
}
