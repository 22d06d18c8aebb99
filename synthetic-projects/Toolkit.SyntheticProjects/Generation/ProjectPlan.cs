
namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The structure of a generated project, computed from the options alone: directory and file
/// names, includes, objects, libraries, the program. Directories are planned one at a time on
/// demand (<see cref="PlanDirectory"/>), each from its own seeded <see cref="SeededFaker"/>, so the generator can
/// plan and write them in parallel and hold only a batch at a time. Tests use it as the model
/// the written files are checked against.
/// </summary>
public sealed class ProjectPlan
{
    /// <summary>Sources per directory for c-libraries and wide-fanin: a typical hand-kept source
    /// directory, and at 100k sources it gives 1k libraries, the scale the graph counts assume.</summary>
    public const int SourcesPerDirectory = 100;

    /// <summary>Sources per library of deep-chain: N/10 libraries make the chain, and so the longest path, about N/10 long.</summary>
    public const int ChainSourcesPerLibrary = 10;

    /// <summary>Depth of deep-chain's header chain: deep enough to exercise the scanner's iteration, small enough that N objects times 50 headers stays a sane edge count.</summary>
    public const int HeaderChainDepth = 50;

    /// <summary>Shared headers of c-libraries in include/.</summary>
    public const int SharedHeaderCount = 20;

    /// <summary>Shared headers every wide-fanin source includes: few, so each has fan-out N.</summary>
    public const int WideSharedHeaderCount = 4;

    /// <summary>Sources per local header in c-libraries: about 10 headers per 100-source directory.</summary>
    public const int SourcesPerLocalHeader = 10;

    /// <summary>Fewest local headers of a c-libraries directory: each source includes up to 5 of them.</summary>
    public const int MinLocalHeaders = 5;

    /// <summary>Functions each source defines.</summary>
    public const int FunctionsPerSource = 2;

    /// <summary>At most this many library functions are called from main: enough to prove the link resolves symbols, few enough to keep main.c small.</summary>
    public const int MainCallLimit = 64;

    /// <summary>Directory of the shared headers.</summary>
    public const string SharedDirectory = "include";

    /// <summary>Directory of main.c and the program.</summary>
    public const string BinDirectory = "bin";

    /// <summary>Directory of the large files and their library (no numeric suffix, so no clash with generated names).</summary>
    public const string LargeDirectory = "lib_blob";

    /// <summary>Words the project-wide names are picked from; enough variety to look real.</summary>
    private const int VocabularySize = 64;

    private readonly string[] _directoryWords;
    private readonly string[] _fileWords;
    private readonly int _quotient;
    private readonly int _remainder;

    private ProjectPlan(GeneratorOptions options)
    {
        Options = options;
        DirectoryCount = options.Shape switch
        {
            ProjectShape.DeepChain => options.Sources / ChainSourcesPerLibrary,
            _ => (options.Sources + SourcesPerDirectory - 1) / SourcesPerDirectory,
        };
        _quotient = options.Sources / DirectoryCount;
        _remainder = options.Sources % DirectoryCount;

        Vocabulary = new Vocabulary(SeedMixer.Mix(options.Seed, SeedMixer.ProjectStream, 0));
        var faker = new SeededFaker(SeedMixer.Mix(options.Seed, SeedMixer.ProjectStream, 2), Vocabulary);
        _directoryWords = Words(faker.Noun);
        _fileWords = Words(() => faker.Verb() + "_" + faker.Noun());
        SharedHeaders = PlanSharedHeaders(faker);
    }

    /// <summary>The options the plan was made from.</summary>
    public GeneratorOptions Options { get; }

    /// <summary>The words names and comments are made of (drawn by Bogus from the seed).</summary>
    internal Vocabulary Vocabulary { get; }

    /// <summary>Source directories (not counting include/, bin/ and the large-file directory).</summary>
    public int DirectoryCount { get; }

    /// <summary>Headers in include/: 20 for c-libraries, the 50-deep chain for deep-chain, 4 for wide-fanin.</summary>
    public IReadOnlyList<HeaderPlan> SharedHeaders { get; }

    /// <summary>True when the shape builds a library per directory.</summary>
    public bool HasLibraries => Options.Shape != ProjectShape.WideFanin;

    /// <summary>Validates the options and makes the plan.</summary>
    public static ProjectPlan Create(GeneratorOptions options)
    {
        options.Validate();
        return new ProjectPlan(options);
    }

    /// <summary>Name of source directory <paramref name="directory"/> (also its environment's name).</summary>
    public string DirectoryName(int directory)
    {
        var word = _directoryWords[SeedMixer.Mix(Options.Seed, SeedMixer.NameStream, directory) % VocabularySize];
        return Options.Shape == ProjectShape.WideFanin ? $"src_{word}_{directory}" : $"lib_{word}_{directory}";
    }

    /// <summary>How many sources directory <paramref name="directory"/> holds (sources spread evenly).</summary>
    public int SourcesIn(int directory) => _quotient + (directory < _remainder ? 1 : 0);

