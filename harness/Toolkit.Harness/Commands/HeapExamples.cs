using System.CommandLine;
using Toolkit.Harness.Commands.Help;

namespace Toolkit.Harness.Commands;

/// <summary>
/// The examples of the heap verbs, kept apart from their files while those are being reworked (issue 9):
/// each verb's help ends with these lines. They use positional arguments and option names that the
/// conventions keep, so a rename of a heap option does not make them lie; the CLI tests parse each one.
/// </summary>
public static class HeapExamples
{
    private static readonly Dictionary<string, string[]> BySubverb = new(StringComparer.Ordinal)
    {
        ["snapshot"] = ["toolkit heap snapshot --pid 4242 -o app.heap", "toolkit heap snapshot --core core.4242 -o app.heap --no-string-contents"],
        ["summarize"] = ["toolkit heap summarize app.heap", "toolkit heap summarize app.heap --json"],
        ["types"] = ["toolkit heap types app.heap System.String"],
        ["show"] = ["toolkit heap show app.heap 0x7f1c2a400028"],
        ["paths"] = ["toolkit heap paths app.heap 0x7f1c2a400028"],
        ["dominators"] = ["toolkit heap dominators app.heap --top 10"],
        ["diff"] = ["toolkit heap diff before.heap after.heap"],
        ["inspect"] = ["toolkit heap inspect app.heap"],
    };

    /// <summary>Adds the examples to <paramref name="heap"/> and to each of its sub-verbs that has some; returns <paramref name="heap"/>.</summary>
    public static Command AddTo(Command heap)
    {
        ArgumentNullException.ThrowIfNull(heap);
        heap.WithExamples("toolkit heap snapshot --pid 4242 -o app.heap", "toolkit heap summarize app.heap");
        foreach (var verb in heap.Subcommands)
        {
            if (BySubverb.TryGetValue(verb.Name, out var examples))
            {
                verb.WithExamples(examples);
            }
        }

        return heap;
    }
}
