using System.Text.Json;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Results;

namespace Toolkit.Harness.Comparison;

/// <summary>
/// Reads a results file of <c>toolkit scale</c> for comparison, trusting nothing: the size is
/// bounded, the schema version is checked before the rest is read, and every run must carry a
/// footprint. Errors are <see cref="InvalidDataException"/> naming the file (and the line for bad JSON).
/// </summary>
public static class ResultsFileReader
{
    /// <summary>
    /// Largest results file accepted: a run is about 1 KB of JSON, so this holds hundreds of thousands
    /// of runs, while a damaged or hostile file cannot make the reader allocate without bound.
    /// </summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>Reads and checks one file.</summary>
    public static ScaleResults Read(string path)
    {
        var (kind, _) = Toolkit.Engine.FileSystem.FileProbe.Probe(Path.GetFullPath(path));
        if (kind is not (Toolkit.Engine.FileSystem.FileKind.Regular or Toolkit.Engine.FileSystem.FileKind.Missing))
        {
            throw new InvalidDataException($"{path}: is {Toolkit.Engine.FileSystem.FileProbe.Describe(kind)}, not a results file; refusing to read it");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"results file '{path}' does not exist", path);
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{path}: {info.Length:N0} bytes is larger than the {MaxFileBytes:N0} a results file may be");
        }

        try
        {
            using var stream = info.OpenRead();
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: not a results file (the top level is a JSON {root.ValueKind}, not an object)");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || !version.TryGetInt32(out var schema))
            {
                throw new InvalidDataException($"{path}: not a results file (no integer schemaVersion)");
            }

            if (schema < 1 || schema > ScaleResults.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"{path}: schema version {schema} is not supported (this toolkit reads 1 to {ScaleResults.CurrentSchemaVersion})");
            }

            var results = root.Deserialize<ScaleResults>(FootprintCommand.Json)
                ?? throw new InvalidDataException($"{path}: not a results file (null)");
            Check(path, results);
            return results;
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new InvalidDataException($"{path}: not a valid results file{where}: {exception.Message}", exception);
        }
    }

    private static void Check(string path, ScaleResults results)
    {
        if (results.Runs is null)
        {
            throw new InvalidDataException($"{path}: no runs");
        }

        for (var i = 0; i < results.Runs.Count; i++)
        {
            var run = results.Runs[i];
            if (run is null || run.Footprint is null || string.IsNullOrEmpty(run.Variant))
            {
                throw new InvalidDataException($"{path}: run {i} has no variant or no footprint");
            }

            if (run.Sources <= 0)
            {
                throw new InvalidDataException($"{path}: run {i} has sources {run.Sources}; it must be positive");
            }
        }
    }
}
