using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class TransitiveFrameworkTests : IDisposable
{
    private readonly SmallTrees _trees = new();

    [Fact]
    public void A_transitive_dependency_is_the_framework_nearest_to_the_referencing_node_not_to_the_project_it_came_through()
    {
        // App (net10.0) -> Middle (net8.0 only) -> Core (net10.0;net8.0): the SDK flows Core to App as a
        // ProjectReference of App's own, so App builds against Core's net10.0, Middle against its net8.0.
        _trees.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include="../Middle/Middle.csproj" /></ItemGroup></Project>""");
        _trees.Write("Middle/Middle.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include="../Core/Core.csproj" /></ItemGroup></Project>""");
        _trees.Write("Core/Core.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks></PropertyGroup></Project>""");

        var result = Importing.Run(new MsBuildImportOptions(Path.Combine(_trees.Directory, "App/App.csproj"), Path.Combine(_trees.Directory, "out")));
        var manifest = ParsedManifest.Read(result.ManifestPath);

        Assert.Empty(result.Failures);
        Assert.Equal(["App/App.csproj", "Core/bin/Debug/net10.0/Core.dll", "Middle/bin/Debug/net8.0/Middle.dll"], manifest.BuildOf("App/bin/Debug/net10.0/App.dll").Depends.Order(StringComparer.Ordinal));
        Assert.Equal(["Middle/Middle.csproj", "Core/bin/Debug/net8.0/Core.dll"], manifest.BuildOf("Middle/bin/Debug/net8.0/Middle.dll").Depends);
        Assert.Equal(IndependentGraph.Of(Path.Combine(_trees.Directory, "App/App.csproj")), result.Graph);
    }

    public void Dispose() => _trees.Dispose();
}
