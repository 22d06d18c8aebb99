using System.Globalization;

namespace Toolkit.Harness.Measuring;

/// <summary>Reads the process's resident set from /proc (Linux); 0 where it cannot.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM), bytes.</summary>
    public static long PeakResidentBytes() => Read("VmHWM:");

    /// <summary>Current resident set size (VmRSS), bytes.</summary>
    public static long ResidentBytes() => Read("VmRSS:");

    private static long Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return System.Environment.WorkingSet;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
