namespace Toolkit.Engine.Tests.Scanning;

/// <summary>Finds gcc (or cc) on PATH for the tests that compare with the real compiler; null when there is none (they skip with a message).</summary>
internal static class CompilerOnPath
{
    public static string? Find()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "gcc", "cc" })
        {
            foreach (var directory in directories)
            {
                var candidate = Path.Join(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
