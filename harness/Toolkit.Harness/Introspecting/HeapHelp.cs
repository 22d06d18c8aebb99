namespace Toolkit.Harness.Introspecting;

/// <summary>Help text of the heap verbs: the description, then the example lines every verb's help ends with.</summary>
public static class HeapHelp
{
    /// <summary><paramref name="description"/> followed by "Examples:" and one indented line per example.</summary>
    public static string WithExamples(string description, params string[] examples) =>
        description + "\n\nExamples:\n" + string.Join("\n", examples.Select(e => "  " + e));
}
