namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "toolkit-gen-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The directory's path (not created until something writes to it).</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
