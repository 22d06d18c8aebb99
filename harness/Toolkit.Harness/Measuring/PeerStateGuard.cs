namespace Toolkit.Harness.Measuring;

/// <summary>
/// Keeps a peer's state files in the user's build directory as they were: a copy of each is saved before
/// the peer first runs there, and after every run a file that changed (size or time) is put back byte for
/// byte and one that appeared is removed. Without it, one peer's run changes what the next one finds:
/// samurai 1.9 rewrites ninja 1.11's <c>.ninja_log</c> (v5) as its own v7 even on a dry run, and ninja,
/// unable to read v7, then takes every output for dirty and runs the project's real compilers in the
/// user's tree, a full build that was recorded as a "null build". Saving costs one copy of each state
/// file (a large tree's <c>.ninja_deps</c> can be hundreds of MB) in <see cref="BackupDirectory"/>; a run
/// that changed nothing costs two stats per file.
/// </summary>
public sealed class PeerStateGuard
{
    private readonly string _directory;
    private readonly string[] _names;
    private readonly (bool Exists, long Length, DateTime WrittenUtc)[] _saved;

    private PeerStateGuard(string directory, string[] names, string backupDirectory, (bool, long, DateTime)[] saved)
    {
        _directory = directory;
        _names = names;
        BackupDirectory = backupDirectory;
        _saved = saved;
    }

    /// <summary>Where the saved copies are (a folder of the harness's own, never the user's tree).</summary>
    public string BackupDirectory { get; }

    /// <summary>Saves the state files <paramref name="names"/> of <paramref name="directory"/> into <paramref name="backupDirectory"/> (emptied first).</summary>
    public static PeerStateGuard Save(string directory, IReadOnlyList<string> names, string backupDirectory)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (System.IO.Directory.Exists(backupDirectory))
        {
            System.IO.Directory.Delete(backupDirectory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(backupDirectory);
        var saved = new (bool, long, DateTime)[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var file = new FileInfo(Path.Join(directory, names[i]));
            if (file.Exists)
            {
                file.CopyTo(Path.Join(backupDirectory, names[i]));
                saved[i] = (true, file.Length, file.LastWriteTimeUtc);
            }
        }

        return new PeerStateGuard(directory, [.. names], backupDirectory, saved);
    }

    /// <summary>Puts every state file back as it was saved; returns the names of those that had changed.</summary>
    public IReadOnlyList<string> Restore()
    {
        var changed = new List<string>();
        for (var i = 0; i < _names.Length; i++)
        {
            var path = Path.Join(_directory, _names[i]);
            var now = new FileInfo(path);
            var (exists, length, written) = _saved[i];
            if (!exists)
            {
                if (now.Exists)
                {
                    now.Delete();
                    changed.Add(_names[i]);
                }

                continue;
            }

            if (now.Exists && now.Length == length && now.LastWriteTimeUtc == written)
            {
                continue;
            }

            // Copied beside the file and renamed over it, so an interruption never leaves half a state file.
            var temporary = path + ".toolkit-restore";
            File.Copy(Path.Join(BackupDirectory, _names[i]), temporary, overwrite: true);
            File.SetLastWriteTimeUtc(temporary, written);
            File.Move(temporary, path, overwrite: true);
            changed.Add(_names[i]);
        }

        return changed;
    }
}
