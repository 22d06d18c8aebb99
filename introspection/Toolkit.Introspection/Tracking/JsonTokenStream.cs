using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Toolkit.Introspection.Tracking;

/// <summary>
/// JSON tokens read from a stream through a refilled buffer, so a file of any size is read in
/// constant scratch (the buffer grows only to hold one token, up to <see cref="MaxTokenBytes"/>).
/// Each token's value is copied out before the next read, so callers hold no ref struct.
/// Errors are <see cref="TrackerStatsFormatException"/> naming the source and the byte offset.
/// </summary>
internal sealed class JsonTokenStream
{
    /// <summary>The first buffer; big enough that refills are rare next to parsing.</summary>
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>No label, name or number in a stats file comes near this; a longer token is a damaged or hostile file, refused before it costs memory.</summary>
    public const int MaxTokenBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _source;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _final;
    private long _dropped;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private byte[] _value = new byte[256];
    private int _valueLength;
    private char[] _unescaped = new char[64];

    /// <summary>Length of the unescaped value in <see cref="_unescaped"/>, or -1 when the value had no escapes (then it is raw UTF-8 in <see cref="_value"/>).</summary>
    private int _unescapedLength = -1;

    private enum Outcome : byte
    {
        Token,
        End,
    }

    public JsonTokenStream(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
    }

    public JsonTokenType Token { get; private set; } = JsonTokenType.None;

    private ReadOnlySpan<char> Unescaped => _unescaped.AsSpan(0, _unescapedLength);

    /// <summary>Byte offset of the end of the current token in the file.</summary>
    public long Offset => _dropped + _start;

    /// <summary>The current string or property name as raw UTF-8 (only when it had no escapes).</summary>
    public ReadOnlySpan<byte> RawValue => _value.AsSpan(0, _valueLength);

    /// <summary>Reads the next token; false at the end of the input (an input that ends inside a value is an error).</summary>
    public bool Read() => Read(null) == Outcome.Token;

    /// <summary>Reads the next token and fails, naming <paramref name="where"/> (rendered only then), at the end of the input.</summary>
    public void ReadRequired(object where)
    {
        if (Read(where) != Outcome.Token)
        {
            throw Error($"the file ends inside {where} (truncated?)");
        }
    }

    private Outcome Read(object? where)
    {
        while (true)
        {
            // Never a final block: at the end of the stream, what is left decides between a clean end and a truncated file.
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
            bool read;
            try
            {
                read = reader.Read();
                if (read)
                {
                    Capture(ref reader);
                }
            }
            catch (JsonException e)
            {
                throw Error($"damaged JSON at line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0} of the line: {FirstSentence(e.Message)}", e);
            }
            catch (InvalidOperationException e)
            {
                throw Error($"damaged JSON at byte {Offset}: {FirstSentence(e.Message)}", e);
            }

            if (read)
            {
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return Outcome.Token;
            }

            if (_final)
            {
                Token = JsonTokenType.None;
                bool clean = reader.CurrentDepth == 0 && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty;
                return clean ? Outcome.End : throw Error($"the file ends inside {where ?? "a JSON value"} (truncated?)");
            }

            Refill();
        }
    }

    /// <summary>True when the current property name is <paramref name="name"/>.</summary>
    public bool NameIs(ReadOnlySpan<byte> name) =>
        _unescapedLength < 0 ? RawValue.SequenceEqual(name) : Unescaped.SequenceEqual(Encoding.UTF8.GetString(name));

    /// <summary>The current string token (or property name) as a string.</summary>
    public string GetString()
    {
        if (_unescapedLength >= 0)
        {
            return new string(Unescaped);
        }

        try
        {
            return StrictUtf8.GetString(RawValue);
        }
        catch (DecoderFallbackException e)
        {
            throw Error($"invalid UTF-8 in a string before byte {Offset}", e);
        }
    }

    /// <summary>The current string decoded into <paramref name="chars"/> (grown as needed), for look-ups without a new string.</summary>
    public ReadOnlySpan<char> GetChars(ref char[] chars)
    {
        if (_unescapedLength >= 0)
        {
            return Unescaped;
        }

        if (chars.Length < _valueLength)
        {
            chars = new char[Math.Max(_valueLength, chars.Length * 2)];
        }

        try
        {
            return chars.AsSpan(0, StrictUtf8.GetChars(RawValue, chars));
        }
        catch (DecoderFallbackException e)
        {
            throw Error($"invalid UTF-8 in a string before byte {Offset}", e);
        }
    }

    public bool TryGetInt64(out long value) => Utf8Parser.TryParse(RawValue, out value, out int used) && used == _valueLength;

    public bool TryGetDouble(out double value) =>
        double.TryParse(RawValue, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>An ISO 8601 time (as System.Text.Json writes DateTime), in UTC.</summary>
    public bool TryGetDateTime(out DateTime value) =>
        DateTime.TryParse(GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Skips the value starting at the current token (an object or array with everything in it).</summary>
    public void SkipValue(object what)
    {
        if (Token is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        int depth = 1;
        while (depth > 0)
        {
            ReadRequired(what);
            if (Token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (Token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
    }

    public TrackerStatsFormatException Error(string message, Exception? inner = null) =>
        inner is null ? new TrackerStatsFormatException($"{_source}: {message}") : new TrackerStatsFormatException($"{_source}: {message}", inner);

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private void Capture(ref Utf8JsonReader reader)
    {
        Token = reader.TokenType;
        _unescapedLength = -1;
        _valueLength = 0;
        if (Token is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number)
        {
            if (reader.ValueIsEscaped)
            {
                // Unescaped into reused scratch: a name repeated a million times costs no string each.
                if (_unescaped.Length < reader.ValueSpan.Length)
                {
                    _unescaped = new char[Math.Max(reader.ValueSpan.Length, _unescaped.Length * 2)];
                }

                _unescapedLength = reader.CopyString(_unescaped);
                return;
            }

            ReadOnlySpan<byte> span = reader.ValueSpan; // a reader over one span never has a value sequence
            if (_value.Length < span.Length)
            {
                _value = new byte[Math.Max(span.Length, _value.Length * 2)];
            }

            span.CopyTo(_value);
            _valueLength = span.Length;
        }
    }

    private void Refill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _dropped += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxTokenBytes)
            {
                throw Error($"a JSON token longer than {MaxTokenBytes / (1024 * 1024)} MiB at byte {Offset}: not tracker stats");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int n;
        try
        {
            n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (IOException e)
        {
            throw Error($"cannot read at byte {Offset}: {e.Message}", e);
        }

        if (n == 0)
        {
            _final = true;
        }

        _end += n;
    }
}
