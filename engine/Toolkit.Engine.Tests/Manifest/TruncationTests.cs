using Toolkit.Engine.Manifest;
using Toolkit.Engine.Tests.Build;

namespace Toolkit.Engine.Tests.Manifest;

/// <summary>issue 10, item 4: a manifest cut short anywhere is refused, never built as a subset.</summary>
public sealed class TruncationTests
{
    [Fact]
    public void Every_prefix_cut_at_a_line_boundary_is_refused_as_truncated()
    {
        var lines = SmallProject.Manifest.Split('\n');
        Assert.Equal("end", lines[^1]);
        for (var kept = 1; kept < lines.Length; kept++)
        {
            var text = string.Join('\n', lines[..kept]) + "\n";
            var error = ManifestText.Error(text);
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
            Assert.Equal(kept, error.Line);
        }

        ManifestText.Load(SmallProject.Manifest);
    }

    [Fact]
    public void A_cut_inside_the_last_line_is_refused_too()
    {
        var text = SmallProject.Manifest[..^1]; // "en"
        Assert.Contains("unknown statement 'en'", ManifestText.Error(text).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end\nbuild b.o: Object b.c\n", "nothing but comments may follow the 'end' statement of line 3")]
    [InlineData("end now\n", "'end' stands alone")]
    public void Nothing_but_comments_follows_end(string tail, string problem)
    {
        var error = ManifestText.Error("toolkit-manifest 2\nbuild a.o: Object a.c\n" + tail);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_blank_lines_may_follow_end()
    {
        ManifestText.Load("toolkit-manifest 2\nbuild a.o: Object a.c\nend\n\n# trailing note\n");
    }

    [Fact]
    public void A_version_1_manifest_is_told_how_to_upgrade()
    {
        var error = ManifestText.Error("toolkit-manifest 1\nbuild a.o: Object a.c\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("unsupported manifest version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("add 'end' as its last line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_ends_what_it_writes_and_a_writer_disposed_early_leaves_a_refused_file()
    {
        var complete = new StringWriter();
        using (var writer = new ManifestWriter(complete))
        {
            writer.Build("a.o", "Object", "a.c");
            writer.End();
            Assert.Throws<InvalidOperationException>(() => writer.Build("b.o", "Object", "b.c"));
        }

        Assert.EndsWith("\nend\n", complete.ToString(), StringComparison.Ordinal);
        ManifestText.Load(complete.ToString());

        var broken = new StringWriter();
        using (var writer = new ManifestWriter(broken))
        {
            writer.Build("a.o", "Object", "a.c"); // the writer failed here: no End()
        }

        Assert.Contains("truncated", ManifestText.Error(broken.ToString()).Message, StringComparison.Ordinal);
    }
}
