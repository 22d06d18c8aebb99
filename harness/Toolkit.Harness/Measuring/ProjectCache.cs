using System.Diagnostics;
using System.Globalization;
using Toolkit.SyntheticProjects.Generation;

namespace Toolkit.Harness.Measuring;

/// <summary>
/// The generated projects <c>toolkit scale</c> and <c>toolkit compare --variants</c> measure, kept in
/// one folder (<c>--projects</c>) as SHAPE-SOURCES-seedSEED and reused while their generated.json
/// matches the options and the generator version. The stamp is read once per project: whether to reuse
/// and the counts a results file records come from the same read.
/// </summary>
public static class ProjectCache
{
    /// <summary>The default <c>--projects</c>: one folder in the temporary directory, shared by scale and compare.</summary>
    public static string DefaultDirectory => Path.Join(Path.GetTempPath(), "toolkit-projects");

    /// <summary>
    /// The generator options of the project of <paramref name="shape"/>, <paramref name="sources"/>,
    /// <paramref name="seed"/> and <paramref name="largeFiles"/> in <paramref name="projectsDirectory"/>
    /// (SHAPE-SOURCES-seedSEED, with -largeK when it has large files).
    /// </summary>
    public static GeneratorOptions Options(string projectsDirectory, ProjectShape shape, int sources, int seed, int largeFiles = 0) =>
        new(shape, sources, seed, Path.Join(Path.GetFullPath(projectsDirectory), string.Create(CultureInfo.InvariantCulture, $"{ProjectShapes.Name(shape)}-{sources}-seed{seed}{(largeFiles > 0 ? $"-large{largeFiles}" : string.Empty)}")), largeFiles);

    /// <summary>
    /// Reuses the project <paramref name="options"/> describe or generates it. <paramref name="readStamp"/>
    /// reads a directory's generated.json (tests count the reads); a damaged stamp means "generate again".
    /// A directory the generator refuses to overwrite is a <see cref="MeasurementException"/> naming it.
    /// <paramref name="cancellation"/> stops a generation between batches (<see cref="OperationCanceledException"/>; the
    /// project stays marked unfinished and is generated again next time).
    /// </summary>
    public static CachedProject Ensure(GeneratorOptions options, Func<string, GeneratedProjectStamp?>? readStamp = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        GeneratedProjectStamp? stamp;
        try
        {
            stamp = (readStamp ?? GeneratedProjectStamp.Read)(options.OutputDirectory);
        }
        catch (InvalidDataException)
        {
            stamp = null;
        }

        if (stamp is { Counts: { } counts } && stamp.Matches(options))
        {
            return new CachedProject(options.OutputDirectory, counts, Reused: true, GenerateSeconds: 0);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var result = ProjectGenerator.Generate(options, cancellation: cancellation);
            return new CachedProject(options.OutputDirectory, result.Counts, Reused: false, clock.Elapsed.TotalSeconds);
        }
        catch (Exception exception) when (exception is IOException or GenerationException)
        {
            throw new MeasurementException($"cannot generate the project to measure in {options.OutputDirectory}: {exception.Message}");
        }
    }
}
