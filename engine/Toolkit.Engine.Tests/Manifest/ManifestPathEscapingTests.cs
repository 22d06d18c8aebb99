using Toolkit.Engine.Environments;
using Toolkit.Engine.Graph;
using Toolkit.Engine.Graph.Baseline;
using Toolkit.Engine.Manifest;

namespace Toolkit.Engine.Tests.Manifest;

public sealed class ManifestPathEscapingTests
{
    [Theory]
    [InlineData("My Project/Program.cs")]
    [InlineData("a  b/ c.cs")]
    [InlineData("price$/x.c")]
    [InlineData("odd$$ $ name.c")]
    [InlineData("données/résumé ünïcode.cs")]
    [InlineData("trailing /x.c")]
    public void A_path_with_spaces_dollars_or_non_ascii_reads_back_as_written(string path)
    {
        var text = new StringWriter();
        using (var writer = new ManifestWriter(text))
        {
            writer.Root("up one/root");
            writer.Build(["out dir/app.dll"], "Command", [path], depends: ["x y.csproj"], orderOnly: ["z $ w"], overrides: [new("COMMAND", "true")], ignore: ["ig nored.h"]);
            writer.Alias("all of it", ["out dir/app.dll"]);
            writer.Default(["all of it"]);
            writer.End();
        }

        var graph = new BuildGraph(new BaselineNodeStore("/p"), new EnvironmentTable(), "/p", "m");
        GraphLoader.Load(graph, new StringReader(text.ToString()), "m");

        foreach (var expected in new[] { path, "out dir/app.dll", "x y.csproj", "z $ w", "ig nored.h", "all of it" })
        {
            Assert.True(graph.Store.FindNode(expected) >= 0, $"'{expected}' is not a node of:\n{text}");
        }

        Assert.Equal(graph.Store.FindNode("all of it"), Assert.Single(graph.DefaultTargets));
        var rootLine = text.ToString().Split('\n')[1];
        Assert.Equal("up one/root", ManifestTokens.RootOperand(rootLine["root ".Length..]));
    }

    [Fact]
    public void A_path_without_space_or_dollar_is_written_unchanged()
    {
        Assert.Equal("src/a.c", ManifestWriter.EscapePath("src/a.c"));
        Assert.Equal("a$ b$$c", ManifestWriter.EscapePath("a b$c"));
    }

    [Theory]
    [InlineData("tab\there.c")]
    [InlineData("new\nline.c")]
    [InlineData("ends:")]
    public void A_path_with_a_control_character_or_a_reserved_form_is_refused(string path)
    {
        using var writer = new ManifestWriter(new StringWriter());
        Assert.Throws<ArgumentException>(() => writer.Build("x.o", "Command", path));
    }

    [Fact]
    public void An_old_manifest_with_a_lone_dollar_in_a_path_reads_as_before()
    {
        var graph = new BuildGraph(new BaselineNodeStore("/p"), new EnvironmentTable(), "/p", "m");
        GraphLoader.Load(graph, new StringReader("toolkit-manifest 2\nbuild o$ut.o: Copy a$b.c\nend\n"), "m");
        Assert.True(graph.Store.FindNode("o$ut.o") >= 0);
        Assert.True(graph.Store.FindNode("a$b.c") >= 0);
    }
}
