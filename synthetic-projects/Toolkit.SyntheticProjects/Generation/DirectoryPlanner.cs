
namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Makes the plan of one directory from its own seeded Bogus data sets (<see cref="SeededFaker"/>), seeded from the project seed and the
/// directory's index (never the global Randomizer.Seed), so any directory can be planned on any
/// thread in any order and comes out the same.
/// </summary>
internal static class DirectoryPlanner
{
    /// <summary>Every third local header of c-libraries includes a shared header, so implicit dependencies are transitive.</summary>
    private const int LocalHeaderSharedEvery = 3;

    public static DirectoryPlan Plan(ProjectPlan project, int directory)
    {
        var options = project.Options;
        var faker = new SeededFaker(SeedMixer.Mix(options.Seed, SeedMixer.DirectoryStream, directory), project.Vocabulary);
        var name = project.DirectoryName(directory);
        var count = project.SourcesIn(directory);
        var shared = project.SharedHeaders;
        var headers = PlanHeaders(options.Shape, faker, name, count, shared);

        var sources = new SourcePlan[count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var locals = new List<HeaderPlan>(5);
        var sharedIncludes = new List<HeaderPlan>(4);
        for (var j = 0; j < count; j++)
        {
            var stem = project.SourceStem(directory, j);
            var functions = new string[ProjectPlan.FunctionsPerSource];
            var constants = new int[ProjectPlan.FunctionsPerSource * 2];
            for (var k = 0; k < functions.Length; k++)
            {
                functions[k] = $"{faker.Verb()}_{faker.Noun()}_{directory}_{j}_{k}";
                constants[2 * k] = faker.Random.Int(2, 97);
                constants[(2 * k) + 1] = faker.Random.Int(1, 9999);
            }

            locals.Clear();
            sharedIncludes.Clear();
            ChooseIncludes(options.Shape, faker, j, headers, shared, locals, sharedIncludes);
            var declaredIn = headers.Length > 0 ? headers[j % headers.Length] : null;
            declaredIn?.Declarations.AddRange(functions);

            seen.Clear();
            var dependencies = new List<string>();
            foreach (var header in locals.Concat(sharedIncludes))
            {
                foreach (var path in header.Closure)
                {
                    if (seen.Add(path))
                    {
                        dependencies.Add(path);
                    }
                }
            }

            sources[j] = new SourcePlan(
                $"{name}/{stem}.c",
                $"{name}/{stem}.o",
                faker.Sentence(16),
                functions,
                constants,
                locals.ToArray(),
                sharedIncludes.ToArray(),
                declaredIn is not null,
                dependencies.ToArray());
        }

        var depends = options.Shape == ProjectShape.DeepChain && directory > 0
            ? new[] { project.LibraryPath(directory - 1)! }
            : [];
        return new DirectoryPlan(name, headers, sources, project.LibraryPath(directory), depends);
    }

    public static DirectoryPlan PlanLarge(ProjectPlan project)
    {
        var options = project.Options;
        var faker = new SeededFaker(SeedMixer.Mix(options.Seed, SeedMixer.LargeFileStream, -1), project.Vocabulary);
        var name = ProjectPlan.LargeDirectory;
        var first = project.SharedHeaders[0];
        var sources = new SourcePlan[options.LargeFiles];
        for (var k = 0; k < sources.Length; k++)
        {
            var stem = $"blob_{faker.Identifier()}_{k}";
            sources[k] = new SourcePlan(
                $"{name}/{stem}.c",
                $"{name}/{stem}.o",
                faker.Sentence(16),
                [stem + "_sum"],
                [],
                [],
                [first],
                declaredInHeader: false,
                first.Closure,
                SeedMixer.Mix(options.Seed, SeedMixer.LargeFileStream, k));
        }

        return new DirectoryPlan(name, [], sources, ProjectPlan.LibraryPathOf(name), []);
    }

    private static HeaderPlan[] PlanHeaders(ProjectShape shape, SeededFaker faker, string directory, int sources, IReadOnlyList<HeaderPlan> shared)
    {
        var count = shape switch
        {
            ProjectShape.CLibraries => Math.Max(ProjectPlan.MinLocalHeaders, (sources + ProjectPlan.SourcesPerLocalHeader - 1) / ProjectPlan.SourcesPerLocalHeader),
            ProjectShape.DeepChain => 1,
            _ => 0,
        };
        var headers = new HeaderPlan[count];
        for (var h = 0; h < count; h++)
        {
            var stem = $"{faker.Noun()}_{h}";
            IReadOnlyList<HeaderPlan> includes = shape == ProjectShape.CLibraries && h % LocalHeaderSharedEvery == 0
                ? [shared[faker.Random.Int(0, shared.Count - 1)]]
                : [];
            headers[h] = new HeaderPlan($"{directory}/{stem}.h", stem + ".h", $"{directory}_{stem}", faker.Sentence(8), includes, faker.Random.Int(2, 999));
        }

        return headers;
    }

    private static void ChooseIncludes(ProjectShape shape, SeededFaker faker, int source, HeaderPlan[] headers, IReadOnlyList<HeaderPlan> shared, List<HeaderPlan> locals, List<HeaderPlan> sharedIncludes)
    {
        switch (shape)
        {
            case ProjectShape.CLibraries:
                // 3-5 headers of its directory (the one declaring its functions first), 1-2 shared ones.
                locals.Add(headers[source % headers.Length]);
                AddDistinct(faker, headers, faker.Random.Int(3, 5), locals);
                AddDistinct(faker, shared, faker.Random.Int(1, 2), sharedIncludes);
                break;
            case ProjectShape.DeepChain:
                locals.Add(headers[0]);
                sharedIncludes.Add(shared[faker.Random.Int(0, shared.Count - 1)]);
                break;
            default:
                sharedIncludes.AddRange(shared);
                break;
        }
    }

    private static void AddDistinct(SeededFaker faker, IReadOnlyList<HeaderPlan> from, int want, List<HeaderPlan> into)
    {
        while (into.Count < want)
        {
            var pick = from[faker.Random.Int(0, from.Count - 1)];
            if (!into.Contains(pick))
            {
                into.Add(pick);
            }
        }
    }
}
