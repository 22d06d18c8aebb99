using System.Globalization;

namespace Toolkit.Introspection.Heap;

/// <summary>What /proc says of a process (Linux): its parent (a child cannot be attached to in place: see
/// <see cref="HeapCaptureMode.InPlace"/>), its tracer, the state of it or of one of its threads.</summary>
internal static class LinuxProcess
{
    /// <summary>True when <paramref name="processId"/>'s parent is this process; false when the process is gone, and off Linux,
    /// where it is not checked (untested: on macOS ClrMD's attach also waits for the stop with waitpid, so a child may hang there
    /// as on Linux, until <see cref="HeapCaptureOptions.AttachTimeout"/>).</summary>
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

    /// <summary>The process tracing <paramref name="processId"/>: 0 for none, -1 when unknown. /proc/PID/status's TracerPid is the
    /// tracing thread; its process is that thread's Tgid (another capture traces from a thread of its own).</summary>
    public static int TracerOf(int processId)
    {
        int thread = StatusField(processId, "TracerPid:");
        return thread > 0 ? StatusField(thread, "Tgid:") : thread;
    }

    private static int StatusField(int processId, string field)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return int.TryParse(line.AsSpan(field.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : -1;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, or not ours to read.
        }
        return -1;
    }

    /// <summary>The state letter of a stat file (/proc/PID/stat or /proc/PID/task/TID/stat: 'R', 'S', 'T' stopped, 't' in a
    /// tracing stop, 'Z' a zombie...), or '\0' when it cannot be read (gone) or is not of that form.</summary>
    public static char StateOf(string statPath)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return '\0';
        }
        int close = stat.LastIndexOf(')');
        return close >= 0 && close + 2 < stat.Length ? stat[close + 2] : '\0';
    }

    /// <summary>Gone, or a zombie waiting for its parent (a process killed while attached, or whose parent never reaps it).</summary>
    public static bool HasEnded(int processId) => StateOf($"/proc/{processId}/stat") is '\0' or 'Z' or 'X';

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
