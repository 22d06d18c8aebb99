using System.Runtime.CompilerServices;
using Toolkit.Harness.Tests.Reporting;
using Toolkit.Introspection.Tests;

namespace Toolkit.Harness.Tests.Packaging;

/// <summary>
/// The two packages as a user gets them: packed (from the already built assemblies, so the test stays
/// cheap) into a local folder, then the library restored from that folder plus the usual feed by a
/// throwaway project that runs it, and the tool installed from the folder and run.
/// </summary>
public sealed class PackagingTests
{
    [Fact]
    public void The_library_and_the_tool_pack_install_from_a_local_folder_and_run()
    {
        using var temp = new TempDirectory();
        string feed = Path.Combine(temp.Path, "feed");
        // A version of its own per run: the NuGet cache never hands back an older package under it.
        string version = $"0.1.0-test.{Environment.ProcessId}.t{DateTime.UtcNow:HHmmssfff}"; // "t": a numeric identifier may not start with 0 (before 10:00 UTC it did)
        try
        {
            Pack("introspection/Toolkit.Introspection/Toolkit.Introspection.csproj", feed, version);
            Pack("harness/Toolkit.Harness/Toolkit.Harness.csproj", feed, version);
            Assert.True(File.Exists(Path.Combine(feed, $"Toolkit.Introspection.{version}.nupkg")));

            string app = Path.Combine(temp.Path, "app");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "nuget.config"),
                $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><add key=\"toolkit-local\" value=\"{feed}\" /></packageSources></configuration>\n");
            File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
                  <ItemGroup><PackageReference Include="Toolkit.Introspection" Version="{version}" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Toolkit.Introspection.Sizing;
                using Toolkit.Introspection.Tracking;
                var data = new List<string> { "abc", "de" };
                using var tracker = new ClassTracker();
                tracker.TrackObject(data, "data");
                tracker.Snapshot("one");
                using var file = new MemoryStream();
                tracker.GetStats().Save(file);
                var loaded = TrackerStats.Load(file.ToArray(), "memory");
                Console.WriteLine($"deep {ObjectSizer.DeepSize(data)} snapshots {loaded.Snapshots.Count} type {loaded.Instances[0].TypeName}");
                """);
            var (code, output) = ChildProcess.Run("dotnet", app, "run", "-c", "Release");
            Assert.True(code == 0, output);
            Assert.Contains($"deep {ExpectedDeepSize()} snapshots 1 type List<String>", output, StringComparison.Ordinal);

            string tools = Path.Combine(temp.Path, "tools");
            (code, output) = ChildProcess.Run("dotnet", temp.Path, "tool", "install", "--tool-path", tools, "--add-source", feed, "Toolkit.Harness", "--version", version);
            Assert.True(code == 0, output);
            string toolkit = Path.Combine(tools, OperatingSystem.IsWindows() ? "toolkit.exe" : "toolkit");
            string project = Path.Combine(temp.Path, "project");
            (code, output) = ChildProcess.Run(toolkit, temp.Path, "generate", "--shape", "c-libraries", "--sources", "10", "--seed", "1", "--out", project);
            Assert.True(code == 0, output);
            (code, output) = ChildProcess.Run(toolkit, temp.Path, "build", project, "-s");
            Assert.True(code == 0, output);
            Assert.Contains("0 failed", output, StringComparison.Ordinal);
        }
        finally
        {
            // The restore put this run's package into the global package folder: take it out again.
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (string id in new[] { "toolkit.introspection", "toolkit.harness" })
            {
                string dir = Path.Combine(cache, id, version);
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }

    /// <summary>The sizer's answer here for the same list (the same runtime, so the same layout).</summary>
    private static long ExpectedDeepSize() => Toolkit.Introspection.Sizing.ObjectSizer.DeepSize(new List<string> { "abc", "de" });

    private static void Pack(string project, string feed, string version)
    {
        // The test's own configuration is the one already built.
        string configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var (code, output) = ChildProcess.Run("dotnet", Root(), "pack", project, "-c", configuration, "--no-build", "-o", feed, $"-p:Version={version}");
        Assert.True(code == 0, output);
    }

    private static string Root([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
