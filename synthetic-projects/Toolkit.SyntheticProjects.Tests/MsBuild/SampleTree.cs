using System.Collections.Concurrent;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// Writes a small repository of SDK-style projects to a temporary folder: A references B
/// references C (C multi-targeted), D references a project that does not exist, Broken is not
/// XML, BadSdk names an SDK nobody can resolve, Spaced has a source file with a space in its
/// name, and a stray broken project under A/obj that a folder import must not see. Plus a .sln
/// listing all the projects at the top and a .slnx listing A only.
/// </summary>
public sealed class SampleTree : IDisposable
{
    private readonly ConcurrentDictionary<string, MsBuildImportResult> _imports = new();

    public SampleTree()
    {
        Directory = Path.Combine(Path.GetTempPath(), "toolkit-msbuild-" + Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Directory, "repo");
        Output = Path.Combine(Directory, "out");
        Project("A", """<TargetFramework>net10.0</TargetFramework>""", """<ProjectReference Include="..\B\B.csproj" />""", "A1", "A2");
        Project("B", """<TargetFramework>net10.0</TargetFramework>""", """<ProjectReference Include="../C/C.csproj" />""", "B1", "B2");
        Project("C", """<TargetFrameworks>net10.0;net8.0</TargetFrameworks>""", "", "C1", "C2", "C3");
        Project("D", """<TargetFramework>net10.0</TargetFramework>""", """<ProjectReference Include="..\Missing\Missing.csproj" />""", "D1");
        Project("Spaced", """<TargetFramework>net10.0</TargetFramework>""", "", "Has Space");
        WriteFile("Broken/Broken.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>""");
        WriteFile("Broken/Broken.cs", "class Broken {}");
        WriteFile("BadSdk/BadSdk.csproj", """<Project Sdk="Toolkit.Missing.Sdk/1.0.0"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        WriteFile("A/obj/Stray/Stray.csproj", "not a project");
        WriteSolution("All.sln", "A", "B", "C", "D", "Spaced", "Broken", "BadSdk");
        WriteFile("OnlyA.slnx", """<Solution><Folder Name="/apps/"><Project Path="A/A.csproj" /></Folder></Solution>""");
    }

    public string Directory { get; }

    public string Repo { get; }

    public string Output { get; }

    public string PathOf(string relative) => Path.Combine(Repo, relative);

    /// <summary>Imports an input (relative to the repo; "" for the repo folder) once per fixture, into its own output folder.</summary>
    public MsBuildImportResult Import(string input) =>
        _imports.GetOrAdd(input, key => Importing.Run(new MsBuildImportOptions(PathOf(key), Path.Combine(Output, key.Length == 0 ? "folder" : key.Replace('/', '_')))));

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

    private void Project(string name, string properties, string references, params string[] sources)
    {
        WriteFile($"{name}/{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        foreach (var source in sources)
        {
            WriteFile($"{name}/{source}.cs", $"// {source}: a source of {name}\n");
        }
    }

    private void WriteSolution(string fileName, params string[] projects)
    {
        var text = new System.Text.StringBuilder();
        text.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        var index = 0;
        foreach (var project in projects)
        {
            index++;
            text.Append($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{project}\", \"{project}\\{project}.csproj\", \"{{00000000-0000-0000-0000-{index:D12}}}\"\nEndProject\n");
        }

        text.Append("Global\nEndGlobal\n");
        WriteFile(fileName, text.ToString());
    }

    private void WriteFile(string relative, string text)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
