using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Toolkit.Harness.Measuring;

namespace Toolkit.Harness.Benchmarks;

/// <summary>
/// Carries a benchmark's retained bytes from the process that runs it to the columns that print
/// them: the benchmark measures its graph in [GlobalSetup] (live heap before and after, full
/// blocking compacting collections, graph alive) and records it in a small file keyed by benchmark
/// type, method and parameter values; <see cref="RetainedBytesColumn"/> reads it back. A file works
/// the same for in-process and out-of-process toolchains. The directory is TOOLKIT_BENCH_RECORDS or
/// a folder in the temp directory.
/// </summary>
public static class RetainedBytesRecorder
{
    /// <summary>The environment variable naming the records directory.</summary>
    public const string DirectoryVariable = "TOOLKIT_BENCH_RECORDS";

    /// <summary>The directory records are written to.</summary>
    public static string RecordsDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "toolkit-bench", "retained");

    /// <summary>Measures what <paramref name="build"/> retains, records it for <paramref name="benchmark"/>'s <paramref name="method"/>, returns the built value.</summary>
    public static T Measure<T>(object benchmark, string method, Func<T> build, Func<T, int> nodes)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(nodes);
        var before = FootprintMeasurer.LiveHeap();
        var value = build();
        var after = FootprintMeasurer.LiveHeap();
        GC.KeepAlive(value);
        Record(benchmark, method, new GraphFootprint(after - before, nodes(value)));
        return value;
    }

    /// <summary>Records a footprint for the benchmark instance's current parameter values.</summary>
    public static void Record(object benchmark, string method, GraphFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(footprint);
        var type = DeclaringBenchmarkType(benchmark.GetType());
        var parameters = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsDefined(typeof(ParamsAttribute)) || m.IsDefined(typeof(ParamsSourceAttribute)) || m.IsDefined(typeof(ParamsAllValuesAttribute)))
            .Select(m => (m.Name, m switch
            {
                PropertyInfo property => property.GetValue(benchmark),
                FieldInfo field => field.GetValue(benchmark),
                _ => null,
            }));
        var key = Key(type, method, parameters);
        Directory.CreateDirectory(RecordsDirectory);
        var text = string.Create(CultureInfo.InvariantCulture, $"{footprint.RetainedBytes} {footprint.Nodes}\n{key}\n");
        var path = PathOf(key);
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The record of a benchmark case written at or after <paramref name="notBefore"/>, or null.</summary>
    public static GraphFootprint? TryRead(string key, DateTime notBefore)
    {
        var path = PathOf(key);
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) < notBefore)
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length < 2 || lines[1] != key)
        {
            return null;
        }

        var parts = lines[0].Split(' ');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nodes)
            ? new GraphFootprint(bytes, nodes)
            : null;
    }

    /// <summary>The key of a benchmark case: type, method and parameters sorted by name, values in invariant culture.</summary>
    public static string Key(Type type, string method, IEnumerable<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(type);
        var values = parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + Convert.ToString(p.Value, CultureInfo.InvariantCulture));
        return $"{type.FullName}.{method}({string.Join(", ", values)})";
    }

    /// <summary>
    /// The class that declares the benchmarks: toolchains that emit code (InProcessEmit) run a
    /// generated subclass, but BenchmarkDotNet's descriptors name the declaring class.
    /// </summary>
    private static Type DeclaringBenchmarkType(Type type)
    {
        for (var each = type; each is not null; each = each.BaseType)
        {
            if (each.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.IsDefined(typeof(BenchmarkAttribute))))
            {
                return each;
            }
        }

        return type;
    }

    private static string PathOf(string key) =>
        Path.Combine(RecordsDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".txt");
}
