using System.Text.Json;

namespace CareRules.Serialization;

/// <summary>
/// Reads the cases of a stream one at a time from a <see cref="Utf8StreamBuffer"/> the caller fills: the one reading
/// logic behind <see cref="CaseJsonReader.Enumerate"/> and <see cref="CaseJsonReader.EnumerateAsync"/>, which differ
/// only in how they fill the buffer. <see cref="Next"/> says whether it produced a result, needs more input, or is done.
/// The results are those <see cref="CaseJsonReader.Read(ReadOnlySpan{byte}, CaseReadOptions?)"/> gives for the same
/// bytes (catalog section 5.1):
/// <list type="bullet">
/// <item>input whose first non-blank line is a complete object is JSON Lines, read line by line (memory: one line);</item>
/// <item>input starting with <c>[</c> is an array, read element by element: a <see cref="Utf8JsonReader"/> resumed with
/// its <see cref="JsonReaderState"/> over the growing buffer finds where each element ends, and the parser then reads
/// that element alone (memory: one element). The bytes are kept from the start until the first case is read, because an
/// input that breaks before its first case is classified like any other (it may be JSON Lines);</item>
/// <item>anything else (one object, JSON Lines whose first line is broken, an array that broke before its first case) is
/// read whole and handed to the span reader.</item>
/// </list>
/// Not thread-safe: one instance per enumeration.
/// </summary>
internal sealed class CaseStreamReader(CaseReadOptions options)
{
    private readonly CaseParser _parser = new(options);

    private Mode _mode = Mode.Start;
    private bool _bomChecked;

    // JSON Lines, and the search for the end of the first line: bytes of Data already searched for '\n'.
    private int _scanned;
    private long _lineNumber;

    // Array: the reader's state and where it resumes in Data; where the element being read starts, and its depth.
    private ArrayPhase _phase = ArrayPhase.Open;
    private JsonReaderState _state;
    private int _resume;
    private int _elementStart;
    private int _elementDepth;
    private int _largestElement = 1024;

    // A syntax error met before the end of the stream is read again with more bytes after it: the error quotes the
    // bytes from the bad token on, and must quote what the span reader quotes.
    private int _needBytes;
    private bool _errorReadAgain;

    private int _index;

    // Read whole.
    private IReadOnlyList<CaseReadResult>? _whole;

    public enum Step
    {
        /// <summary>A result was produced.</summary>
        Result,

        /// <summary>Fill the buffer and call again (never returned once the buffer is at the end of its stream).</summary>
        NeedMore,

        /// <summary>No more cases.</summary>
        Done,
    }

    private enum Mode
    {
        Start,
        FirstLine,
        Lines,
        Array,
        Whole,
        Done,
    }

    private enum ArrayPhase
    {
        Open,
        BeforeElement,
        InElement,
        AfterArray,
    }

    /// <summary>The next result, or what the reader needs first.</summary>
    public Step Next(Utf8StreamBuffer buffer, out CaseReadResult? result)
    {
        result = null;
        while (true)
        {
            switch (_mode)
            {
                case Mode.Start:
                    if (!Start(buffer))
                    {
                        return Step.NeedMore;
                    }

                    break;
                case Mode.FirstLine:
                    if (!FirstLine(buffer))
                    {
                        return Step.NeedMore;
                    }

                    break;
                case Mode.Lines:
                    var lines = NextLine(buffer, out result);
                    if (lines != Step.Result || result is not null)
                    {
                        return lines;
                    }

                    break; // a blank line
                case Mode.Array:
                    var array = NextElement(buffer, out result);
                    if (array != Step.Result || result is not null)
                    {
                        return array;
                    }

                    break; // switched to reading whole
                case Mode.Whole:
                    if (!buffer.IsEnd)
                    {
                        return Step.NeedMore;
                    }

                    _whole ??= CaseJsonReader.ReadWithoutBom(buffer.Data, _parser);
                    if (_index < _whole.Count)
                    {
                        result = _whole[_index++];
                        return Step.Result;
                    }

                    _mode = Mode.Done;
                    return Step.Done;
                default:
                    return Step.Done;
            }
        }
    }

