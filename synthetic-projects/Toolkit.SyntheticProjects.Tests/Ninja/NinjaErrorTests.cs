using Toolkit.SyntheticProjects.Tests.Generation;
using Toolkit.SyntheticProjects.Ninja;
using Toolkit.SyntheticProjects.Tests.MsBuild;

namespace Toolkit.SyntheticProjects.Tests.Ninja;

public sealed class NinjaErrorTests : IDisposable
{
    private const string Rule = "rule r\n  command = touch $out\n";
    private readonly TempDirectory _temp = new();

    public NinjaErrorTests() => Directory.CreateDirectory(_temp.Path);

    [Theory]
    [InlineData("build a: nothing b\n", 1, "unknown build rule 'nothing'")]
    [InlineData(Rule + "build a: r b\n\tx = 1\n", 4, "tabs are not allowed")]
    [InlineData(Rule + "build a: r $%b\n", 3, "bad $-escape")]
    [InlineData(Rule + "build a r b\n", 3, "expected ':'")]
    [InlineData(Rule + "build a: r b\nbuild a: r c\n", 4, "multiple rules generate a")]
    [InlineData(Rule + "default nowhere\n", 3, "unknown target 'nowhere'")]
    [InlineData("rule r\n  description = x\n", 2, "expected 'command =' line")]
    [InlineData("rule r\n  command = x\n  colour = red\n", 3, "unexpected variable 'colour'")]
    [InlineData(Rule + "build a: r b\n  pool = slow\n", 3, "unknown pool name 'slow'")]
    [InlineData(Rule + "rule r\n  command = y\n", 3, "duplicate rule 'r'")]
    [InlineData(Rule + "build a: r b", 3, "unexpected end of file")]
    [InlineData("x = 1\n  y = 2\n", 2, "unexpected indent")]
    [InlineData(Rule + "include missing.ninja\n", 3, "missing.ninja' does not exist")]
    [InlineData(Rule + "build a: r ${oops\n", 3, "bad ${...} reference")]
    [InlineData("x = 1\n= 2\n", 2, "expected a statement")]
    public void A_malformed_build_ninja_names_file_line_and_reason_on_one_line(string text, int line, string reason)
    {
        var path = Write("build.ninja", text);
        var error = Assert.Throws<NinjaException>(() => NinjaImporter.Import(path, _temp.Sub("out")));

        Assert.IsAssignableFrom<UserErrorException>(error);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_include_loop_is_refused_naming_the_chain()
    {
        var path = Write("build.ninja", Rule + "include a.ninja\n");
        Write("a.ninja", "include b.ninja\n");
        Write("b.ninja", "include a.ninja\n");

        var error = Assert.Throws<NinjaException>(() => NinjaImporter.Import(path, _temp.Sub("out")));
        Assert.Contains("b.ninja:1: include loop: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.ninja -> ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_of_phony_targets_is_refused_naming_it()
    {
        var path = Write("build.ninja", "build a: phony b\nbuild b: phony a\n");
        var error = Assert.Throws<NinjaException>(() => NinjaImporter.Import(path, _temp.Sub("out")));
        Assert.Contains("dependency cycle: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_files_are_refused_before_they_are_read()
    {
        Assert.Contains("is a directory", Assert.Throws<NinjaException>(() => NinjaImporter.Import(_temp.Path, _temp.Sub("out"))).Message, StringComparison.Ordinal);
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Contains("character device", Assert.Throws<NinjaException>(() => NinjaImporter.Import("/dev/zero", _temp.Sub("out"))).Message, StringComparison.Ordinal);
        var fifo = _temp.Sub("fifo.ninja");
        UnixFifo.Create(fifo);
        try
        {
            Assert.Contains("FIFO", Assert.Throws<NinjaException>(() => NinjaImporter.Import(fifo, _temp.Sub("out"))).Message, StringComparison.Ordinal);
        }
        finally
        {
            UnixFifo.Release(fifo);
        }

        var loop = _temp.Sub("loop.ninja");
        File.CreateSymbolicLink(loop, loop);
        Assert.Contains("loop of symbolic links", Assert.Throws<NinjaException>(() => NinjaImporter.Import(loop, _temp.Sub("out"))).Message, StringComparison.Ordinal);

        var huge = _temp.Sub("huge.ninja");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(Importing.InputFile.MaximumBytes + 1); // sparse: no disk used
        }

        Assert.Contains("more than the", Assert.Throws<NinjaException>(() => NinjaImporter.Import(huge, _temp.Sub("out"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_at_its_first_NUL()
    {
        var path = _temp.Sub("binary.ninja");
        File.WriteAllBytes(path, [(byte)'x', (byte)' ', (byte)'=', (byte)' ', 0, 1, 2, (byte)'\n']);
        Assert.Contains(":1: NUL byte", Assert.Throws<NinjaException>(() => NinjaImporter.Import(path, _temp.Sub("out"))).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = _temp.Sub(name);
        File.WriteAllText(path, text);
        return path;
    }
}
