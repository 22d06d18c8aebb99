using Microsoft.Diagnostics.Runtime;
using Toolkit.Harness.Tests.Cli;
using Toolkit.Introspection.Heap;

namespace Toolkit.Harness.Tests.Introspecting;

/// <summary>
/// A snapshot of a real process, the engine after a build: the heap file made from its core dump has
/// exactly the per-type counts and sizes of ClrMD's own enumeration of the same dump.
/// </summary>
public sealed class EngineDumpTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-dump-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_engines_heap_file_equals_ClrMDs_enumeration_of_the_same_dump()
    {
        var project = Path.Join(_temp, "p");
        Assert.Equal(0, ToolkitProcess.Run(_temp, "generate", "--sources", "30", "--out", project).ExitCode);
        var core = Path.Join(_temp, "engine.core");
        var (code, output, error) = ToolkitProcess.Run(_temp, "build", project, "-s", "--core-dump", core);
        Assert.True(code == 0, error + output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(core));
        }

        var heap = HeapSnapshot.CaptureDump(core, Path.Join(_temp, "engine.heap"));
        var graph = HeapGraph.Load(heap.Path);
        var ours = HeapQueries.Summarize(graph).Rows.ToDictionary(r => r.Kind, r => (r.Count, r.Size), StringComparer.Ordinal);

        var clrmd = new Dictionary<string, (long Count, long Size)>(StringComparer.Ordinal);
        using (var target = DataTarget.LoadDump(core))
        {
            using var runtime = HeapSnapshot.CreateRuntime(target.ClrVersions[0]);
            foreach (var obj in runtime.Heap.EnumerateObjects())
            {
                if (obj.Type is null || obj.IsFree)
                {
                    continue;
                }

                var name = obj.Type.Name ?? $"<unknown type 0x{obj.Type.MethodTable:x}>";
                var seen = clrmd.GetValueOrDefault(name);
                clrmd[name] = (seen.Count + 1, seen.Size + (long)obj.Size);
            }
        }

        Assert.Equal(clrmd.OrderBy(kv => kv.Key, StringComparer.Ordinal), ours.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.True(ours.TryGetValue("Toolkit.Engine.Graph.Baseline.BaselineNode", out var nodes) && nodes.Count > 60, "the engine's nodes are in the dump");
    }
}
