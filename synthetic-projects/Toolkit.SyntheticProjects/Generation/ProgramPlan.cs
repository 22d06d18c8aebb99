namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The program of the plan: bin/main.c, its object bin/app.o and bin/app linking the
/// libraries (or, for wide-fanin, every object). The link inputs are computed on demand, so a
/// million-input link line is never held in memory.
/// </summary>
public sealed class ProgramPlan
{
    internal ProgramPlan(
        string comment,
        IReadOnlyList<HeaderPlan> includes,
        IReadOnlyList<string> calls,
        IReadOnlyList<string> blobCalls,
        IReadOnlyList<string> linkInputs)
    {
        Comment = comment;
        Includes = includes;
        Calls = calls;
        BlobCalls = blobCalls;
        LinkInputs = linkInputs;
        var dependencies = new List<string>();
        foreach (var header in includes)
        {
            foreach (var path in header.Closure)
            {
                if (!dependencies.Contains(path))
                {
                    dependencies.Add(path);
                }
            }
        }

        HeaderDependencies = dependencies;
    }

    /// <summary>Path of the main source.</summary>
    public string MainPath => ProjectPlan.BinDirectory + "/main.c";

    /// <summary>Path of the main object.</summary>
    public string MainObjectPath => ProjectPlan.BinDirectory + "/app.o";

    /// <summary>Path of the program.</summary>
    public string ProgramPath => ProjectPlan.BinDirectory + "/app";

    /// <summary>The lorem comment at the top of main.c.</summary>
    public string Comment { get; }

    /// <summary>Shared headers main.c includes.</summary>
    public IReadOnlyList<HeaderPlan> Includes { get; }

    /// <summary>The main object's implicit dependencies.</summary>
    public IReadOnlyList<string> HeaderDependencies { get; }

    /// <summary>Library functions main calls (<c>int f(int)</c>), so the link really resolves symbols.</summary>
    public IReadOnlyList<string> Calls { get; }

    /// <summary>Large-file functions main calls (<c>unsigned long f(void)</c>).</summary>
    public IReadOnlyList<string> BlobCalls { get; }

    /// <summary>The program's sources: bin/app.o first, then libraries or objects.</summary>
    public IReadOnlyList<string> LinkInputs { get; }
}
