using System.Reflection;
using System.Security.Cryptography;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// The stand-in compiler, archiver and ranlib that every measured build runs (the project's own,
/// in Measuring/StandIns/, embedded in the toolkit): shell scripts that write the output named on
/// their command line and nothing else. A full build with them measures the build tool (deciding,
/// starting actions), not a compiler; the null build after it finds everything up to date. They are
/// written to a folder in the temporary directory named after their content hash, with mode 0755,
/// and that folder goes first on PATH for the measured process.
/// </summary>
public static class StandInTools
{
    /// <summary>The scripts, by the name they are called as.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cc", "ar", "ranlib"];

    /// <summary>The folder holding the scripts, written when missing or different.</summary>
    public static string Directory()
    {
        var scripts = Names.Select(name => (Name: name, Text: Read(name))).ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\0', scripts.Select(s => s.Name + "\0" + s.Text)))))[..16];
        var directory = Path.Join(Path.GetTempPath(), $"toolkit-stand-ins-{hash}");
        System.IO.Directory.CreateDirectory(directory);
        foreach (var (name, text) in scripts)
        {
            var path = Path.Join(directory, name);
            if (File.Exists(path) && File.ReadAllText(path) == text)
            {
                continue;
            }

            var temporary = path + ".tmp-" + Environment.ProcessId;
            File.WriteAllText(temporary, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            File.Move(temporary, path, overwrite: true);
        }

        return directory;
    }

    /// <summary>The text of the script <paramref name="name"/>.</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("stand-ins/" + name)
            ?? throw new InvalidOperationException($"the stand-in script '{name}' is not embedded in the toolkit (Measuring/StandIns/{name})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
