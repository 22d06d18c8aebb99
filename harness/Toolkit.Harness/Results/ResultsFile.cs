using System.Text;
using System.Text.Json;
using Toolkit.Engine.Scanning;

namespace Toolkit.Harness.Results;

/// <summary>
/// The one reader and writer of the results file of <c>toolkit scale</c> (<see cref="ScaleResults"/>),
/// used by scale, report and compare. Written as camelCase, indented JSON, UTF-8 without BOM, LF line
/// ends, atomically (a crash leaves the previous file), so the same results always give the same bytes.
/// Reading trusts nothing, in this order: the path must be a regular file (a FIFO or a device is
/// refused before it is opened), its size at most <see cref="MaximumBytes"/> (checked before a byte is
/// allocated), the whole text valid JSON no deeper than <see cref="ResultsJson.MaximumDepth"/> (one
/// pass of a forward-only reader, no allocation), the schema version one this toolkit reads; only then
/// is it deserialized, strictly, and its values checked (<see cref="ResultsValidator"/>). Every
/// failure is one <see cref="ResultsFileException"/> naming the file and the line or JSON path.
/// </summary>
public static class ResultsFile
{
    /// <summary>
    /// Largest file read: a run of 8 variants × 10 sizes × 50 repetitions is under 2 MiB, so 64 MiB
    /// is 30 times anything real, while the reader's peak (the bytes plus the objects, about 3 times
    /// the file) stays a few hundred MiB for a damaged or hostile file.
    /// </summary>
    public const long MaximumBytes = 64L << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static ScaleResults Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadBytes(path), path);
    }

    /// <summary>Parses and validates results held in memory; <paramref name="name"/> names them in errors.</summary>
    public static ScaleResults Parse(ReadOnlySpan<byte> json, string name)
    {
        var version = CheckSyntaxAndFindVersion(json, name);
        if (version is not { } found)
        {
            throw new ResultsFileException($"{name}: no integer 'schemaVersion'; this is not a results file of toolkit scale");
        }

        if (found > ScaleResults.CurrentSchemaVersion)
        {
            throw new ResultsFileException($"{name}: schemaVersion {found} is newer than this toolkit reads ({ScaleResults.CurrentSchemaVersion}); use a newer toolkit");
        }

        if (found < 1)
        {
            throw new ResultsFileException($"{name}: schemaVersion {found} is not a valid version");
        }

        ScaleResults? results;
        try
        {
            results = JsonSerializer.Deserialize<ScaleResults>(json, ResultsJson.Read);
        }
        catch (JsonException exception)
        {
            throw new ResultsFileException($"{name}: {exception.Path ?? "$"}: {JsonErrorText.Reason(exception)}", exception);
        }

        if (results is null)
        {
            throw new ResultsFileException($"{name}: the file holds null");
        }

        ResultsValidator.Validate(results, name);
        return results;
    }

    /// <summary>
    /// Writes <paramref name="results"/> to <paramref name="path"/> (camelCase, indented, LF, final
    /// newline) through a temporary file in the same folder renamed over it; an I/O failure is a
    /// <see cref="ResultsFileException"/> naming the path.
    /// </summary>
    public static void Write(string path, ScaleResults results)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(results);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllText(temporary, ToJson(results), Utf8);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new ResultsFileException($"{path}: cannot write the results file: {exception.Message}", exception);
        }
    }

    /// <summary>The text <see cref="Write"/> writes.</summary>
    public static string ToJson(ScaleResults results) =>
        JsonSerializer.Serialize(results, ResultsJson.Write).ReplaceLineEndings("\n") + "\n";

    private static byte[] ReadBytes(string path)
    {
        if (RegularFile.WhyNot(path) is { } why)
        {
            throw new ResultsFileException($"{path}: {why}; give a results file written by toolkit scale");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var length = stream.Length;
            if (length > MaximumBytes)
            {
                throw new ResultsFileException($"{path}: {length:N0} bytes is larger than any results file ({MaximumBytes:N0} bytes at most); refusing to read it");
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is > 0 and var n)
            {
                read += n;
            }

            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFileException($"{path}: cannot read: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// One forward pass over the whole text: throws for invalid JSON (with its line) or a top level
    /// that is not an object, and returns the top-level schemaVersion when it is an integer.
    /// </summary>
    private static int? CheckSyntaxAndFindVersion(ReadOnlySpan<byte> json, string name)
    {
        if (json.IsEmpty)
        {
            throw new ResultsFileException($"{name}: empty file; give a results file written by toolkit scale");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ResultsJson.MaximumDepth });
        int? version = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ResultsFileException($"{name}: the top level is not a JSON object");
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("schemaVersion"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : null;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ResultsFileException($"{name}: not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {JsonErrorText.Reason(exception)}", exception);
        }

        return version;
    }
}
