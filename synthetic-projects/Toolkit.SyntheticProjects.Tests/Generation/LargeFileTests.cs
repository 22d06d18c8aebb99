using Toolkit.SyntheticProjects.Generation;
using Toolkit.SyntheticProjects.Tests.Peers;
using Xunit.Abstractions;

namespace Toolkit.SyntheticProjects.Tests.Generation;

/// <summary>Large files are at least LargeFileBytes, well-formed C arrays, built into a library like the others.</summary>
public sealed class LargeFileTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Large_files_are_big_valid_c_in_their_own_library()
    {
        var result = ProjectGenerator.Generate(new GeneratorOptions(ProjectShape.DeepChain, 20, 9, _temp.Path, LargeFiles: 2));
        var files = Directory.GetFiles(_temp.Sub(ProjectPlan.LargeDirectory), "*.c");
        Assert.Equal(2, files.Length);
        Assert.True(result.BytesWritten >= 2L * ProjectGenerator.LargeFileBytes);
        foreach (var file in files)
        {
            Assert.True(new FileInfo(file).Length >= ProjectGenerator.LargeFileBytes, $"{file} is smaller than {ProjectGenerator.LargeFileBytes}");
            var lines = File.ReadAllLines(file);
            var open = Array.FindIndex(lines, l => l.StartsWith("static const unsigned char ", StringComparison.Ordinal) && l.EndsWith("[] = {", StringComparison.Ordinal));
            var close = Array.IndexOf(lines, "};");
            Assert.True(open > 0 && close > open, $"{file}: no array initializer");
            for (var i = open + 1; i < close; i++)
            {
                Assert.True(IsByteLine(lines[i]), $"{file}:{i + 1}: not a line of hex bytes: {lines[i]}");
            }

            Assert.Equal("}", lines[^1]);
        }

        var manifest = ManifestTestParser.Parse(_temp.Sub("toolkit.manifest"));
        Assert.Equal("Library", manifest.Builders[$"{ProjectPlan.LargeDirectory}/lib{ProjectPlan.LargeDirectory}.a"]);
        Assert.Contains(("bin/app", $"{ProjectPlan.LargeDirectory}/lib{ProjectPlan.LargeDirectory}.a"), manifest.Edges);

        var cc = ExternalTool.Find("cc");
        if (cc is null)
        {
            output.WriteLine("skipped the compile check: cc is not on PATH");
            return;
        }

        var (exit, text) = ExternalTool.Run(cc, _temp.Path, "-fsyntax-only", "-Wall", "-Werror", "-Iinclude", Path.GetRelativePath(_temp.Path, files[0]));
        Assert.True(exit == 0, text);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>"    0x12, 0xab, ..., 0xff," (checked by hand: a regex per item made this test take seconds).</summary>
    private static bool IsByteLine(string line)
    {
        var items = line.Trim().TrimEnd(',').Split(", ");
        foreach (var item in items)
        {
            if (item.Length != 4 || item[0] != '0' || item[1] != 'x' || !char.IsAsciiHexDigitLower(item[2]) || !char.IsAsciiHexDigitLower(item[3]))
            {
                return false;
            }
        }

        return items.Length > 0;
    }
}