    /// <summary>Skips a byte order mark and picks the shape by the first non-blank byte; false when it needs more input.</summary>
    private bool Start(Utf8StreamBuffer buffer)
    {
        if (!_bomChecked)
        {
            if (buffer.Data.Length < 3 && !buffer.IsEnd)
            {
                return false;
            }

            if (buffer.Data.StartsWith("\uFEFF"u8))
            {
                buffer.Consume(3);
            }

            _bomChecked = true;
        }

        int first = CaseJsonReader.FirstNonBlank(buffer.Data[_scanned..]);
        if (first < 0)
        {
            if (buffer.IsEnd)
            {
                _mode = Mode.Done;
                return true;
            }

            _scanned = buffer.Data.Length; // blank so far; kept, so that line numbers stay right
            return false;
        }

        _mode = buffer.Data[_scanned + first] switch
        {
            (byte)'[' => Mode.Array,
            (byte)'{' => Mode.FirstLine,
            _ => Mode.Whole,
        };
        _scanned = 0;
        return true;
    }

    /// <summary>
    /// The first non-blank line starts with <c>{</c>: when it is a complete object on its own, the input is JSON Lines
    /// (one line alone reads the same either way); otherwise it is read whole. False when it needs more input.
    /// </summary>
    private bool FirstLine(Utf8StreamBuffer buffer)
    {
        var data = buffer.Data;
        int end;
        while (true)
        {
            int newline = data[_scanned..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (!buffer.IsEnd)
                {
                    _scanned = data.Length;
                    return false;
                }

                end = data.Length;
                break;
            }

            end = _scanned + newline;
            if (CaseJsonReader.FirstNonBlank(data[..end]) >= 0)
            {
                break;
            }

            _scanned = end + 1; // a blank line before the first case
        }

        var text = data[..end];
        var line = text[(text.LastIndexOf((byte)'\n') + 1)..];
        _mode = CaseJsonReader.IsCompleteValue(line) ? Mode.Lines : Mode.Whole;
        _scanned = 0;
        return true;
    }

    /// <summary>The next line of JSON Lines: a result, null for a blank line (with <see cref="Step.Result"/>), or what it needs.</summary>
    private Step NextLine(Utf8StreamBuffer buffer, out CaseReadResult? result)
    {
        result = null;
        var data = buffer.Data;
        int newline = data[_scanned..].IndexOf((byte)'\n');
        if (newline < 0 && !buffer.IsEnd)
        {
            _scanned = data.Length; // each byte is searched once, however small the reads
            return Step.NeedMore;
        }

        if (newline < 0 && data.IsEmpty)
        {
            _mode = Mode.Done;
            return Step.Done;
        }

        int end = newline < 0 ? data.Length : _scanned + newline;
        var line = data[..end];
        _lineNumber++;
        _scanned = 0;
        if (CaseJsonReader.FirstNonBlank(line) >= 0)
        {
            result = CaseJsonReader.ReadLine(line, _parser, _index++, _lineNumber);
        }

        buffer.Consume(newline < 0 ? end : end + 1);
        return Step.Result;
    }

