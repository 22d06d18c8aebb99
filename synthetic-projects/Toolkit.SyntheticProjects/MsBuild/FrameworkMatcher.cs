using System.Runtime.CompilerServices;
using NuGet.Frameworks;

namespace Toolkit.SyntheticProjects.MsBuild;

/// <summary>
/// Chooses which inner build of a multi-targeted reference a project builds against, as the SDK's
/// GetReferenceNearestTargetFrameworkTask does at build time: NuGet's nearest compatible framework
/// of the referencing node's TargetFrameworkMoniker/TargetPlatformMoniker among the reference's.
/// ProjectGraph itself links a referencing node to every inner build (it avoids NuGet while it
/// builds the graph); the importer keeps those edges and makes only the chosen one a dependency.
/// Uses NuGet.Frameworks, loaded beside MSBuild: call only after <see cref="MsBuildRegistration.EnsureRegistered"/>.
/// </summary>
internal static class FrameworkMatcher
{
    /// <summary>The index (into <paramref name="candidates"/>) of the nearest compatible framework, or -1 when none is.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Nearest(ImportedNode referencing, IReadOnlyList<ImportedNode> candidates)
    {
        var target = Parse(referencing);
        if (target is null)
        {
            return -1;
        }

        var frameworks = new List<NuGetFramework>(candidates.Count);
        var positions = new List<int>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Parse(candidates[i]) is { } framework)
            {
                frameworks.Add(framework);
                positions.Add(i);
            }
        }

        var nearest = new FrameworkReducer().GetNearest(target, frameworks);
        return nearest is null ? -1 : positions[frameworks.IndexOf(nearest)];
    }

    private static NuGetFramework? Parse(ImportedNode node)
    {
        try
        {
            if (node.TargetFrameworkMoniker.Length > 0)
            {
                var platform = node.TargetPlatformMoniker is "" or "None" ? null : node.TargetPlatformMoniker;
                return NuGetFramework.ParseComponents(node.TargetFrameworkMoniker, platform);
            }

            return node.TargetFramework.Length > 0 ? NuGetFramework.Parse(node.TargetFramework) : null;
        }
        catch (ArgumentException)
        {
            // A framework NuGet cannot read (a custom moniker): no choice for it, all its edges stay ordering edges.
            return null;
        }
    }
}
