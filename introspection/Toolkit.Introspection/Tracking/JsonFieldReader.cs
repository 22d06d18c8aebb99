using System.Text.Json;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// Typed reads of named JSON fields over a <see cref="JsonTokenStream"/>: every value is checked for its
/// type and range before use, and a null, a wrong type or an out-of-range value fails with the field's
/// full path (<c>stats.json: snapshots[2].types[0].bytes: expected a number, found null</c>).
/// Repeated strings (type names) are shared, so a file of a million instances holds each name once.
/// </summary>
internal sealed class JsonFieldReader(JsonTokenStream json)
{
    private readonly JsonPath _path = new();
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly List<int> _ints = [];
    private readonly List<long> _longs = [];
    private char[] _chars = new char[128];

    public JsonTokenStream Json { get; } = json;

    /// <summary>Reads the next token; false at the end of the object (its closing brace read), true on a property name.</summary>
    public bool NextProperty()
    {
        Json.ReadRequired(_path);
        if (Json.Token == JsonTokenType.EndObject)
        {
            return false;
        }

        return Json.Token == JsonTokenType.PropertyName ? true : throw Fail("expected a property name");
    }

    /// <summary>Reads the start of an object (the value of the current field or array element).</summary>
    public void StartObject()
    {
        Json.ReadRequired(_path);
        Expect(JsonTokenType.StartObject, "an object");
    }

    /// <summary>Skips the value of a property this reader does not know (a later version's addition).</summary>
    public void SkipUnknown()
    {
        Json.ReadRequired(_path);
        Json.SkipValue(_path);
    }

    public int Int32(string field, int min = 0) => (int)Int64(field, min, int.MaxValue);

    public long Int64(string field, long min = 0, long max = long.MaxValue)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        long value = Number(min, max);
        _path.Pop();
        return value;
    }

    public double Double(string field)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        Expect(JsonTokenType.Number, "a number");
        double value = Json.TryGetDouble(out double v) ? v : throw Fail("not a finite number");
        _path.Pop();
        return value;
    }

    public double? NullableDouble(string field)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        double? value = Json.Token == JsonTokenType.Null ? null : Expect(JsonTokenType.Number, "a number or null") && Json.TryGetDouble(out double v) ? v : throw Fail("not a finite number");
        _path.Pop();
        return value;
    }

    public bool Bool(string field)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        bool value = Json.Token switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Fail($"expected true or false, found {Found()}"),
        };
        _path.Pop();
        return value;
    }

    /// <summary>A string; <paramref name="shared"/> returns one instance per distinct value (for names repeated many times).</summary>
    public string String(string field, bool shared = false)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        Expect(JsonTokenType.String, "a string");
        string value = shared ? Shared() : Json.GetString();
        _path.Pop();
        return value;
    }

    public string? NullableString(string field)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        string? value = Json.Token == JsonTokenType.Null ? null : Expect(JsonTokenType.String, "a string or null") ? Json.GetString() : null;
        _path.Pop();
        return value;
    }

    public DateTime DateTime(string field)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        Expect(JsonTokenType.String, "a date string");
        DateTime value = Json.TryGetDateTime(out var v) ? v : throw Fail($"'{Json.GetString()}' is not an ISO 8601 date");
        _path.Pop();
        return value;
    }

    public List<string> Strings(string field)
    {
        var list = new List<string>();
        Values(field, _ => list.Add(Expect(JsonTokenType.String, "a string") ? Shared() : ""));
        return list;
    }

    public int[] Int32s(string field, int min = 0)
    {
        // One scratch list for every array: only the exact-size result is allocated per array.
        _ints.Clear();
        Values(field, _ => _ints.Add((int)Number(min, int.MaxValue)));
        return [.. _ints];
    }

    public long[] Int64s(string field)
    {
        _longs.Clear();
        Values(field, _ => _longs.Add(Number(0, long.MaxValue)));
        return [.. _longs];
    }

    /// <summary>Reads an array of objects, calling <paramref name="element"/> with each index after its opening brace was read.</summary>
    public void Objects(string field, Action<int> element) => Values(field, i =>
    {
        Expect(JsonTokenType.StartObject, "an object");
        element(i);
    });

    /// <summary>Fails unless every bit of <paramref name="required"/> is in <paramref name="seen"/>; <paramref name="names"/>[k] names bit k.</summary>
    public void Require(int seen, int required, string[] names)
    {
        int missing = required & ~seen;
        if (missing != 0)
        {
            throw Fail($"no '{names[System.Numerics.BitOperations.TrailingZeroCount(missing)]}' field");
        }
    }

    public TrackerStatsFormatException Fail(string message) => Json.Error($"{_path}: {message}");

    public void Push(string name) => _path.Push(name);

    public void Pop() => _path.Pop();

    /// <summary>Reads an array, calling <paramref name="element"/> with each index when its first token was read.</summary>
    private void Values(string field, Action<int> element)
    {
        _path.Push(field);
        Json.ReadRequired(_path);
        Expect(JsonTokenType.StartArray, "an array");
        for (int i = 0; ; i++)
        {
            _path.Index(i);
            Json.ReadRequired(_path);
            if (Json.Token == JsonTokenType.EndArray)
            {
                break;
            }

            element(i);
        }

        _path.Pop();
    }

    private long Number(long min, long max)
    {
        Expect(JsonTokenType.Number, "a number");
        if (!Json.TryGetInt64(out long value))
        {
            throw Fail("expected an integer");
        }

        return value < min || value > max ? throw Fail($"{value} is outside {min}..{max}") : value;
    }

    private string Shared()
    {
        var lookup = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = Json.GetChars(ref _chars);
        if (lookup.TryGetValue(chars, out string? s))
        {
            return s;
        }

        s = chars.ToString();
        _shared.Add(s, s);
        return s;
    }

    private bool Expect(JsonTokenType type, string what) => Json.Token == type ? true : throw Fail($"expected {what}, found {Found()}");

    private string Found() => Json.Token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndArray => "the end of the array",
        JsonTokenType.EndObject => "the end of the object",
        _ => Json.Token.ToString(),
    };
}
