using System.Globalization;
using Toolkit.Engine.Build;
using Toolkit.Harness.Terminal;

namespace Toolkit.Harness.Commands;

/// <summary>
/// Caps <c>-j/--jobs N</c> at <see cref="BuildOptions.MaxJobs"/> with a note on stderr, the same way in
/// every verb that runs a build (0 or less is refused earlier, by the option's parser).
/// </summary>
public static class JobsParser
{
    /// <summary>The job count to use for <paramref name="requested"/>.</summary>
    public static int Cap(int requested)
    {
        if (requested > BuildOptions.MaxJobs)
        {
            Output.Note(string.Create(CultureInfo.InvariantCulture, $"-j {requested} is capped at {BuildOptions.MaxJobs} (each job is a thread running one action)"));
            return BuildOptions.MaxJobs;
        }

        return requested;
    }
}
