using System.Globalization;

namespace Toolkit.Engine.FileSystem;

/// <summary>
/// The files the engine itself keeps in a project, and how its temporary files are named, in one
/// place: a manifest may not name any of them as an output, <c>clean</c> and the next build remove
/// stale temporary files by their name alone.
/// Every engine file in the project root starts with <see cref="Prefix"/> (<c>.toolkit.sigdb</c>,
/// <c>.toolkit.lock</c>, and any later one); a temporary file is <c>NAME.toolkit-tmp.PID.N</c>
/// beside the file NAME it will replace, so that it is recognisable, unique per writer, and tells
/// which process left it.
/// </summary>
public static class EngineFiles
{
    /// <summary>The start of the name of every file the engine keeps in the project root.</summary>
    public const string Prefix = ".toolkit.";

    /// <summary>What marks a temporary file; it never occurs in a name the engine did not make.</summary>
    public const string TemporaryMarker = ".toolkit-tmp.";

    private static long _sequence;

    /// <summary>True for a project-relative path the engine owns: a root file starting with <see cref="Prefix"/>, or a temporary file.</summary>
    public static bool IsReserved(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IsReserved(path.AsSpan());
    }

    /// <summary>As <see cref="IsReserved(string)"/>, for a path that is not a string yet (the manifest's tokens).</summary>
    public static bool IsReserved(ReadOnlySpan<char> path) =>
        (path.StartsWith(Prefix, StringComparison.Ordinal) && !path.Contains('/')) || path.IndexOf(TemporaryMarker, StringComparison.Ordinal) >= 0;

    /// <summary>True when a file name (or path) is one of the engine's temporary files.</summary>
    public static bool IsTemporary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Contains(TemporaryMarker, StringComparison.Ordinal);
    }

    /// <summary>A fresh temporary name beside <paramref name="path"/>: unique in this process, naming its id.</summary>
    public static string TemporaryFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sequence = Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{path}{TemporaryMarker}{Environment.ProcessId}.{sequence}");
    }

    /// <summary>The process that made a temporary file, or -1 when the name does not say.</summary>
    public static int WriterOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = path.LastIndexOf(TemporaryMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var rest = path.AsSpan(at + TemporaryMarker.Length);
        var dot = rest.IndexOf('.');
        return dot > 0 && int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : -1;
    }
}
