namespace Toolkit.Introspection.Tests.Reporting;

/// <summary>A test that needs headless Chromium: skipped, with the reason, when it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian installs it; CI installs it there (.ci/run).</summary>
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"chromium is not installed at {Path}; the page's layout check did not run";
        }
    }
}
