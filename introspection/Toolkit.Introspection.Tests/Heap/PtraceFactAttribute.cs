namespace Toolkit.Introspection.Tests.Heap;

/// <summary>
/// A test that attaches to a live process in place (ClrMD's AttachToProcess with suspend, ptrace on
/// Linux). On a loaded 2-core machine it was seen to deadlock (the target left in tracing stop while
/// ClrMD waited in waitpid), which would hang the whole suite, so it runs only when
/// TOOLKIT_PTRACE_TESTS=1. The default capture mode (createdump) is tested unconditionally.
/// </summary>
public sealed class PtraceFactAttribute : FactAttribute
{
    /// <summary>The variable that enables these tests.</summary>
    public const string Variable = "TOOLKIT_PTRACE_TESTS";

    /// <summary>Skips unless <see cref="Variable"/> is 1.</summary>
    public PtraceFactAttribute()
    {
        if (System.Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"attaching in place can deadlock under ptrace; set {Variable}=1 to run it";
        }
    }
}
