using System.Globalization;
using System.Text;

namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// What <see cref="ProjectGenerator"/> writes: the options of
/// <c>toolkit generate --shape S --sources N --seed S --out DIR [--large-files K] [--real-tools]</c>.
/// </summary>
/// <param name="Shape">The project shape.</param>
/// <param name="Sources">How many ordinary C sources (not counting bin/main.c and large files).</param>
/// <param name="Seed">Seed of every random choice: the same options give the same tree, byte for byte.</param>
/// <param name="OutputDirectory">Where the project is written; absent, empty, or an earlier generated project.</param>
/// <param name="LargeFiles">Extra sources of <see cref="ProjectGenerator.LargeFileBytes"/> each, built into a library of their own.</param>
/// <param name="RealTools">Marks the manifest as meant to be built with real cc and ar.</param>
public sealed record GeneratorOptions(
    ProjectShape Shape,
    int Sources,
    int Seed,
    string OutputDirectory,
    int LargeFiles = 0,
    bool RealTools = false)
{
    /// <summary>The smallest accepted number of sources: one full small directory.</summary>
    public const int MinSources = 10;

    /// <summary>The largest accepted number of sources: the scale the toolkit is measured at.</summary>
    public const int MaxSources = 1_000_000;

    /// <summary>
    /// Upper bound on large files: each is 8 MiB, so 1,000 of them already write 8 GiB.
    /// </summary>
    public const int MaxLargeFiles = 1_000;

    /// <summary>Throws <see cref="GenerationException"/> naming the option that is wrong.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Shape))
        {
            throw new GenerationException($"--shape: unknown shape {(int)Shape}; valid shapes: {string.Join(", ", ProjectShapes.ValidNames)}");
        }

        if (Sources is < MinSources or > MaxSources)
        {
            throw new GenerationException($"--sources: {Sources} is out of range; it must be between {MinSources:N0} and {MaxSources:N0}");
        }

        if (LargeFiles < 0)
        {
            throw new GenerationException($"--large-files: {LargeFiles} is negative; it must be 0 or more");
        }

        if (LargeFiles > MaxLargeFiles)
        {
            throw new GenerationException($"--large-files: {LargeFiles} is more than {MaxLargeFiles} (each file is {ProjectGenerator.LargeFileBytes / (1 << 20)} MiB)");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new GenerationException("--out: an output directory is required");
        }
    }

    /// <summary>The command line that reproduces this tree (without --out).</summary>
    public string ToCommandLine()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"toolkit generate --shape {ProjectShapes.Name(Shape)} --sources {Sources} --seed {Seed}");
        if (LargeFiles > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" --large-files {LargeFiles}");
        }

        if (RealTools)
        {
            text.Append(" --real-tools");
        }

        return text.ToString();
    }
}
