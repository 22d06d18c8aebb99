using System.Diagnostics;

namespace Toolkit.Introspection.Tests.Sizing;

/// <summary>Starts the built Toolkit.SizerTarget, reads what it prints up to READY, and kills it on dispose.</summary>
internal sealed class SizerTargetProcess : IDisposable
{
    /// <summary>Generous: the target starts, builds a few dozen objects and prints; a hang must not block the suite forever.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    public SizerTargetProcess()
    {
        string dll = LocateTarget();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var lines = new List<string>();
        var read = Task.Run(() =>
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                if (line == "READY")
                {
                    return true;
                }

                lines.Add(line);
            }

            return false;
        });
        if (!read.Wait(StartTimeout) || !read.Result)
        {
            Dispose();
            throw new InvalidOperationException($"{dll} did not print READY; it printed {lines.Count} lines");
        }

        Lines = lines;
    }

    public int Pid => _process.Id;

    public IReadOnlyList<string> Lines { get; }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The target's dll in its own bin folder, same configuration as this test assembly.</summary>
    public static string LocateTarget()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory); // .../Toolkit.Introspection.Tests/bin/<Config>/<tfm>/
        string tfm = dir.Name;
        string config = dir.Parent!.Name;
        string introspection = dir.Parent.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(introspection, "TestTargets", "Toolkit.SizerTarget", "bin", config, tfm, "Toolkit.SizerTarget.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"test target not built: {dll} (the test project's ProjectReference should build it)", dll);
        }

        return dll;
    }
}
