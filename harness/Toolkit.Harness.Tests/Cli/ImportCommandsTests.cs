namespace Toolkit.Harness.Tests.Cli;

/// <summary>import-msbuild, import-ninja and import-compdb through the real program: what they print, their exit codes, and --offline.</summary>
public sealed class ImportCommandsTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-import-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("import-msbuild", "--offline")]
    [InlineData("import-ninja", "Examples:")]
    [InlineData("import-compdb", "Examples:")]
    public void Each_import_verb_has_help_with_an_example(string verb, string expected)
    {
        var (code, output, _) = ToolkitProcess.Run(_temp, verb, "--help");
        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("--out", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_inputs_give_one_error_line_with_file_and_line_and_exit_1()
    {
        var ninja = Write("build.ninja", "rule cc\n  command = cc $in\nbuild a.o: cxx a.c\n");
        var (code, output, error) = ToolkitProcess.Run(_temp, "import-ninja", ninja, "--out", Path.Combine(_temp, "n"));
        Assert.Equal(1, code);
        Assert.Equal($"toolkit: error: {ninja}:3: unknown build rule 'cxx'", error.Trim());
        Assert.Empty(output);

        var compdb = Write("compile_commands.json", "[{\"directory\": \"/x\", \"file\": 3, \"command\": \"cc\"}]");
        (code, _, error) = ToolkitProcess.Run(_temp, "import-compdb", compdb, "--out", Path.Combine(_temp, "c"));
        Assert.Equal(1, code);
        Assert.Equal($"toolkit: error: {compdb}:$[0].file: expected a non-empty string, found a number", error.Trim());

        (code, _, error) = ToolkitProcess.Run(_temp, "import-ninja", "/dev/zero", "--out", Path.Combine(_temp, "z"));
        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ninja_prints_its_figures()
    {
        var ninja = Write("build.ninja", "rule cc\n  command = cc -c $in -o $out\nbuild a.o: cc a.c | a.h\nbuild all: phony a.o\ndefault all\n");
        var (code, output, error) = ToolkitProcess.Run(_temp, "import-ninja", ninja, "--out", Path.Combine(_temp, "n"));
        Assert.True(code == 0, error);
        Assert.Contains("1 rules, 1 build statements, 1 phony, 2 outputs, 4 nodes, 1 defaults", output, StringComparison.Ordinal);
        Assert.Contains("inputs 2 explicit, 1 implicit, 0 order-only", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_turns_the_NuGet_SDK_resolver_off_and_the_default_resolves_from_the_local_package_folder()
    {
        var repo = Path.Combine(_temp, "repo");
        Write("repo/NuGet.config", """<configuration><config><add key="globalPackagesFolder" value="packages" /></config><packageSources><clear /></packageSources></configuration>""");
        var package = "repo/packages/toolkit.cli.sdk/1.0.0/";
        Write(package + "Sdk/Sdk.props", """<Project><Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" /></Project>""");
        Write(package + "Sdk/Sdk.targets", """<Project><Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" /></Project>""");
        Write(package + "toolkit.cli.sdk.nuspec", """<?xml version="1.0"?><package><metadata><id>Toolkit.Cli.Sdk</id><version>1.0.0</version><authors>t</authors><description>t</description></metadata></package>""");
        Write(package + "toolkit.cli.sdk.1.0.0.nupkg.sha512", "AAAA");
        Write(package + ".nupkg.metadata", """{ "version": 2, "contentHash": "AAAA", "source": null }""");
        Write("repo/P/P.csproj", """<Project Sdk="Toolkit.Cli.Sdk/1.0.0"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        Write("repo/P/P.cs", "// p\n");
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 })
        {
            return; // NUGET_PACKAGES overrides the tree's NuGet.config: the local folder would not be read
        }

        var (code, output, error) = ToolkitProcess.Run(_temp, "import-msbuild", Path.Combine(repo, "P", "P.csproj"), "--out", Path.Combine(_temp, "online"));
        Assert.True(code == 0, error);
        Assert.Contains("ProjectGraph: nodes 1 (0 outer builds), project files 1", output, StringComparison.Ordinal);

        (code, _, error) = ToolkitProcess.Run(_temp, "import-msbuild", Path.Combine(repo, "P", "P.csproj"), "--out", Path.Combine(_temp, "offline"), "--offline");
        Assert.Equal(1, code);
        Assert.Contains("Toolkit.Cli.Sdk", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
