namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// Receives the plan as it is generated, directory by directory in order, and writes one build
/// description of it (the manifest, a Makefile, a build.ninja, an SConstruct). Sinks stream:
/// they keep nothing of a directory after writing it.
/// </summary>
internal interface IProjectSink : IDisposable
{
    /// <summary>The file the sink writes, relative to the project root.</summary>
    string FileName { get; }

    /// <summary>Writes what comes before the first directory.</summary>
    void Begin(ProjectPlan plan);

    /// <summary>Writes one directory's objects and library.</summary>
    void Directory(DirectoryPlan directory);

    /// <summary>Writes the program, the alias and the default target; the sink is complete after it.</summary>
    void Program(ProgramPlan program);
}
