using System.Text.Json;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Reads and writes <see cref="TrackerStats"/> as versioned JSON: written by the source-generated
/// <see cref="TrackerStatsJsonContext"/> (no reflection, so it works trimmed and AOT-published), read by
/// the streaming <see cref="TrackerStatsReader"/>, which checks the version first and every field
/// before use. Every refusal, an unreadable file included, is a <see cref="TrackerStatsFormatException"/>.
/// </summary>
internal static class TrackerStatsFile
{
    /// <summary>Type names stay readable (<c>List&lt;Node&gt;</c>, not <c>List\u003CNode\u003E</c>): the file is data, never embedded in HTML.</summary>
    private static readonly TrackerStatsJsonContext Writer = new(new JsonSerializerOptions
    {
        // Options given at run time replace the context's attribute: the same naming and null rule again.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Save(TrackerStats stats, Stream stream) =>
        JsonSerializer.Serialize(stream, stats, Writer.TrackerStats);

    public static TrackerStats Load(Stream stream, string source) => TrackerStatsReader.Read(stream, source);

    public static TrackerStats Load(string path)
    {
        FileStream stream;
        try
        {
            // No FileStream buffer: the reader has its own, and reads sequentially.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new TrackerStatsFormatException($"{path}: cannot read the stats file: {e.Message}", e);
        }

        using (stream)
        {
            return Load(stream, path);
        }
    }
}