    /// <summary>File stem of source <paramref name="index"/> of a directory.</summary>
    public string SourceStem(int directory, int index)
    {
        var pick = SeedMixer.Mix(Options.Seed, SeedMixer.NameStream, ((long)(directory + 1) << 32) | (uint)index);
        return $"{_fileWords[pick % VocabularySize]}_{index}";
    }

    /// <summary>Path of the object of source <paramref name="index"/> of a directory.</summary>
    public string ObjectPath(int directory, int index) => $"{DirectoryName(directory)}/{SourceStem(directory, index)}.o";

    /// <summary>Path of a directory's library; null for wide-fanin.</summary>
    public string? LibraryPath(int directory) => HasLibraries ? LibraryPathOf(DirectoryName(directory)) : null;

    /// <summary>The object of the project-wide source number <paramref name="source"/> (0 to N-1).</summary>
    public string ObjectPathOfSource(int source)
    {
        var big = _remainder * (_quotient + 1);
        return source < big
            ? ObjectPath(source / (_quotient + 1), source % (_quotient + 1))
            : ObjectPath(_remainder + ((source - big) / _quotient), (source - big) % _quotient);
    }

    /// <summary>Plans one source directory; pure and thread-safe.</summary>
    public DirectoryPlan PlanDirectory(int directory)
    {
        if ((uint)directory >= (uint)DirectoryCount)
        {
            throw new ArgumentOutOfRangeException(nameof(directory), directory, $"the project has {DirectoryCount} directories");
        }

        return DirectoryPlanner.Plan(this, directory);
    }

    /// <summary>Plans the large-file directory; null when no large files were asked for.</summary>
    public DirectoryPlan? PlanLargeDirectory() => Options.LargeFiles == 0 ? null : DirectoryPlanner.PlanLarge(this);

    /// <summary>Plans bin/main.c and bin/app.</summary>
    public ProgramPlan PlanProgram()
    {
        var faker = new SeededFaker(SeedMixer.Mix(Options.Seed, SeedMixer.ProjectStream, 1), Vocabulary);
        var calls = new List<string>();
        if (Options.Shape == ProjectShape.DeepChain)
        {
            calls.Add(PlanDirectory(DirectoryCount - 1).Sources[0].Functions[0]);
        }
        else
        {
            for (var d = 0; d < Math.Min(DirectoryCount, MainCallLimit); d++)
            {
                calls.Add(PlanDirectory(d).Sources[0].Functions[0]);
            }
        }

        var large = PlanLargeDirectory();
        var blobCalls = large?.Sources.Select(s => s.Functions[0]).ToArray() ?? [];
        var tail = large?.LibraryPath;
        var count = Options.Shape switch
        {
            ProjectShape.CLibraries => DirectoryCount,
            ProjectShape.DeepChain => 1,
            _ => Options.Sources,
        };
        Func<int, string> input = Options.Shape switch
        {
            ProjectShape.CLibraries => i => LibraryPathOf(DirectoryName(i)),
            ProjectShape.DeepChain => _ => LibraryPathOf(DirectoryName(DirectoryCount - 1)),
            _ => ObjectPathOfSource,
        };
        var mainObject = BinDirectory + "/app.o";
        var inputs = new ComputedList(
            1 + count + (tail is null ? 0 : 1),
            i => i == 0 ? mainObject : i <= count ? input(i - 1) : tail!);
        // main.c includes every shared header (for the chain, its top, which reaches them all), so each
        // shared header is reached by the scanner and is a node however few sources pick it.
        IReadOnlyList<HeaderPlan> includes = Options.Shape == ProjectShape.DeepChain ? [SharedHeaders[^1]] : SharedHeaders;
        return new ProgramPlan(faker.Sentence(12), includes, calls, blobCalls, inputs);
    }

    internal static string LibraryPathOf(string directoryName) => $"{directoryName}/lib{directoryName}.a";

    private static string[] Words(Func<string> next)
    {
        var words = new string[VocabularySize];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = next();
        }

        return words;
    }

    private HeaderPlan[] PlanSharedHeaders(SeededFaker faker)
    {
        var chain = Options.Shape == ProjectShape.DeepChain;
        var count = Options.Shape switch
        {
            ProjectShape.CLibraries => SharedHeaderCount,
            ProjectShape.DeepChain => HeaderChainDepth,
            _ => WideSharedHeaderCount,
        };
        var headers = new HeaderPlan[count];
        for (var i = 0; i < count; i++)
        {
            var symbol = $"{(chain ? "chain" : "pub")}_{faker.Noun()}_{i}";
            IReadOnlyList<HeaderPlan> includes = chain && i > 0 ? [headers[i - 1]] : [];
            headers[i] = new HeaderPlan($"{SharedDirectory}/{symbol}.h", symbol + ".h", symbol, faker.Sentence(8), includes, faker.Random.Int(2, 999));
        }

        return headers;
    }
}
