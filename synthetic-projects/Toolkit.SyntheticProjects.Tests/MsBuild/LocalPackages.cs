namespace Toolkit.SyntheticProjects.Tests.MsBuild;

/// <summary>
/// Writes what the NuGet SDK resolver reads without a network: a NuGet.config that clears every
/// feed (optionally adding one) and points the global packages folder into the tree, and an
/// MSBuild SDK package laid out in that folder as a restore leaves it (id/version/ with the
/// .nupkg.metadata and .sha512 markers, the .nuspec and Sdk/Sdk.props|targets).
/// </summary>
public static class LocalPackages
{
    public static void WriteNuGetConfig(string directory, string? feed)
    {
        Directory.CreateDirectory(directory);
        var source = feed is null ? "" : $"""<add key="only" value="{feed}" allowInsecureConnections="true" />""";
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="packages" /></config>
              <packageSources><clear />{source}</packageSources>
            </configuration>
            """);
    }

    /// <summary>An SDK package whose Sdk.props/Sdk.targets wrap Microsoft.NET.Sdk (so its projects evaluate as C# projects).</summary>
    public static void WriteSdk(string packagesFolder, string id, string version)
    {
        var lower = id.ToLowerInvariant();
        var directory = Path.Combine(packagesFolder, lower, version);
        Directory.CreateDirectory(Path.Combine(directory, "Sdk"));
        File.WriteAllText(Path.Combine(directory, "Sdk", "Sdk.props"), """<Project><Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" /><PropertyGroup><ToolkitLocalSdk>true</ToolkitLocalSdk></PropertyGroup></Project>""");
        File.WriteAllText(Path.Combine(directory, "Sdk", "Sdk.targets"), """<Project><Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" /></Project>""");
        File.WriteAllText(Path.Combine(directory, $"{lower}.nuspec"), $"""<?xml version="1.0"?><package><metadata><id>{id}</id><version>{version}</version><authors>toolkit</authors><description>test SDK</description><packageTypes><packageType name="MSBuildSdk" /></packageTypes></metadata></package>""");
        File.WriteAllText(Path.Combine(directory, $"{lower}.{version}.nupkg.sha512"), "AAAA");
        File.WriteAllText(Path.Combine(directory, ".nupkg.metadata"), """{ "version": 2, "contentHash": "AAAA", "source": null }""");
    }
}
