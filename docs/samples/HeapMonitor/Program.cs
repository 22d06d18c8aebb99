namespace HeapMonitor;

/// <summary>Runs one sample: sizes (the sizer on a small graph) or analyze FILE (saved stats, in a process that never tracked anything).</summary>
internal static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["sizes"] => SizesSample.Run(),
        ["analyze", var file, ..] => AnalyzeSample.Run(file, args.Length > 2 ? args[2] : null),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: HeapMonitor sizes | analyze STATS.json [OUT_DIR]");
        return 2;
    }
}
