using System.CommandLine;
using System.CommandLine.Help;
using Toolkit.Harness.Commands;
using Toolkit.Harness.Commands.Help;
using Toolkit.Optimizations;

namespace Toolkit.Build;

/// <summary>
/// <c>toolkit-build</c>: the engine alone, <c>toolkit-build build DIR ...</c> and <c>toolkit-build clean DIR</c>
/// with the options, output lines and exit codes of <c>toolkit build</c> and <c>toolkit clean</c> (the same
/// code: <see cref="BuildVerb"/>, <see cref="CleanCommand"/>), minus the toolkit's introspection options.
/// It saves the toolkit CLI's start-up (System.CommandLine building forty verbs, their assemblies loaded
/// and jitted) and, published with NativeAOT, the JIT and most of the runtime's fixed memory; it costs a
/// second program to keep equal to the first, which the tests check (LeanEngineTests).
/// </summary>
public static class Program
{
    /// <summary>This program's name, in its help and error lines.</summary>
    public const string Name = "toolkit-build";

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var code = CommandRunner.Invoke(CreateRootCommand(VariantFactory.Default), args, Console.Out, Console.Error);
        if (Environment.GetEnvironmentVariable(GcStatsVariable) is { Length: > 0 })
        {
            Console.Error.WriteLine(GcStats.Describe());
        }

        if (Environment.GetEnvironmentVariable(MappedFilesVariable) is { Length: > 0 })
        {
            Console.Error.WriteLine(MappedFiles.Describe());
        }

        return code;
    }

    /// <summary>When set (to anything), the program writes its collector's figures to standard error as it ends (<see cref="GcStats"/>).</summary>
    public const string GcStatsVariable = "TOOLKIT_GC_STATS";

    /// <summary>When set (to anything), the program writes the files mapped into it to standard error as it ends (<see cref="MappedFiles"/>).</summary>
    public const string MappedFilesVariable = "TOOLKIT_MAPPED_FILES";

    /// <summary>The root command: the build and clean verbs offering <paramref name="variants"/>.</summary>
    public static RootCommand CreateRootCommand(VariantFactory variants)
    {
        var root = new RootCommand("toolkit-build: the toolkit's engine alone (toolkit build and toolkit clean), for measuring it as a whole process")
        {
            BuildVerb.Create(variants, extension: null).WithExamples($"{Name} build /tmp/p10k -j 2", $"{Name} build /tmp/p10k -n --variant optimized"),
            CleanCommand.Create(Name),
        };
        root.Options.OfType<HelpOption>().Single().Action = new ToolkitHelpAction();
        return root.WithProgramName(Name).WithExamples($"{Name} build /tmp/p10k -j 2");
    }
}
