using System.Text;

namespace Toolkit.Engine.Actions;

/// <summary>
/// A command line written to a private script file, for <c>/bin/sh FILE</c> instead of <c>/bin/sh -c LINE</c>.
/// Linux takes at most 128 KiB in one argument (MAX_ARG_STRLEN) and refuses a longer one with E2BIG, so
/// the link line of a big project (10,000 static libraries at a million sources: about 250 KB) cannot be
/// the one argument of <c>-c</c>; from a script the shell passes each word as its own argument, and only
/// the whole argument list's limit (ARG_MAX, a quarter of the stack limit: 2 MiB by default) applies. The
/// shell runs a script exactly as it runs <c>-c</c> text, so short commands keep the cheaper <c>-c</c>.
/// Costs one small file in the temporary directory per long command, created owner-only and deleted when
/// the command ends (<see cref="Dispose"/>), whatever its outcome.
/// </summary>
internal sealed class LongCommandScript : IDisposable
{
    /// <summary>
    /// The longest command line passed as the argument of <c>-c</c>: MAX_ARG_STRLEN (32 pages of 4 KiB,
    /// counting the terminating NUL) less that NUL. Compared in UTF-8 bytes, as the kernel counts.
    /// </summary>
    internal const int MaxArgumentBytes = 32 * 4096 - 1;

    private LongCommandScript(string path) => Path = path;

    /// <summary>The script file.</summary>
    public string Path { get; }

    /// <summary>A script holding <paramref name="commandLine"/> when it is too long for <c>-c</c>; null otherwise.</summary>
    public static LongCommandScript? For(string commandLine)
    {
        if (commandLine.Length <= MaxArgumentBytes / 3 || Encoding.UTF8.GetByteCount(commandLine) <= MaxArgumentBytes)
        {
            return null;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"toolkit-command-{Environment.ProcessId}-{Guid.NewGuid():N}.sh");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new UTF8Encoding(false), options))
        {
            writer.Write(commandLine);
            writer.Write('\n');
        }

        return new LongCommandScript(path);
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(Path);
}