    /// <summary>
    /// The next element of an array: a result, or what it needs. On a syntax error before the first case, switches to
    /// reading whole (returns <see cref="Step.Result"/> with no result); after it, the rest is one rejected result.
    /// </summary>
    private Step NextElement(Utf8StreamBuffer buffer, out CaseReadResult? result)
    {
        result = null;
        var data = buffer.Data;
        if (data.Length < _needBytes && !buffer.IsEnd)
        {
            return Step.NeedMore;
        }

        _needBytes = 0;
        // The fast way only where the element is surely whole, so that a cut-off element rarely costs an exception.
        if (_phase == ArrayPhase.BeforeElement && !_errorReadAgain && (buffer.IsEnd || data.Length - _resume > 2 * _largestElement)
            && TryWholeElement(buffer, out result))
        {
            return Step.Result;
        }

        var (phase, elementStart, elementDepth) = (_phase, _elementStart, _elementDepth);
        var reader = new Utf8JsonReader(data[_resume..], buffer.IsEnd, _state);
        try
        {
            while (reader.Read())
            {
                switch (_phase)
                {
                    case ArrayPhase.Open: // the '['
                        _phase = ArrayPhase.BeforeElement;
                        break;
                    case ArrayPhase.BeforeElement:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = ArrayPhase.AfterArray;
                            break;
                        }

                        _elementStart = _resume + (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            _elementDepth = reader.CurrentDepth;
                            _phase = ArrayPhase.InElement;
                            break;
                        }

                        result = Element(buffer, ref reader);
                        return Step.Result;
                    case ArrayPhase.InElement:
                        if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _elementDepth)
                        {
                            result = Element(buffer, ref reader);
                            return Step.Result;
                        }

                        break;
                    default:
                        break; // after the array the reader throws on anything but white space
                }
            }

            if (buffer.IsEnd)
            {
                // The final block read to its end: only after the array (an open array throws instead).
                _mode = Mode.Done;
                return Step.Done;
            }

            // Resume after the last complete token once more bytes are in: at least twice the bytes of the token cut
            // off at the end, so that a token longer than many reads (a huge string) is not read again at every read.
            _state = reader.CurrentState;
            _resume += (int)reader.BytesConsumed;
            int pending = data.Length - _resume;
            if (_index > 0 && _phase != ArrayPhase.InElement)
            {
                buffer.Consume(_resume);
                _resume = 0;
            }

            _needBytes = _resume + Math.Max(2 * pending, pending + 1);
            return Step.NeedMore;
        }
        catch (JsonException ex)
        {
            if (!buffer.IsEnd && !_errorReadAgain)
            {
                (_phase, _elementStart, _elementDepth) = (phase, elementStart, elementDepth);
                _errorReadAgain = true;
                _needBytes = data.Length + 4096;
                return Step.NeedMore;
            }

            if (_index == 0)
            {
                // Broke before its first case: classified as the span reader classifies it, from all the bytes.
                _mode = Mode.Whole;
                return Step.Result;
            }

            _mode = Mode.Done;
            result = CaseParser.Malformed(_index, ex, rest: true);
            return Step.Result;
        }
    }

    /// <summary>
    /// The fast way, tried first for every element: when the next element is an object wholly in the buffer, the parser
    /// reads it straight from the array's reader, as the span reader does, so its bytes are read once. An object cut off
    /// by the end of the buffer makes that final-block reader throw before the object's end (or stop short of it, which
    /// is checked); then — and for any other element, a syntax error or the end of the array — the exact way decides.
    /// </summary>
    private bool TryWholeElement(Utf8StreamBuffer buffer, out CaseReadResult? result)
    {
        result = null;
        var reader = new Utf8JsonReader(buffer.Data[_resume..], isFinalBlock: true, _state);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            int depth = reader.CurrentDepth;
            var read = _parser.Parse(ref reader, _index);
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
            {
                return false;
            }

            _state = reader.CurrentState;
            int end = _resume + (int)reader.BytesConsumed;
            _largestElement = Math.Max(_largestElement, end - _resume);
            _index++;
            buffer.Consume(end);
            _resume = 0;
            result = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The element that ends at the reader's position, read by the parser on its own.</summary>
    private CaseReadResult Element(Utf8StreamBuffer buffer, ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        int end = _resume + (int)reader.BytesConsumed;
        _largestElement = Math.Max(_largestElement, end - _elementStart);
        var element = new Utf8JsonReader(buffer.Data[_elementStart..end]);
        CaseReadResult result;
        try
        {
            element.Read();
            result = _parser.Parse(ref element, _index);
        }
        catch (JsonException ex)
        {
            result = CaseParser.Malformed(_index, ex); // not reached: the element's syntax was read above
        }

        _index++;
        _phase = ArrayPhase.BeforeElement;
        buffer.Consume(end);
        _resume = 0;
        return result;
    }
}
