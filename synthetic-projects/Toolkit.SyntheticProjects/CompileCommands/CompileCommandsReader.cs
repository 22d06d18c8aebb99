using System.Text.Json;
using Toolkit.Engine.Scanning;
using Toolkit.SyntheticProjects.Importing;

namespace Toolkit.SyntheticProjects.CompileCommands;

/// <summary>
/// Reads a JSON compilation database (clang's format, as CMake's CMAKE_EXPORT_COMPILE_COMMANDS and
/// bear write it): an array of objects with <c>directory</c>, <c>file</c> (relative to it or
/// absolute), <c>command</c> (one shell string) or <c>arguments</c> (an array), and optionally
/// <c>output</c>. Each flag is sorted into include directories (-I, -iquote, -isystem, -idirafter),
/// defines (-D) and the rest; the source argument and <c>-o</c> are taken out, and an include
/// directory that does not exist is dropped (the compiler ignores it too). Errors name the
/// file and the line (bad JSON) or the JSON path of the entry (a missing or mistyped field).
/// </summary>
internal static class CompileCommandsReader
{
    private const int MaximumDepth = 16;

    private static readonly string[] IncludeSwitches = ["-I", "-iquote", "-isystem", "-idirafter"];

    public static List<CompileEntry> Read(string path)
    {
        var text = InputFile.TryReadText(path, out var why) ?? throw new CompileCommandsException(path, "", why!);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaximumDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new CompileCommandsException(path, JsonErrorText.Place(exception) ?? "", $"not valid JSON: {JsonErrorText.Reason(exception)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CompileCommandsException(path, "$", $"expected an array of compile commands, found {Describe(document.RootElement.ValueKind)}");
            }

            var entries = new List<CompileEntry>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                entries.Add(Entry(path, $"$[{index++}]", element));
            }

            return entries;
        }
    }

    private static CompileEntry Entry(string file, string at, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CompileCommandsException(file, at, $"expected an object, found {Describe(element.ValueKind)}");
        }

        var directory = RequiredString(file, at, element, "directory");
        if (!Path.IsPathRooted(directory))
        {
            throw new CompileCommandsException(file, at + ".directory", $"'{directory}' is not an absolute path");
        }

        var source = Path.GetFullPath(RequiredString(file, at, element, "file"), directory);
        var arguments = Arguments(file, at, element);
        if (arguments.Count == 0)
        {
            throw new CompileCommandsException(file, at, "the command is empty");
        }

        string? output = element.TryGetProperty("output", out var outputElement) ? String(file, at + ".output", outputElement) : null;
        var includes = new List<string>();
        var defines = new List<string>();
        var others = new List<string>();
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var include = IncludeSwitches.FirstOrDefault(s => argument.StartsWith(s, StringComparison.Ordinal));
            if (include is not null && (argument.Length > include.Length || i + 1 < arguments.Count))
            {
                var value = Path.GetFullPath(argument.Length > include.Length ? argument[include.Length..] : arguments[++i], directory);
                if (Directory.Exists(value))
                {
                    includes.Add(value); // a directory that does not exist is skipped, as the compiler skips it
                }
            }
            else if (argument.StartsWith("-D", StringComparison.Ordinal))
            {
                defines.Add(argument.Length > 2 ? argument[2..] : i + 1 < arguments.Count ? arguments[++i] : "");
            }
            else if (argument == "-o" && i + 1 < arguments.Count)
            {
                var named = arguments[++i]; // consumed whether or not the entry's 'output' field names it too
                output ??= named;
            }
            else if (argument.StartsWith("-o", StringComparison.Ordinal) && argument.Length > 2)
            {
                output ??= argument[2..];
            }
            else if (Path.GetFullPath(argument, directory) != source || argument.StartsWith('-'))
            {
                others.Add(argument);
            }
        }

        return new CompileEntry(source, Path.GetFullPath(output ?? source + ".o", directory), arguments[0], includes, defines, others, at);
    }

    private static List<string> Arguments(string file, string at, JsonElement element)
    {
        if (element.TryGetProperty("arguments", out var arguments))
        {
            if (arguments.ValueKind != JsonValueKind.Array)
            {
                throw new CompileCommandsException(file, at + ".arguments", $"expected an array of strings, found {Describe(arguments.ValueKind)}");
            }

            var list = new List<string>();
            var index = 0;
            foreach (var argument in arguments.EnumerateArray())
            {
                list.Add(String(file, $"{at}.arguments[{index++}]", argument));
            }

            return list;
        }

        if (!element.TryGetProperty("command", out var command))
        {
            throw new CompileCommandsException(file, at, "has neither 'command' nor 'arguments'");
        }

        return CommandLineSplitter.Split(String(file, at + ".command", command), out var problem)
            ?? throw new CompileCommandsException(file, at + ".command", problem!);
    }

    private static string RequiredString(string file, string at, JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? String(file, $"{at}.{name}", value) : throw new CompileCommandsException(file, at, $"has no '{name}'");

    private static string String(string file, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new CompileCommandsException(file, at, $"expected a non-empty string, found {Describe(value.ValueKind)}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "an empty string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

}
