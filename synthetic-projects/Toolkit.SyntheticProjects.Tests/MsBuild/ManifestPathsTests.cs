using Toolkit.SyntheticProjects.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.MsBuild;

public sealed class ManifestPathsTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "mp");

    [Fact]
    public void Common_directory_climbs_to_hold_every_path_and_never_stops_at_a_name_prefix()
    {
        var common = ManifestPaths.CommonDirectory(
            Path.Combine(Base, "repo", "src"),
            [Path.Combine(Base, "repo", "src", "a.cs"), Path.Combine(Base, "repo", "srcgen", "b.cs")]);

        Assert.Equal(Path.Combine(Base, "repo"), common);
    }

    [Fact]
    public void Relative_paths_use_forward_slashes()
    {
        Assert.Equal("src/x/a.cs", ManifestPaths.Relative(Base, Path.Combine(Base, "src", "x", "a.cs")));
    }

    [Fact]
    public void Root_token_is_relative_absent_for_the_manifest_directory_holds_spaces_and_refuses_a_control_character()
    {
        Assert.Equal("../repo", ManifestPaths.RootToken(Path.Combine(Base, "out"), Path.Combine(Base, "repo")));
        Assert.Equal("../repo", ManifestPaths.RootToken(Path.Combine(Base, "my out"), Path.Combine(Base, "repo")));
        Assert.Null(ManifestPaths.RootToken(Path.Combine(Base, "repo"), Path.Combine(Base, "repo")));

        Assert.Equal("../my repo", ManifestPaths.RootToken(Path.Combine(Base, "out"), Path.Combine(Base, "my repo")));

        var error = Assert.Throws<MsBuildImportException>(() => ManifestPaths.RootToken(Path.Combine(Base, "out"), Path.Combine(Base, "bad\trepo")));
        Assert.Contains("bad\trepo", error.Message, StringComparison.Ordinal);
    }
}
