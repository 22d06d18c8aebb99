using System.Diagnostics;

namespace Toolkit.Engine.Actions;

/// <summary>
/// Runs each action's command line with <c>/bin/sh -c</c> in the project root (cc, ar, anything the
/// manifest's variables name). Used with <c>--real-tools</c>. Creates target directories first and
/// reports the tool's standard error when it fails.
/// </summary>
public sealed class ProcessExecutor : IActionExecutor
{
    private readonly string _root;

    /// <summary>Creates an executor running in <paramref name="rootDirectory"/>.</summary>
    public ProcessExecutor(string rootDirectory)
    {
        _root = rootDirectory;
    }

    /// <inheritdoc />
    public string Name => "process";

    /// <summary>True when a shell exists to run commands with.</summary>
    public static bool IsAvailable => File.Exists("/bin/sh");

    /// <inheritdoc />
    public ActionOutcome Execute(ActionRequest request)
    {
        foreach (var target in request.Targets)
        {
            var directory = Path.GetDirectoryName(Path.Join(_root, target));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = _root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(request.CommandLine);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var message = error.Result.Trim();
            return ActionOutcome.Failure($"'{request.CommandLine}' exited with code {process.ExitCode}{(message.Length > 0 ? ": " + message : string.Empty)}");
        }

        foreach (var target in request.Targets)
        {
            if (!request.FileSystem.Stat(target).Exists)
            {
                return ActionOutcome.Failure($"'{request.CommandLine}' succeeded but did not write '{target}'");
            }
        }

        return ActionOutcome.Success;
    }
}
