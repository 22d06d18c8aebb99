using System.Globalization;
using Toolkit.Engine.Build;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary>
/// Checks <c>-j/--jobs N</c> the same way in every verb that has it: 0 or less makes no sense and is
/// a usage error; more than <see cref="BuildOptions.MaxJobs"/> is capped with a note on stderr.
/// </summary>
public static class JobsParser
{
    /// <summary>The job count to use for <paramref name="requested"/>.</summary>
    public static int Check(int requested)
    {
        if (requested < 1)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"-j/--jobs: {requested} makes no sense; give 1 or more (the default is one per core)"));
        }

        if (requested > BuildOptions.MaxJobs)
        {
            Output.Note(string.Create(CultureInfo.InvariantCulture, $"-j {requested} is capped at {BuildOptions.MaxJobs} (each job is a thread running one action)"));
            return BuildOptions.MaxJobs;
        }

        return requested;
    }
}
