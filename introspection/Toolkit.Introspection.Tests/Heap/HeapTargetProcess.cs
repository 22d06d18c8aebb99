using System.Diagnostics;

namespace Toolkit.Introspection.Tests.Heap;

/// <summary>Runs the heap test target (dotnet exec), waits for its READY line, and kills it on dispose.</summary>
public sealed class HeapTargetProcess : IDisposable
{
    // Generous: the target starts in well under a second; a slow CI machine gets room.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    public HeapTargetProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(TargetPath());
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the heap target");
        try
        {
            var line = _process.StandardOutput.ReadLineAsync().WaitAsync(ReadyTimeout).GetAwaiter().GetResult();
            if (line is null || !line.StartsWith("READY", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"heap target did not get ready: '{line}'");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Id => _process.Id;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The target's dll, built beside this test project in the same configuration.</summary>
    public static string TargetPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string tfm = here.Name;
        string configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "TestTargets", "Toolkit.HeapTarget", "bin", configuration, tfm, "Toolkit.HeapTarget.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("Toolkit.HeapTarget.dll not found beside the tests; build the test project");
    }
}
