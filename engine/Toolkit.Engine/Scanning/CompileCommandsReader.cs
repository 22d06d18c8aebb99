using System.Text.Json;

namespace Toolkit.Engine.Scanning;

/// <summary>
/// Reads a compile_commands.json (the JSON compilation database CMake, Bear and Meson write): an array of
/// objects with <c>directory</c>, <c>file</c> and either <c>arguments</c> (an array of words) or
/// <c>command</c> (a shell command line). A file that is not such an array, or an entry missing a field,
/// is a <see cref="ScanConfigurationException"/> naming the file and the entry's index.
/// </summary>
public static class CompileCommandsReader
{
    /// <summary>A compile_commands.json larger than this is refused before it is read (real ones are a few MB).</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the entries of <paramref name="path"/>, relative directories taken from the file's own directory.</summary>
    public static List<CompileCommand> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ScanConfigurationException($"{path}: no such file");
        }

        if (info.Length > MaxBytes)
        {
            throw new ScanConfigurationException($"{path}: {info.Length} bytes is more than a compile_commands.json can be ({MaxBytes} bytes)");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Parse(document.RootElement, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (JsonException exception)
        {
            throw new ScanConfigurationException($"{path}:{(JsonErrorText.Place(exception) is { } place ? place + ":" : string.Empty)} not valid JSON: {JsonErrorText.Reason(exception)}", exception);
        }
        catch (IOException exception)
        {
            throw new ScanConfigurationException($"{path}: cannot read: {exception.Message}", exception);
        }
    }

    private static List<CompileCommand> Parse(JsonElement root, string path, string baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new ScanConfigurationException($"{path}: expected an array of compile commands, found {root.ValueKind}");
        }

        var commands = new List<CompileCommand>();
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            var directory = Text(entry, "directory", path, index);
            var file = Text(entry, "file", path, index);
            List<string> arguments;
            if (entry.TryGetProperty("arguments", out var words) && words.ValueKind == JsonValueKind.Array)
            {
                arguments = words.EnumerateArray().Select(word => word.GetString() ?? string.Empty).ToList();
            }
            else if (entry.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String)
            {
                arguments = CommandLineSplitter.Split(command.GetString()!);
            }
            else
            {
                throw new ScanConfigurationException($"{path}: entry {index} has neither \"arguments\" nor \"command\"");
            }

            commands.Add(new CompileCommand(Path.GetFullPath(directory, baseDirectory), file, arguments));
            index++;
        }

        return commands;
    }

    private static string Text(JsonElement entry, string name, string path, int index) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ScanConfigurationException($"{path}: entry {index} has no \"{name}\" string");
}
