using Xunit.Abstractions;
using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class MsBuildImporterTests(SampleTree tree, ITestOutputHelper output) : IClassFixture<SampleTree>
{
    [Fact]
    public void Solution_import_counts_the_good_projects_and_names_every_broken_one()
    {
        var result = tree.Import("All.sln");
        output.WriteLine(File.ReadAllText(result.ManifestPath));
        output.WriteLine(string.Join('\n', result.Failures));

        Assert.Equal(4, result.Projects); // A, B, C and D (D without its missing reference)
        Assert.Equal(2, result.ProjectReferences); // A -> B, B -> C
        Assert.Equal(8, result.CompileItems); // 2 + 2 + 3 + 1
        Assert.Equal(
            ["A.csproj", "B.csproj", "C.csproj", "D.csproj"],
            result.ImportedProjects.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        AssertFailure(result, "Broken/Broken.csproj", "Broken.csproj");
        AssertFailure(result, "BadSdk/BadSdk.csproj", "Toolkit.Missing.Sdk");
        AssertFailure(result, "D/D.csproj", "Missing.csproj");
        AssertFailure(result, "Spaced/Spaced.csproj", "Has Space.cs");
        Assert.Equal(4, result.Failures.Count);
    }

    [Fact]
    public void Solution_import_writes_one_command_build_per_project_with_references_as_dependencies()
    {
        var result = tree.Import("All.sln");
        var manifest = ParsedManifest.Read(result.ManifestPath);

        Assert.Equal("../../repo", manifest.Root);
        Assert.Equal(tree.Repo, result.RootDirectory);
        var a = manifest.BuildOf("A/bin/Debug/net10.0/A.dll");
        var b = manifest.BuildOf("B/bin/Debug/net10.0/B.dll");
        var c = manifest.BuildOf("C/bin/Debug/net10.0/C.dll");
        var d = manifest.BuildOf("D/bin/Debug/net10.0/D.dll");
        Assert.All(manifest.Builds, build => Assert.Equal("Command", build.Builder));
        Assert.Equal(["A/A1.cs", "A/A2.cs"], a.Sources.Order(StringComparer.Ordinal));
        Assert.Equal(["A/A.csproj", "B/bin/Debug/net10.0/B.dll"], a.Depends);
        Assert.Equal(["B/B.csproj", "C/bin/Debug/net10.0/C.dll"], b.Depends);
        Assert.Equal(["C/C.csproj"], c.Depends);
        Assert.Equal(["D/D.csproj"], d.Depends);
        Assert.Equal(["C/C1.cs", "C/C2.cs", "C/C3.cs"], c.Sources.Order(StringComparer.Ordinal));
        Assert.Equal("dotnet build A/A.csproj --no-restore --no-dependencies --framework net10.0", a.Overrides["COMMAND"]);
        Assert.Contains(manifest.Comments, comment => comment.Contains("C/C.csproj is multi-targeted (net10.0;net8.0): imported for net10.0", StringComparison.Ordinal));

        // Dependencies first, and the default is every output.
        var order = manifest.Builds.Select(build => build.Targets[0]).ToList();
        Assert.True(order.IndexOf(c.Targets[0]) < order.IndexOf(b.Targets[0]));
        Assert.True(order.IndexOf(b.Targets[0]) < order.IndexOf(a.Targets[0]));
        Assert.Equal(order, manifest.Defaults);

        // Every source and the project files resolve, through root, to files that exist.
        var root = Path.GetFullPath(Path.Combine(tree.Output, "All.sln", manifest.Root!));
        Assert.All(manifest.Builds.SelectMany(build => build.Sources.Append(build.Depends[0])), path => Assert.True(File.Exists(Path.Combine(root, path)), path));
    }

    [Fact]
    public void Project_file_import_follows_its_references()
    {
        var result = tree.Import("A/A.csproj");

        Assert.Empty(result.Failures);
        Assert.Equal(3, result.Projects);
        Assert.Equal(2, result.ProjectReferences);
        Assert.Equal(7, result.CompileItems);
        var manifest = ParsedManifest.Read(result.ManifestPath);
        Assert.Equal("../../repo", manifest.Root); // B and C sit beside A, so the root is above A's folder
        Assert.Equal(["C/bin/Debug/net10.0/C.dll", "B/bin/Debug/net10.0/B.dll", "A/bin/Debug/net10.0/A.dll"], manifest.Defaults);
    }

    [Fact]
    public void Slnx_solution_import_reads_the_xml_solution_format()
    {
        var result = tree.Import("OnlyA.slnx");

        Assert.Empty(result.Failures);
        Assert.Equal(3, result.Projects);
        Assert.Equal(2, result.ProjectReferences);
    }

    [Fact]
    public void Folder_import_finds_every_project_and_skips_obj()
    {
        var result = tree.Import("");

        Assert.Equal(4, result.Projects);
        Assert.Equal(2, result.ProjectReferences);
        Assert.Equal(8, result.CompileItems);
        Assert.Equal(4, result.Failures.Count);
        Assert.DoesNotContain(result.Failures, failure => failure.ProjectPath.Contains("Stray", StringComparison.Ordinal));
        Assert.Equal("../../repo", ParsedManifest.Read(result.ManifestPath).Root);
    }

    [Fact]
    public void Input_that_is_missing_or_of_another_kind_is_refused_by_name()
    {
        var missing = tree.PathOf("Nowhere.sln");
        var error = Assert.Throws<FileNotFoundException>(() => MsBuildImporter.Import(new MsBuildImportOptions(missing, tree.Output)));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);

        var source = tree.PathOf("A/A1.cs");
        var wrongKind = Assert.Throws<ArgumentException>(() => MsBuildImporter.Import(new MsBuildImportOptions(source, tree.Output)));
        Assert.Contains(source, wrongKind.Message, StringComparison.Ordinal);
    }

    private void AssertFailure(MsBuildImportResult result, string project, string reasonPart)
    {
        var failure = Assert.Single(result.Failures, f => f.ProjectPath == tree.PathOf(project));
        Assert.Contains(reasonPart, failure.Reason, StringComparison.Ordinal);
    }
}
