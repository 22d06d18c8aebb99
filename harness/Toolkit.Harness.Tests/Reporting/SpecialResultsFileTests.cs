using System.Diagnostics;
using Toolkit.Harness.Comparison;
using Toolkit.Harness.Reporting;

namespace Toolkit.Harness.Tests.Reporting;

/// <summary>issue 10, item 14: a FIFO or a device given as a results file is refused before it is opened (it hung).</summary>
public sealed class SpecialResultsFileTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("toolkit-results-special-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Both_readers_refuse_a_FIFO_and_a_device()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fifo = Path.Join(_temp, "results.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        Assert.Contains("FIFO", Assert.Throws<ResultsFileException>(() => ScaleResultsFile.Read(fifo)).Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", Assert.Throws<InvalidDataException>(() => ResultsFileReader.Read(fifo)).Message, StringComparison.Ordinal);
        Assert.Contains("character device", Assert.Throws<ResultsFileException>(() => ScaleResultsFile.Read("/dev/zero")).Message, StringComparison.Ordinal);
        Assert.Contains("character device", Assert.Throws<InvalidDataException>(() => ResultsFileReader.Read("/dev/zero")).Message, StringComparison.Ordinal);
    }
}
