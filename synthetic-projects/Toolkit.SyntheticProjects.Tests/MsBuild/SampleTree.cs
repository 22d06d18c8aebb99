using System.Collections.Concurrent;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// Writes a small repository of projects to a temporary folder, every case the importer must handle:
/// A -> B -> C is a transitive chain; C targets net10.0 and net8.0 and references E in net8.0 only
/// (and compiles Net8Only.cs there only); E targets net8.0 and netstandard2.0; D references a project
/// that does not exist; Broken is not XML; BadSdk names an SDK nobody can resolve; "Spaced Dir/Spaced
/// Proj" has spaces and non-ASCII in its paths; NoTarget defines no TargetPath; LocalSdk uses
/// Sdk="Toolkit.Local.Sdk/1.0.0", a package in the tree's own global packages folder (NuGet.config,
/// no feeds); Dup1 and Dup2 build the same TargetPath; a stray broken project under A/obj is skipped
/// by a folder import. Plus a .sln listing all the projects and a .slnx listing A only. Each input is
/// imported once per fixture and shared by every assertion.
/// </summary>
public sealed class SampleTree : IDisposable
{
    public const string SpacedProject = "Spaced Dir/Spaced Proj.csproj";

    private readonly ConcurrentDictionary<string, Lazy<MsBuildImportResult>> _imports = new();

    public SampleTree()
    {
        Directory = Path.Combine(Path.GetTempPath(), "toolkit-msbuild-" + Guid.NewGuid().ToString("N"));
        Repo = Path.Combine(Directory, "repo");
        Output = Path.Combine(Directory, "out");
        LocalPackages.WriteNuGetConfig(Repo, feed: null);
        LocalPackages.WriteSdk(Path.Combine(Repo, "packages"), "Toolkit.Local.Sdk", "1.0.0");
        Project("A/A.csproj", "<TargetFramework>net10.0</TargetFramework>", """<ProjectReference Include="..\B\B.csproj" />""", "A1", "A2");
        Project("B/B.csproj", "<TargetFramework>net10.0</TargetFramework>", """<ProjectReference Include="../C/C.csproj" />""", "B1", "B2");
        Project("C/C.csproj", "<TargetFrameworks>net10.0;net8.0</TargetFrameworks>", """
            <ProjectReference Include="../E/E.csproj" Condition="'$(TargetFramework)' == 'net8.0'" />
            <Compile Remove="Net8Only.cs" Condition="'$(TargetFramework)' != 'net8.0'" />
            """, "C1", "C2", "C3", "Net8Only");
        Project("E/E.csproj", "<TargetFrameworks>net8.0;netstandard2.0</TargetFrameworks>", "", "E1");
        Project("D/D.csproj", "<TargetFramework>net10.0</TargetFramework>", """<ProjectReference Include="..\Missing\Missing.csproj" />""", "D1");
        Project(SpacedProject, "<TargetFramework>net10.0</TargetFramework>", """<ProjectReference Include="../A/A.csproj" />""", "Has Space", "Ünïcødé");
        Project("LocalSdk/LocalSdk.csproj", "<TargetFramework>net10.0</TargetFramework>", "", "L1");
        Project("Dup1/Dup1.csproj", "<TargetFramework>net10.0</TargetFramework><OutputPath>../shared/</OutputPath><AssemblyName>Same</AssemblyName>", "", "X1");
        Project("Dup2/Dup2.csproj", "<TargetFramework>net10.0</TargetFramework><OutputPath>../shared/</OutputPath><AssemblyName>Same</AssemblyName>", "", "X2");
        WriteFile("LocalSdk/LocalSdk.csproj", File.ReadAllText(PathOf("LocalSdk/LocalSdk.csproj")).Replace("Microsoft.NET.Sdk", "Toolkit.Local.Sdk/1.0.0", StringComparison.Ordinal));
        WriteFile("NoTarget/NoTarget.csproj", """<Project><ItemGroup><ProjectReference Include="../B/B.csproj" /></ItemGroup><Target Name="Build" /></Project>""");
        WriteFile("Broken/Broken.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework>""");
        WriteFile("Broken/Broken.cs", "class Broken {}");
        WriteFile("BadSdk/BadSdk.csproj", """<Project Sdk="Toolkit.Missing.Sdk/1.0.0"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        WriteFile("A/obj/Stray/Stray.csproj", "not a project");
        WriteSolution("All.sln", "A/A.csproj", "B/B.csproj", "C/C.csproj", "D/D.csproj", "E/E.csproj", SpacedProject, "Broken/Broken.csproj", "BadSdk/BadSdk.csproj", "NoTarget/NoTarget.csproj", "LocalSdk/LocalSdk.csproj", "Dup1/Dup1.csproj", "Dup2/Dup2.csproj");
        WriteFile("OnlyA.slnx", """<Solution><Folder Name="/apps/"><Project Path="A/A.csproj" /></Folder></Solution>""");
    }

    public string Directory { get; }

    public string Repo { get; }

    public string Output { get; }

    public string PathOf(string relative) => Path.Combine(Repo, relative);

    /// <summary>Imports an input (relative to the repo; "" for the repo folder) once per fixture, into its own output folder.</summary>
    public MsBuildImportResult Import(string input) =>
        _imports.GetOrAdd(input, key => new Lazy<MsBuildImportResult>(() => Importing.Run(new MsBuildImportOptions(PathOf(key), OutputOf(key))))).Value;

    public string OutputOf(string input) => Path.Combine(Output, input.Length == 0 ? "folder" : input.Replace('/', '_'));

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

    private void Project(string path, string properties, string references, params string[] sources)
    {
        WriteFile(path, $"""
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
            WriteFile(Path.Combine(Path.GetDirectoryName(path)!, source + ".cs"), $"// {source}: a source of {path}\n");
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
            text.Append($"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{Path.GetFileNameWithoutExtension(project)}\", \"{project.Replace('/', '\\')}\", \"{{00000000-0000-0000-0000-{index:D12}}}\"\nEndProject\n");
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
