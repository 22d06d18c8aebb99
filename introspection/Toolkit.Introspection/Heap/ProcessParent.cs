using System.Globalization;

namespace Toolkit.Introspection.Heap;

/// <summary>Whether a process is a child of this one (Linux: the parent id in /proc/PID/stat). A child cannot be
/// attached to in place: see <see cref="HeapCaptureMode.InPlace"/>.</summary>
internal static class ProcessParent
{
    /// <summary>True when <paramref name="processId"/>'s parent is this process; false off Linux, where the watcher of
    /// child processes does not race an attach, or when the process is gone.</summary>
    public static bool IsChildOfThisProcess(int processId) =>
        OperatingSystem.IsLinux() && ParentOf(processId) == Environment.ProcessId;

    /// <summary>The parent id of <paramref name="processId"/>, or -1 when its stat cannot be read.</summary>
    public static int ParentOf(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
        return ParseParent(text);
    }

    /// <summary>The process tracing <paramref name="processId"/> (TracerPid in /proc/PID/status): 0 for none, -1 when unknown.</summary>
    public static int TracerOf(int processId)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("TracerPid:", StringComparison.Ordinal))
                {
                    return int.TryParse(line.AsSpan("TracerPid:".Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int tracer) ? tracer : -1;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, or not ours to read.
        }
        return -1;
    }

    /// <summary>The fourth field of a stat line ("pid (comm) state ppid ..."); the command name may hold spaces and
    /// parentheses, so fields are counted after its last ')'. -1 for a line that is not of that form.</summary>
    internal static int ParseParent(string stat)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return -1;
        }
        var fields = stat.AsSpan(close + 1).Trim();
        int space = fields.IndexOf(' ');
        if (space < 0)
        {
            return -1;
        }
        var rest = fields[(space + 1)..];
        int end = rest.IndexOf(' ');
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out int parent) ? parent : -1;
    }
}
