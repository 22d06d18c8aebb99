using System.Text;
using System.Text.Json;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Reporting;

/// <summary>
/// Reads and writes the results file of <c>toolkit scale</c> (<see cref="ScaleResults"/>): camelCase,
/// indented JSON, UTF-8 without BOM, LF line ends, so the same results always give the same bytes.
/// Reading checks the size, the schema version, every required field and the values the pages
/// rely on (positive node counts, finite numbers, a project for every size), and fails with a
/// <see cref="ResultsFileException"/> that names the file and the JSON path of the problem.
/// </summary>
public static class ScaleResultsFile
{
    /// <summary>Largest file accepted: a run of 8 variants × 10 sizes × 50 repetitions is under 2 MiB; anything near this is damaged or hostile.</summary>
    public const long MaximumBytes = 256L << 20;

    private static readonly JsonSerializerOptions ReadOptions = new(FootprintCommand.Json)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 16,
    };

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static ScaleResults Read(string path)
    {
        var (kind, _) = Toolkit.Engine.FileSystem.FileProbe.Probe(Path.GetFullPath(path));
        if (kind is not (Toolkit.Engine.FileSystem.FileKind.Regular or Toolkit.Engine.FileSystem.FileKind.Missing))
        {
            throw new ResultsFileException($"{path}: is {Toolkit.Engine.FileSystem.FileProbe.Describe(kind)}, not a results file; refusing to read it");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ResultsFileException($"{path}: no such results file");
        }

        if (info.Length > MaximumBytes)
        {
            throw new ResultsFileException($"{path}: {info.Length} bytes is larger than any results file ({MaximumBytes} bytes at most); refusing to read it");
        }

        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>Parses and validates results held in memory; <paramref name="name"/> names them in errors.</summary>
    public static ScaleResults Parse(ReadOnlySpan<byte> json, string name)
    {
        int version;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ReadOptions.MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ResultsFileException($"{name}: the top level is not a JSON object");
            }

            if (!document.RootElement.TryGetProperty("schemaVersion", out var versionElement) || !versionElement.TryGetInt32(out version))
            {
                throw new ResultsFileException($"{name}: no integer 'schemaVersion'; this is not a results file of toolkit scale");
            }
        }
        catch (JsonException exception)
        {
            throw new ResultsFileException($"{name}: not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {exception.Message}", exception);
        }

        if (version > ScaleResults.CurrentSchemaVersion)
        {
            throw new ResultsFileException($"{name}: schemaVersion {version} is newer than this toolkit reads ({ScaleResults.CurrentSchemaVersion}); use a newer toolkit");
        }

        if (version < 1)
        {
            throw new ResultsFileException($"{name}: schemaVersion {version} is not a valid version");
        }

        ScaleResults? results;
        try
        {
            results = JsonSerializer.Deserialize<ScaleResults>(json, ReadOptions);
        }
        catch (JsonException exception)
        {
            throw new ResultsFileException($"{name}: {exception.Path ?? "$"}: {exception.Message}", exception);
        }

        if (results is null)
        {
            throw new ResultsFileException($"{name}: the file holds null");
        }

        ScaleResultsValidator.Validate(results, name);
        return results;
    }

    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/> (camelCase, indented, LF, final newline).</summary>
    public static void Write(string path, ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        File.WriteAllText(path, ToJson(results), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The text <see cref="Write"/> writes.</summary>
    public static string ToJson(ScaleResults results) =>
        JsonSerializer.Serialize(results, FootprintCommand.Json).ReplaceLineEndings("\n") + "\n";
}
