namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>A temporary folder for a test's own small MSBuild tree (removed at the end).</summary>
public sealed class SmallTrees : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("toolkit-msbuild-small-").FullName;

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string SdkProject(string relative, string sdk, string references = "") =>
        Write(relative, $"""<Project Sdk="{sdk}"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup>{references}</ItemGroup></Project>""");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
