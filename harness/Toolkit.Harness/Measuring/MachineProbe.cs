using System.Runtime.InteropServices;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Measuring;

/// <summary>Describes this machine and this toolkit for a results file.</summary>
public static class MachineProbe
{
    /// <summary>CPU model, cores, memory, OS and .NET version.</summary>
    public static MachineInfo Describe()
    {
        var cpu = RuntimeInformation.ProcessArchitecture.ToString();
        if (File.Exists("/proc/cpuinfo"))
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                cpu = model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return new MachineInfo(cpu, System.Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, RuntimeInformation.OSDescription, System.Environment.Version.ToString());
    }

    /// <summary>The toolkit's version and the git commit it was built from (recorded at build time).</summary>
    public static ToolkitInfo Toolkit()
    {
        var (version, commit) = Commands.CommandRunner.VersionAndCommit();
        return new ToolkitInfo(version, commit);
    }
}
