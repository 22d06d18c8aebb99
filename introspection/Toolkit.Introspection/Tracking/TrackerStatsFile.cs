using System.Text.Json;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Reads and writes <see cref="TrackerStats"/> as versioned JSON. The version is checked before the
/// content is trusted, and the content is checked (ids, parallel arrays) before it is returned.
/// </summary>
internal static class TrackerStatsFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Save(TrackerStats stats, Stream stream) => JsonSerializer.Serialize(stream, stats, Options);

    public static TrackerStats Load(byte[] json, string source)
    {
        int version = ReadVersion(json, source);
        if (version > TrackerStats.CurrentFormatVersion || version < 1)
        {
            throw new TrackerStatsFormatException($"{source}: formatVersion {version} is not supported; this reader understands formatVersion 1 to {TrackerStats.CurrentFormatVersion}.");
        }

        TrackerStats stats;
        try
        {
            stats = JsonSerializer.Deserialize<TrackerStats>(json, Options)
                ?? throw new TrackerStatsFormatException($"{source}: the file holds JSON null, not tracker stats.");
        }
        catch (JsonException e)
        {
            throw new TrackerStatsFormatException($"{source}: damaged tracker stats at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {e.Message}", e);
        }

        Validate(stats, source);
        return stats;
    }

    private static int ReadVersion(byte[] json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TrackerStatsFormatException($"{source}: not tracker stats (the file does not start with a JSON object).");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("formatVersion"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int v))
                    {
                        throw new TrackerStatsFormatException($"{source}: formatVersion is not an integer.");
                    }

                    return v;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            throw new TrackerStatsFormatException($"{source}: damaged JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine} before formatVersion was found.", e);
        }

        throw new TrackerStatsFormatException($"{source}: no formatVersion property; not a tracker stats file.");
    }

    private static void Validate(TrackerStats stats, string source)
    {
        for (int i = 0; i < stats.Instances.Count; i++)
        {
            if (stats.Instances[i].Id != i)
            {
                throw new TrackerStatsFormatException($"{source}: instances[{i}] has id {stats.Instances[i].Id}; ids must equal their position.");
            }
        }

        for (int s = 0; s < stats.Snapshots.Count; s++)
        {
            var snap = stats.Snapshots[s];
            string where = $"{source}: snapshot {s} \"{snap.Label}\"";
            if (snap.InstanceIds.Length != snap.InstanceSizes.Length)
            {
                throw new TrackerStatsFormatException($"{where}: {snap.InstanceIds.Length} instance ids but {snap.InstanceSizes.Length} sizes.");
            }

            foreach (int id in snap.InstanceIds)
            {
                if ((uint)id >= (uint)stats.Instances.Count)
                {
                    throw new TrackerStatsFormatException($"{where}: instance id {id} outside the {stats.Instances.Count} recorded instances.");
                }
            }

            foreach (var d in snap.Details)
            {
                if ((uint)d.InstanceId >= (uint)stats.Instances.Count)
                {
                    throw new TrackerStatsFormatException($"{where}: detail for instance id {d.InstanceId} outside the {stats.Instances.Count} recorded instances.");
                }
            }

            if (snap.InstanceSizes.Any(x => x < 0) || snap.Types.Any(t => t.Count < 0 || t.Bytes < 0))
            {
                throw new TrackerStatsFormatException($"{where}: negative size or count.");
            }
        }
    }
}
