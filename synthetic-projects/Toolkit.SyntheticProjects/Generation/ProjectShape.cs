namespace Toolkit.SyntheticProjects.Generation;

/// <summary>
/// The kind of project the generator writes. Each shape stresses a different part of a build
/// engine's graph: ordinary per-directory libraries, depth, or fan-in.
/// </summary>
public enum ProjectShape
{
    /// <summary>
    /// Directories of about 100 C sources with their own headers, one static library per
    /// directory and one program linking them all (command-line name <c>c-libraries</c>).
    /// </summary>
    CLibraries = 0,

    /// <summary>
    /// A chain of N/10 libraries, each depending on the one before, and a 50-deep header chain
    /// (command-line name <c>deep-chain</c>): the longest dependency path is about N/10.
    /// </summary>
    DeepChain = 1,

    /// <summary>
    /// Every object linked straight into one program (fan-in N) and every source including the
    /// same few shared headers (fan-out N) (command-line name <c>wide-fanin</c>).
    /// </summary>
    WideFanin = 2,
}
