using System.Text.Json;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The <c>generated.json</c> written into a generated project: the options it was made from,
/// its graph counts and the generator version, so later tools recognise a generated project
/// and skip regenerating it (a cache keyed by shape, size, seed and options). Written first with
/// <see cref="Complete"/> false and rewritten at the end, so an interrupted generation is never
/// mistaken for a finished one. Holds no time or path, so identical options give identical bytes.
/// </summary>
public sealed record GeneratedProjectStamp(
    int FormatVersion,
    int GeneratorVersion,
    bool Complete,
    ProjectShape Shape,
    int Sources,
    int Seed,
    int LargeFiles,
    bool RealTools,
    GraphCounts? Counts)
{
    /// <summary>The file name in the project directory.</summary>
    public const string FileName = "generated.json";

    /// <summary>Version of this file's layout.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Longest stamp file read: a real one is under 1 KiB; anything larger is not ours.</summary>
    private const int MaxFileBytes = 64 * 1024;

    /// <summary>A stamp for the options, before or after the generation.</summary>
    public static GeneratedProjectStamp For(GeneratorOptions options, bool complete, GraphCounts? counts) =>
        new(CurrentFormatVersion, ProjectGenerator.GeneratorVersion, complete, options.Shape, options.Sources, options.Seed, options.LargeFiles, options.RealTools, counts);

    /// <summary>True when this stamp says the project is complete, made by this generator version from the same options.</summary>
    public bool Matches(GeneratorOptions options) =>
        Complete
        && FormatVersion == CurrentFormatVersion
        && GeneratorVersion == ProjectGenerator.GeneratorVersion
        && Shape == options.Shape
        && Sources == options.Sources
        && Seed == options.Seed
        && LargeFiles == options.LargeFiles
        && RealTools == options.RealTools;

    /// <summary>Writes the stamp into a directory; returns the bytes written.</summary>
    public long Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "toolkit-generated-project");
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteNumber("generatorVersion", GeneratorVersion);
            json.WriteBoolean("complete", Complete);
            json.WriteStartObject("options");
            json.WriteString("shape", ProjectShapes.Name(Shape));
            json.WriteNumber("sources", Sources);
            json.WriteNumber("seed", Seed);
            json.WriteNumber("largeFiles", LargeFiles);
            json.WriteBoolean("realTools", RealTools);
            json.WriteEndObject();
            if (Counts is not null)
            {
                json.WriteStartObject("counts");
                json.WriteNumber("sources", Counts.Sources);
                json.WriteNumber("headers", Counts.Headers);
                json.WriteNumber("derivedFiles", Counts.DerivedFiles);
                json.WriteNumber("directories", Counts.Directories);
                json.WriteNumber("aliases", Counts.Aliases);
                json.WriteNumber("nodes", Counts.Nodes);
                json.WriteNumber("edges", Counts.Edges);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        File.WriteAllBytes(path, stream.ToArray());
        return stream.Length;
    }

    /// <summary>
    /// Reads the stamp of a directory: null when there is none; <see cref="InvalidDataException"/>
    /// naming the file when it is damaged, too large, or of another format version.
    /// </summary>
    public static GeneratedProjectStamp? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{path}: {info.Length} bytes is too large for a generated-project stamp (at most {MaxFileBytes})");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != "toolkit-generated-project")
            {
                throw new InvalidDataException($"{path}: not a toolkit generated-project stamp");
            }

            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != CurrentFormatVersion)
            {
                throw new InvalidDataException($"{path}: stamp format version {version} is not supported (expected {CurrentFormatVersion})");
            }

            var options = root.GetProperty("options");
            GraphCounts? counts = null;
            if (root.TryGetProperty("counts", out var c))
            {
                counts = new GraphCounts(
                    c.GetProperty("sources").GetInt64(),
                    c.GetProperty("headers").GetInt64(),
                    c.GetProperty("derivedFiles").GetInt64(),
                    c.GetProperty("directories").GetInt64(),
                    c.GetProperty("aliases").GetInt64(),
                    c.GetProperty("edges").GetInt64());
            }

            return new GeneratedProjectStamp(
                version,
                root.GetProperty("generatorVersion").GetInt32(),
                root.GetProperty("complete").GetBoolean(),
                ProjectShapes.Parse(options.GetProperty("shape").GetString() ?? ""),
                options.GetProperty("sources").GetInt32(),
                options.GetProperty("seed").GetInt32(),
                options.GetProperty("largeFiles").GetInt32(),
                options.GetProperty("realTools").GetBoolean(),
                counts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: damaged generated-project stamp: {e.Message}", e);
        }
    }
}
