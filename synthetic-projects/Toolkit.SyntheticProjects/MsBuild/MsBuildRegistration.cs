using Microsoft.Build.Locator;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Registers the installed .NET SDK's MSBuild with the process once (MSBuildLocator), before any
/// Microsoft.Build type is loaded. Mentions no MSBuild type itself: the JIT loads the types a
/// method uses when it compiles that method, so registration and use live in different classes.
/// </summary>
public static class MsBuildRegistration
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers MSBuild on the first call; later calls (from any thread) do nothing.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }

            _registered = true;
        }
    }

    /// <summary>
    /// Keeps evaluation offline (<c>--offline</c>): turns off MSBuild's NuGet SDK resolver, which
    /// otherwise restores a versioned SDK (<c>Sdk="Name/1.2.3"</c>, global.json <c>msbuild-sdks</c>)
    /// missing from the global packages folder from the configured feeds. A variable that is already
    /// set is left as it is.
    /// </summary>
    public static void KeepOffline() => SetUnlessPresent("MSBUILDDISABLENUGETSDKRESOLVER", "1");

    /// <summary>Turns off node reuse, which only a build would use (evaluation starts no nodes), so nothing outlives the process.</summary>
    public static void DisableNodeReuse() => SetUnlessPresent("MSBUILDDISABLENODEREUSE", "1");

    private static void SetUnlessPresent(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
