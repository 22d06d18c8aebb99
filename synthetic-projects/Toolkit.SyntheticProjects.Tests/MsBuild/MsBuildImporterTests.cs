using Xunit.Abstractions;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class MsBuildImporterTests(SampleTree tree, ITestOutputHelper output) : IClassFixture<SampleTree>
{
    private const string A = "A/bin/Debug/net10.0/A.dll";
    private const string B = "B/bin/Debug/net10.0/B.dll";
    private const string C10 = "C/bin/Debug/net10.0/C.dll";
    private const string C8 = "C/bin/Debug/net8.0/C.dll";
    private const string E8 = "E/bin/Debug/net8.0/E.dll";
    private const string Ens = "E/bin/Debug/netstandard2.0/E.dll";

    [Fact]
    public void Solution_import_counts_ProjectGraph_nodes_and_names_every_failure_with_its_reason()
    {
        var result = Show(tree.Import("All.sln"));

        // A, B, D, E's two frameworks, C's two, two outer builds, Spaced, NoTarget, LocalSdk, Dup1, Dup2.
        // Edges: A's tree has 11 direct and 9 transitive (see the A.csproj test); Spaced -> A and its 7
        // transitive ones; NoTarget -> B (not an SDK project: no transitive edges); D -> Missing is left out.
        Assert.Equal(new GraphFigures(Nodes: 14, OuterBuilds: 2, ProjectFiles: 10, DirectEdges: 13, TransitiveEdges: 16, FileEdges: 6 + 4 + 1, CompileItems: 19, FailedProjects: 3), result.Graph);
        AssertFailure(result, "Missing/Missing.csproj", "does not exist");
        AssertFailure(result, "Broken/Broken.csproj", "Broken.csproj");
        AssertFailure(result, "BadSdk/BadSdk.csproj", "Toolkit.Missing.Sdk");
        AssertFailure(result, "Dup2/Dup2.csproj", "shared/net10.0/Same.dll, already the output of " + tree.PathOf("Dup1/Dup1.csproj"));
        Assert.Equal(4, result.Failures.Count);
        Assert.Equal(13, result.Nodes); // every good node but Dup2
        Assert.DoesNotContain(result.Failures, f => f.ProjectPath.Contains("NoTarget", StringComparison.Ordinal) || f.ProjectPath.Contains("LocalSdk", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_import_equals_an_independent_ProjectGraph_of_the_same_entry()
    {
        var result = Show(tree.Import("A/A.csproj"));
        var independent = IndependentGraph.Of(tree.PathOf("A/A.csproj"));

        Assert.Empty(result.Failures);
        Assert.Equal(independent, result.Graph);
        // A, B, C (outer + net10.0 + net8.0), E (outer + net8.0 + netstandard2.0); every edge written once.
        Assert.Equal(new GraphFigures(8, 2, 4, 11, 9, 6, 2 + 2 + 3 + 4 + 1 + 1, 0), result.Graph); // file edges A-B, A-C, A-E, B-C, B-E, C-E: 6
        Assert.Equal(result.Graph.Edges, result.Edges);
        Assert.Equal(8, result.Nodes);
    }

    [Fact]
    public void Each_framework_is_a_node_and_each_dependency_is_the_right_frameworks_output()
    {
        var result = tree.Import("A/A.csproj");
        var manifest = ParsedManifest.Read(result.ManifestPath);

        var a = manifest.BuildOf(A);
        Assert.Equal(["A/A.csproj", B, C10], a.Depends); // B directly, and C for net10.0 through B (transitive)
        Assert.Equal(["C/C.csproj.outer", C8, "E/E.csproj.outer", E8, Ens], a.OrderOnly.Order(StringComparer.Ordinal));
        Assert.Equal(["B/B.csproj", C10], manifest.BuildOf(B).Depends);
        Assert.Equal(["C/C.csproj", E8], manifest.BuildOf(C8).Depends); // net8.0 -> E's net8.0, not netstandard2.0
        Assert.Equal(["C/C.csproj"], manifest.BuildOf(C10).Depends); // the reference to E exists in net8.0 only
        Assert.Equal(["C/C1.cs", "C/C2.cs", "C/C3.cs"], manifest.BuildOf(C10).Sources.Order(StringComparer.Ordinal));
        Assert.Equal(["C/C1.cs", "C/C2.cs", "C/C3.cs", "C/Net8Only.cs"], manifest.BuildOf(C8).Sources.Order(StringComparer.Ordinal));
        Assert.Equal([C10, C8], manifest.Aliases["C/C.csproj.outer"]);
        Assert.Equal([E8, Ens], manifest.Aliases["E/E.csproj.outer"]);
        Assert.Equal("dotnet build C/C.csproj --no-restore --no-dependencies --framework net8.0", manifest.BuildOf(C8).Overrides["COMMAND"]);
        Assert.All(manifest.Builds, build => Assert.Equal("Command", build.Builder));

        // Dependencies first (aliases before their users), and the default is every node.
        var order = manifest.Builds.Select(build => build.Targets[0]).ToList();
        Assert.True(order.IndexOf(C10) < order.IndexOf(B) && order.IndexOf(B) < order.IndexOf(A));
        Assert.Equal(8, manifest.Defaults.Count);
        Assert.Equal("../../repo", manifest.Root);
    }

    [Fact]
    public void Spaces_non_ascii_no_TargetPath_and_a_local_package_SDK_import()
    {
        var result = tree.Import("All.sln");
        var manifest = ParsedManifest.Read(result.ManifestPath);

        var spaced = manifest.BuildOf("Spaced Dir/bin/Debug/net10.0/Spaced Proj.dll");
        Assert.Equal(["Spaced Dir/Has Space.cs", "Spaced Dir/Ünïcødé.cs"], spaced.Sources.Order(StringComparer.Ordinal));
        Assert.Equal(["Spaced Dir/Spaced Proj.csproj", A, B, C10], spaced.Depends);
        Assert.Equal("dotnet build 'Spaced Dir/Spaced Proj.csproj' --no-restore --no-dependencies --framework net10.0", spaced.Overrides["COMMAND"]);
        Assert.Contains("Spaced$ Dir/Has$ Space.cs", File.ReadAllText(result.ManifestPath), StringComparison.Ordinal);

        // No TargetPath: an alias of its project file and what it references, not a failure.
        Assert.Equal(["NoTarget/NoTarget.csproj", B], manifest.Aliases["NoTarget/NoTarget.csproj.build"]);
        Assert.Equal(["LocalSdk/L1.cs"], manifest.BuildOf("LocalSdk/bin/Debug/net10.0/LocalSdk.dll").Sources);
        Assert.All(manifest.Builds.SelectMany(build => build.Sources), path => Assert.True(File.Exists(Path.Combine(tree.Repo, path)), path));
    }

    [Fact]
    public void Slnx_and_folder_imports_read_the_same_tree()
    {
        var slnx = tree.Import("OnlyA.slnx");
        Assert.Empty(slnx.Failures);
        Assert.Equal(tree.Import("A/A.csproj").Graph, slnx.Graph);

        var folder = tree.Import("");
        Assert.Equal(tree.Import("All.sln").Graph, folder.Graph);
        Assert.DoesNotContain(folder.Failures, failure => failure.ProjectPath.Contains("Stray", StringComparison.Ordinal));
        Assert.Equal("../../repo", ParsedManifest.Read(folder.ManifestPath).Root);
    }

    [Fact]
    public void Input_that_is_missing_or_of_another_kind_is_a_user_error_naming_it()
    {
        var missing = tree.PathOf("Nowhere.sln");
        var error = Assert.Throws<MsBuildImportException>(() => MsBuildImporter.Import(new MsBuildImportOptions(missing, tree.Output)));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);

        var source = tree.PathOf("A/A1.cs");
        var wrongKind = Assert.Throws<MsBuildImportException>(() => MsBuildImporter.Import(new MsBuildImportOptions(source, tree.Output)));
        Assert.Contains(source, wrongKind.Message, StringComparison.Ordinal);
    }

    private MsBuildImportResult Show(MsBuildImportResult result)
    {
        output.WriteLine(result.Graph.ToString());
        output.WriteLine(string.Join('\n', result.Failures));
        output.WriteLine(File.ReadAllText(result.ManifestPath));
        return result;
    }

    private void AssertFailure(MsBuildImportResult result, string project, string reasonPart)
    {
        var failure = Assert.Single(result.Failures, f => f.ProjectPath == tree.PathOf(project));
        Assert.Contains(reasonPart, failure.Reason, StringComparison.Ordinal);
    }
}
