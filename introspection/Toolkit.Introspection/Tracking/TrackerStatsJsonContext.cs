using System.Text.Json.Serialization;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// The source-generated writer of <see cref="TrackerStats"/>: no reflection at run time, so saving works
/// in trimmed and NativeAOT-published programs and in .NET 10 one-file apps, where reflection-based
/// System.Text.Json is off by default. Reading is done by <see cref="TrackerStatsReader"/>, which checks
/// every field as it streams.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TrackerStats))]
internal sealed partial class TrackerStatsJsonContext : JsonSerializerContext;
