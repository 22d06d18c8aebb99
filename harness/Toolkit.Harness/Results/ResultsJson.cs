using System.Text.Json;

namespace Toolkit.Harness.Results;

/// <summary>
/// The JSON of every file and record the harness writes for later reading: the results file of
/// <c>toolkit scale</c> and the footprint record a measuring child prints. camelCase and indented
/// when written; read strictly (required members, non-nullable annotations, bounded depth), so a
/// damaged file fails at the member that is wrong instead of yielding nulls the pages divide by.
/// </summary>
public static class ResultsJson
{
    /// <summary>
    /// Deepest nesting read: a results file nests 4 levels (results, runs, run, footprint); 16 leaves
    /// room for later schemas while a hostile file cannot recurse the reader deep.
    /// </summary>
    public const int MaximumDepth = 16;

    /// <summary>Options for writing: camelCase, indented.</summary>
    public static JsonSerializerOptions Write { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Options for reading: the writing options plus required members, nullable annotations respected and <see cref="MaximumDepth"/>.</summary>
    public static JsonSerializerOptions Read { get; } = new(Write)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = MaximumDepth,
    };
}
