using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class MakeDependencyFormatterTests
{
    [Fact]
    public void Target_is_the_file_name_with_o_suffix()
    {
        Assert.Equal("main.o", MakeDependencyFormatter.TargetName("src/app/main.c"));
        Assert.Equal("x.y.o", MakeDependencyFormatter.TargetName("x.y.cpp"));
        Assert.Equal("noext.o", MakeDependencyFormatter.TargetName("noext"));
    }

    [Fact]
    public void Short_rule_is_one_line()
    {
        Assert.Equal("main.o: src/main.c a.h inc/b.h\n", MakeDependencyFormatter.Format("src/main.c", ["a.h", "inc/b.h"]));
        Assert.Equal("solo.o: solo.c\n", MakeDependencyFormatter.Format("solo.c", []));
    }

    [Fact]
    public void Long_rule_wraps_before_column_72_with_a_leading_space()
    {
        var deps = Enumerable.Range(0, 12).Select(i => $"include/header_{i:D2}.h").ToArray();
        var text = MakeDependencyFormatter.Format("src/main.c", deps);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length > 2);
        Assert.All(lines[..^1], line => Assert.EndsWith(" \\", line, StringComparison.Ordinal));
        Assert.All(lines[1..], line => Assert.StartsWith(" include/", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.True(line.TrimEnd('\\').TrimEnd().Length <= 72, line));
        Assert.Equal("main.o: src/main.c " + string.Join(' ', deps), text.Replace(" \\\n", "", StringComparison.Ordinal).TrimEnd('\n'));
    }

    [Fact]
    public void Make_special_characters_are_escaped()
    {
        Assert.Equal("a.o: a.c my\\ dir/x.h cost$$.h \\#x.h\n", MakeDependencyFormatter.Format("a.c", ["my dir/x.h", "cost$.h", "#x.h"]));
    }
}
