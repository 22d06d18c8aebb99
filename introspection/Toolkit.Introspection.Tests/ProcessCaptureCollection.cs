namespace Toolkit.Introspection.Tests;

/// <summary>
/// Tests that dump or attach to processes (child targets, or the test host itself) run one at a time:
/// a createdump of the test host while another test's createdump or attach is under way is the one
/// unusual overlap in the suite, and the suite's host crashed once, unexplained, in a fresh-clone run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCaptureCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "process capture";
}
