using Toolkit.Engine.FileSystem;
using Toolkit.Engine.Scanning;

namespace Toolkit.Engine.Tests.Scanning;

public sealed class ScanReportTests
{
    private static MemoryFileSystem Tree()
    {
        var fs = new MemoryFileSystem();
        fs.WriteText("src/a.c", "#include \"a.h\"\n#include <lib.h>\n");
        fs.WriteText("src/a.h", "");
        fs.WriteText("include/lib.h", "");
        return fs;
    }

    [Fact]
    public void Writes_one_rule_per_file_and_succeeds()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ScanReport.Write(output, error, Tree(), ["include"], ["src/a.c"]);
        Assert.Equal(ScanReport.Success, code);
        Assert.Equal("a.o: src/a.c src/a.h include/lib.h\n", output.ToString());
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Missing_input_is_named_and_gives_a_nonzero_code_but_others_are_scanned()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ScanReport.Write(output, error, Tree(), ["include"], ["src/missing.c", "src/a.c"]);
        Assert.NotEqual(0, code);
        Assert.Contains("src/missing.c", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no such file", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("a.o: src/a.c", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_or_a_path_outside_the_project_is_an_error()
    {
        var error = new StringWriter();
        Assert.NotEqual(0, ScanReport.Write(new StringWriter(), error, Tree(), [], []));
        Assert.Contains("no input files", error.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(0, ScanReport.Write(new StringWriter(), error, Tree(), [], ["../x.c"]));
        Assert.Contains("../x.c", error.ToString(), StringComparison.Ordinal);
    }
}
