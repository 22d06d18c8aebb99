namespace Toolkit.Introspection.Tests.Heap;

/// <summary>A temporary directory deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Info = Directory.CreateTempSubdirectory("heap-test-");
    }

    public DirectoryInfo Info { get; }

    public string File(string name) => Path.Combine(Info.FullName, name);

    public void Dispose() => Info.Delete(recursive: true);
}
