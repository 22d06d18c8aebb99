namespace Toolkit.Engine.Manifest;

/// <summary>
/// Where each build statement of a loaded manifest is: executor id -> 1-based line, so that an
/// error found after loading (a missing source, an undefined variable, a cycle) names the manifest
/// line as a read error does. Cost: 4 bytes per executor, in one array trimmed after loading.
/// </summary>
public sealed class ManifestLines
{
    private int[] _lines = new int[16];
    private int _count;

    /// <summary>Creates an empty table for a manifest file.</summary>
    public ManifestLines(string file)
    {
        File = file;
    }

    /// <summary>The manifest file.</summary>
    public string File { get; }

    /// <summary>The line of an executor's build statement, or 0 when unknown.</summary>
    public int OfExecutor(int executor) => (uint)executor < (uint)_count ? _lines[executor] : 0;

    /// <summary>"FILE:LINE" for an executor ("FILE" when its line is unknown), the prefix of an error about it.</summary>
    public string Where(int executor)
    {
        var line = OfExecutor(executor);
        return line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{line}") : File;
    }

    /// <summary>Records the line of the next executor (executors are numbered 0, 1, 2... as they are added).</summary>
    internal void Add(int executor, int line)
    {
        if (executor >= _lines.Length)
        {
            Array.Resize(ref _lines, Math.Max(executor + 1, _lines.Length * 2));
        }

        _lines[executor] = line;
        _count = Math.Max(_count, executor + 1);
    }

    /// <summary>Drops the growth slack once loading is done.</summary>
    internal void Trim()
    {
        if (_lines.Length != _count)
        {
            Array.Resize(ref _lines, _count);
        }
    }
}
