using System.CommandLine;

namespace Toolkit.Harness.Commands;

/// <summary>
/// What a program adds to <see cref="BuildVerb"/>: the toolkit adds its introspection options (--debug,
/// --track, --stats, --heap-snapshot, ...), which need ClrMD and reflection; the lean engine executable
/// (toolkit-build) adds none, so NativeAOT compiles none of that.
/// </summary>
public interface IBuildVerbExtension
{
    /// <summary>The options, listed in the help after the build's own.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Checks the options' values before the project is read (a missing output folder is an error before a long build, not after it).</summary>
    void Check(ParseResult parse);

    /// <summary>Starts observing the build of <paramref name="variant"/>.</summary>
    IBuildObserver Start(string variant, ParseResult parse);
}
