using System.Text;
using Toolkit.Harness.Results;
using Toolkit.Harness.Tests.Reporting;

namespace Toolkit.Harness.Tests.Results;

/// <summary>
/// What the results-file reader does with files no toolkit wrote: each gives one <see cref="ResultsFileException"/>
/// naming the file (the CLI prints it as one line), never a hang, a huge allocation or another exception.
/// </summary>
public sealed class ResultsFileHostileTests : IDisposable
{
    /// <summary>How long a read may block before the test calls it a hang and releases it (a hang guard, not a timing assertion).</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_fifo_is_refused_before_it_is_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the file type comes from statx(2) on Linux only
        }

        var fifo = Path.Combine(_directory.Path, "results.json");
        UnixFiles.MakeFifo(fifo);
        var read = Task.Run(() => Record.Exception(() => ResultsFile.Read(fifo)));
        if (await Task.WhenAny(read, Task.Delay(HangGuard)) != read)
        {
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
                // opening the writing end releases the blocked reader
            }

            Assert.Fail("reading a FIFO blocked: the reader opened it");
        }

        var error = Assert.IsType<ResultsFileException>(await read);
        Assert.Equal($"{fifo}: is a FIFO (a named pipe), not a file; give a results file written by toolkit scale", error.Message);
    }

    [Fact]
    public void A_character_device_is_refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Read("/dev/zero"));
        Assert.StartsWith("/dev/zero: is a character device, not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_file_is_refused_by_its_length_without_reading_it()
    {
        var huge = Path.Combine(_directory.Path, "huge.json");
        using (var stream = new FileStream(huge, FileMode.CreateNew))
        {
            stream.SetLength(ResultsFile.MaximumBytes + 1); // sparse: costs no disk
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Read(huge));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains("is larger than any results file", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < ResultsFile.MaximumBytes / 64, $"refusing a huge file allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(30_000)]
    [InlineData(59_000)]
    public void A_truncated_file_names_the_file_and_the_line(int keep)
    {
        var bytes = File.ReadAllBytes(ReportingFiles.FixtureJson);
        var path = Path.Combine(_directory.Path, "truncated.json");
        File.WriteAllBytes(path, bytes[..Math.Min(keep, bytes.Length - 10)]);
        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Read(path));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Matches(keep == 0 ? "empty file" : @"not valid JSON \(line \d+, byte \d+\)", error.Message);
    }

    [Fact]
    public void Every_flipped_byte_is_read_or_refused_as_a_results_file_error()
    {
        var original = File.ReadAllBytes(ReportingFiles.FixtureJson);
        var random = new Random(9);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            var at = random.Next(bytes.Length);
            bytes[at] = (byte)random.Next(256);
            var error = Record.Exception(() => ResultsFile.Parse(bytes, "flipped.json"));
            Assert.True(error is null or ResultsFileException, $"byte {at} set to {bytes[at]}: {error}");
        }
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var text = "{\"schemaVersion\": 1, \"x\": " + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}";
        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Parse(Encoding.UTF8.GetBytes(text), "deep.json"));
        Assert.StartsWith("deep.json: not valid JSON (line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_and_a_loop_of_symbolic_links_are_named()
    {
        Assert.StartsWith($"{_directory.Path}: is a directory", Assert.Throws<ResultsFileException>(() => ResultsFile.Read(_directory.Path)).Message, StringComparison.Ordinal);
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var a = Path.Combine(_directory.Path, "a.json");
        var b = Path.Combine(_directory.Path, "b.json");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        Assert.StartsWith($"{a}: is a loop of symbolic links", Assert.Throws<ResultsFileException>(() => ResultsFile.Read(a)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_beside_a_writer_sees_a_whole_file_every_time()
    {
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        var path = Path.Combine(_directory.Path, "shared.json");
        ResultsFile.Write(path, results);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                ResultsFile.Write(path, results);
            }
        });
        var reads = 0;
        while (!writer.IsCompleted || reads < 40)
        {
            Assert.Equal(results.Runs.Count, ResultsFile.Read(path).Runs.Count);
            reads++;
        }

        await writer;
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.tmp-*"));
    }

    [Fact]
    public void Writing_into_a_missing_folder_names_the_path()
    {
        var results = ResultsFile.Read(ReportingFiles.FixtureJson);
        var path = Path.Combine(_directory.Path, "no", "such", "r.json");
        var error = Assert.Throws<ResultsFileException>(() => ResultsFile.Write(path, results));
        Assert.StartsWith(path + ": cannot write the results file", error.Message, StringComparison.Ordinal);
    }
}
