using System.Runtime.CompilerServices;
using System.Text;
using Toolkit.Introspection.Sizing;
using Toolkit.Introspection.Tracking;

namespace Toolkit.SizerTarget;

/// <summary>
/// With no arguments: holds the specimens in one object[] root, prints the sizer's view (per root element:
/// shallow, deep and object count; per reachable object: address and shallow size), then waits to be
/// inspected. A no-GC region keeps addresses fixed between printing and the inspector's snapshot.
/// "analyze FILE [HTML]": loads saved tracker stats in this other process and prints the console report.
/// "demo OUT.json OUT.html": a build-like run under the tracker, to look at the reports.
/// "expect-dead": leaks an object through a static event and one through a static cache, and prints what ExpectDead finds.
/// "figures": measures the tracker's overhead, snapshot time and the sizer's speed.
/// </summary>
internal static unsafe class Program
{
    /// <summary>Enough for the walk's scratch and the output; the no-GC region must not run out.</summary>
    private const long NoGcBudget = 64L * 1024 * 1024;

    /// <summary>Root elements whose field layout is printed: node, executor, boxed structs, generic pairs, a dictionary, a list.</summary>
    private static readonly int[] LayoutChecked = [0, 4, 6, 7, 38, 39, 40, 43, 45];

    public static object[] Root = [];

    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            return args[0] switch
            {
                "analyze" when args.Length >= 2 => Analyzer.Run(args[1], args.Length > 2 ? args[2] : null),
                "demo" when args.Length >= 3 => Demo.Run(args[1], args[2]),
                "expect-dead" => Leaks.Run(),
                "figures" => Figures.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
                "bigstats" when args.Length >= 4 => BigStats(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : TrackerStats.CurrentFormatVersion),
                _ => Usage(),
            };
        }

        return RunSpecimens();
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Toolkit.SizerTarget [analyze STATS.json [OUT.html] | demo OUT.json OUT.html | expect-dead | figures [NODES] | bigstats OUT.json INSTANCES SNAPSHOTS [VERSION]]");
        return 2;
    }

    /// <summary>Writes synthetic stats of a chosen size (version 1 readable by older readers), for measuring the reader.</summary>
    private static int BigStats(string path, int instances, int snapshots, int version)
    {
        SyntheticStats.Build(instances, snapshots, version).Save(path);
        Console.WriteLine($"{path}: {new FileInfo(path).Length:N0} bytes, {instances:N0} instances, {snapshots} snapshots, formatVersion {version}");
        return 0;
    }

    private static int RunSpecimens()
    {
        Root = Specimens.Build();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        bool noGc = GC.TryStartNoGCRegion(NoGcBudget);

        var output = new StringBuilder(1 << 20);
        output.Append("NOGC ").Append(noGc ? 1 : 0).Append('\n');
        output.Append("ROOT ").Append(AddressOf(Root)).Append(' ').Append(Root.Length).Append('\n');
        for (int i = 0; i < Root.Length; i++)
        {
            var r = ObjectSizer.Measure(Root[i]);
            output.Append("R ").Append(i).Append(' ').Append(ObjectSizer.ShallowSize(Root[i])).Append(' ')
                .Append(r.TotalBytes).Append(' ').Append(r.ObjectCount).Append(' ').Append(Root[i].GetType().FullName).Append('\n');
        }

        // Field layouts of classes, boxed structs, generics and a BCL collection, for ClrMD to check.
        foreach (int i in LayoutChecked)
        {
            var layout = TypeLayout.Of(Root[i].GetType());
            foreach (var f in layout.Fields)
            {
                output.Append("F ").Append(i).Append(' ').Append(f.Name).Append(' ').Append(f.Offset - layout.DataStart).Append('\n');
            }
        }

        var all = ObjectSizer.Measure(Root, new DeepSizeOptions
        {
            Visit = (o, size) => output.Append("O ").Append(AddressOf(o)).Append(' ').Append(size).Append(' ').Append(ObjectSizer.UnalignedSize(o)).Append('\n'),
        });
        output.Append("DEEP ").Append(all.TotalBytes).Append(' ').Append(all.ObjectCount).Append('\n');
        output.Append("READY\n");
        Console.Out.Write(output.ToString());
        Console.Out.Flush();
        Console.In.ReadLine();
        GC.KeepAlive(Root);
        return 0;
    }

    private static long AddressOf(object o) => (long)*(IntPtr*)Unsafe.AsPointer(ref o);
}
