using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Toolkit.Introspection.Tests.Tracking;

/// <summary>Hostile edits of a saved stats file: every field (the first of each kind), replaced with null and with a value of the wrong type.</summary>
internal static partial class FieldMutations
{
    /// <summary>Each field and array element of the document, the first occurrence of each path pattern (indices ignored).</summary>
    public static IEnumerable<(string Path, JsonNode Node)> FirstOfEachField(JsonNode root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        var ordered = new List<JsonNode>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            ordered.Add(node);
            var children = node switch
            {
                JsonObject o => o.Select(kv => kv.Value).ToList(),
                JsonArray a => [.. a],
                _ => [],
            };
            for (int i = children.Count - 1; i >= 0; i--)
            {
                if (children[i] is { } child)
                {
                    stack.Push(child);
                }
            }
        }

        foreach (var node in ordered.Skip(1))
        {
            string path = node.GetPath()[2..];
            if (seen.Add(Index().Replace(path, "[]")))
            {
                yield return (path, node);
            }
        }
    }

    /// <summary>Null (as a null replacement) and one value of a different JSON type, as JSON text.</summary>
    public static IEnumerable<(string What, string? Json)> WrongValues(JsonNode node)
    {
        yield return ("null", null);
        yield return node switch
        {
            JsonObject => ("an array", "[]"),
            JsonArray => ("an object", "{}"),
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => ("a number", "5"),
            JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ("a string", "\"yes\""),
            _ => ("a string", "\"x\""),
        };
    }

    /// <summary>The fields a saved file may leave null: an instance's name and time of death.</summary>
    public static bool IsNullable(string path) => NullableField().IsMatch(path);

    /// <summary>The document with the node at <paramref name="path"/> (as <see cref="FirstOfEachField"/> names it) replaced.</summary>
    public static string Replace(string json, string path, string? replacement)
    {
        var root = JsonNode.Parse(json)!;
        var target = Find(root, path);
        var value = replacement is null ? null : JsonNode.Parse(replacement);
        switch (target.Parent)
        {
            case JsonObject o:
                o[target.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[target.GetElementIndex()] = value;
                break;
        }

        return root.ToJsonString();
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        JsonNode node = root;
        foreach (Match step in Step().Matches(path))
        {
            node = step.Groups["name"].Success ? node[step.Groups["name"].Value]! : node[int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"^instances\[\d+\]\.(name|diedMs)$")]
    private static partial Regex NullableField();

    [GeneratedRegex(@"(?<name>[A-Za-z]+)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
