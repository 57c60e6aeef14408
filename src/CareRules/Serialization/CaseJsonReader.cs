using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// Reads case files in the format of catalog section 5 into <see cref="CareContext"/>s, strictly: unknown fields,
/// missing required fields, wrong JSON types, other currencies, negative amounts, unparsable instants and dates,
/// unknown catalog names, duplicate flags and impossible orders of events are all errors, and every problem of a
/// case is reported at once, each with a JSON path relative to the case object (<c>$.order.total.currency</c>).
/// One bad case never stops the good ones beside it. Static and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Input shapes</b>, detected from the content (catalog section 5.1): one case object; a JSON array of case
/// objects; or JSON Lines (one case object per line, blank lines skipped). Input starting with <c>[</c> is an array,
/// unless it breaks (a syntax error) before its first case is read. Otherwise, input with more than one non-blank line,
/// at least one of which is a complete JSON object on its own or all of which start with <c>{</c>, is JSON Lines;
/// anything else starting with <c>[</c> is a (broken) array and anything else one object, which may span lines. Each
/// shape can be told from the start of the input, so <see cref="Enumerate"/> streams arrays and JSON Lines. A UTF-8
/// byte order mark is skipped; empty or blank input holds no case and reads as an empty list.</para>
/// <para><b>Malformed JSON</b>: in JSON Lines a line that does not parse is one rejected case (its error names the
/// line and byte) and reading goes on at the next line. A single object that does not parse gives one result with one
/// error at <c>$</c> naming the 1-based line and byte. An array that does not parse (or has anything but white space
/// after its <c>]</c>) keeps the cases read before the syntax error, and the rest of the input is one rejected result at
/// the next index saying so — what follows a syntax error cannot be delimited into cases.</para>
/// <para><b>Fields</b> (camelCase, as in section 5; null is accepted exactly where the model has an optional value):
/// top level: <c>customer</c> (required), <c>now</c> (optional; missing or null reads the
/// <see cref="CaseReadOptions.Clock"/>, and without a clock is an error), <c>order</c> and <c>case</c> (optional, may be
/// null). Customer: <c>id</c>, <c>since</c>, <c>orders</c>, <c>lifetimeValue</c> required; the three counters default
/// to 0 and <c>goodwillLast90Days</c> to zero. Order: <c>id</c>, <c>placedAt</c>, <c>total</c>, <c>status</c>
/// required; the others default as the <see cref="Order"/> constructor does (prepaid, tracking none, informed of
/// withdrawal, not exempt, not notified of a delay; dates null). Case: <c>id</c>, <c>openedAt</c>, <c>kind</c>
/// required; channel email, fault unknown, no flags, no requests, carrier claim none by default. Money is
/// <c>{ "amount": 349.99, "currency": "PLN" }</c>, both required, the amount a non-negative JSON number with at most
/// two decimals (so that writing it back with two decimals is exact). Instants are ISO-8601 UTC ending in <c>Z</c>
/// (<c>2026-11-23T10:00:00Z</c>, fractional seconds allowed); local dates are <c>yyyy-MM-dd</c>. Enumeration values
/// use the catalog names of <see cref="CatalogNames"/>; <c>flags</c> and <c>requests</c> are arrays of them.</para>
/// <para>Each field may appear once (a repeated field is an error). Checked across fields, as the model
/// constructors do: shipped not before placed, delivered not before shipped (nor placed), a <c>delivered</c> status
/// has <c>deliveredAt</c>, first reply not before opened, and the case not opened after <c>now</c>.</para>
/// <para>Paths of errors: <c>$</c> is the case object even inside an array or JSON Lines (the result's
/// <see cref="CaseReadResult.Index"/> says which case); unknown fields are named in their path
/// (<c>$.order.colour</c>); array elements by index (<c>$.case.flags[1]</c>).</para>
/// </remarks>
public static class CaseJsonReader
{
    /// <summary>Reads every case of UTF-8 JSON input.</summary>
    /// <param name="utf8Json">One case object, an array of them, or JSON Lines, as UTF-8.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns>One result per case, in input order.</returns>
    public static IReadOnlyList<CaseReadResult> Read(ReadOnlySpan<byte> utf8Json, CaseReadOptions? options = null) =>
        ReadWithoutBom(utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json, new CaseParser(options ?? CaseReadOptions.Default));

    /// <summary>
    /// Reads one case object that is part of a larger JSON document (a row of a case table, a field of a request)
    /// straight from the document's UTF-8 bytes, with the same checks and messages as the other overloads. Paths are
    /// relative to the case object (<c>$.order.total</c>); re-root them with <see cref="JsonPath.Under"/>.
    /// </summary>
    /// <param name="caseObject">The case object (any other JSON value is reported as an error).</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns>The result, with index 0.</returns>
    public static CaseReadResult ReadCase(JsonElement caseObject, CaseReadOptions? options = null)
    {
        var parser = new CaseParser(options ?? CaseReadOptions.Default);

        // The element's own bytes in its document, not a re-serialized copy. A document parsed with comments skipped
        // may hold comments inside the object: the reader skips them too.
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(caseObject), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            return parser.Parse(ref reader, 0);
        }
        catch (JsonException ex)
        {
            return CaseParser.Malformed(0, ex);
        }
    }

    /// <summary>Reads every case of JSON text.</summary>
    /// <param name="json">One case object, an array of them, or JSON Lines.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns>One result per case, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static IReadOnlyList<CaseReadResult> Read(string json, CaseReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, buffer);
            return Read(buffer.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads every case of a stream of UTF-8 JSON (read to its end; the stream is not disposed).</summary>
    /// <param name="utf8Json">One case object, an array of them, or JSON Lines, as UTF-8.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns>One result per case, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <remarks>The stream is read as <see cref="Enumerate"/> reads it (a <see cref="MemoryStream"/> straight from its
    /// buffer). For large batches prefer <see cref="Enumerate"/>, which does not hold every result at once.</remarks>
    public static IReadOnlyList<CaseReadResult> Read(Stream utf8Json, CaseReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (utf8Json is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            var unread = segment.AsSpan((int)Math.Min(memory.Position, segment.Count));
            memory.Position = memory.Length;
            return Read(unread, options);
        }

        return [.. Enumerate(utf8Json, options)];
    }

    /// <summary>
    /// Reads the cases of a stream of UTF-8 JSON lazily, one result per case in input order, as the enumeration
    /// advances, never holding the whole input: JSON Lines are read line by line and a JSON array element by element, so
    /// memory is bounded by the largest case, not by the input (a batch of a million cases holds one case at a time). A
    /// single object, JSON Lines whose first line does not parse, or an array that breaks before its first case is read
    /// whole (catalog section 5.1). The results are the same as <see cref="Read(ReadOnlySpan{byte}, CaseReadOptions?)"/>
    /// gives for the same bytes.
    /// </summary>
    /// <param name="utf8Json">One case object, an array of them, or JSON Lines, as UTF-8; not disposed, and must stay
    /// open while enumerating. Errors reading it (e.g. <see cref="IOException"/>) surface from the enumeration.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <returns>A lazy sequence of results; enumerate it once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static IEnumerable<CaseReadResult> Enumerate(Stream utf8Json, CaseReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return EnumerateCore(utf8Json, options ?? CaseReadOptions.Default);
    }

    /// <summary>
    /// Reads the cases of a stream of UTF-8 JSON lazily and asynchronously, one result per case in input order: the
    /// asynchronous form of <see cref="Enumerate"/>, with the same results and the same memory bound (the largest case),
    /// for a request body or a network stream.
    /// </summary>
    /// <param name="utf8Json">One case object, an array of them, or JSON Lines, as UTF-8; not disposed, and must stay
    /// open while enumerating. Errors reading it surface from the enumeration.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels reading the stream (also the token given to <c>WithCancellation</c>).</param>
    /// <returns>A lazy asynchronous sequence of results; enumerate it once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <example><code>await foreach (var result in CaseJsonReader.EnumerateAsync(request.Body, options, ct)) { … }</code></example>
    public static IAsyncEnumerable<CaseReadResult> EnumerateAsync(Stream utf8Json, CaseReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return EnumerateAsyncCore(utf8Json, options ?? CaseReadOptions.Default, cancellationToken);
    }

    /// <summary>Reads every case of a stream of UTF-8 JSON asynchronously (read to its end; the stream is not disposed).</summary>
    /// <param name="utf8Json">One case object, an array of them, or JSON Lines, as UTF-8.</param>
    /// <param name="options">The pack currency and the clock; <see cref="CaseReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    /// <returns>One result per case, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static async Task<IReadOnlyList<CaseReadResult>> ReadAsync(Stream utf8Json, CaseReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var results = new List<CaseReadResult>();
        await foreach (var result in EnumerateAsyncCore(utf8Json, options ?? CaseReadOptions.Default, cancellationToken).ConfigureAwait(false))
        {
            results.Add(result);
        }

        return results;
    }

    /// <summary>
    /// Reads input without a byte order mark (catalog section 5.1): input starting with <c>[</c> is an array, unless it
    /// breaks before its first case, when it is JSON Lines by rule 2 or else a broken array; otherwise JSON Lines by rule
    /// 2, or one object.
    /// </summary>
    internal static IReadOnlyList<CaseReadResult> ReadWithoutBom(ReadOnlySpan<byte> input, CaseParser parser)
    {
        int start = FirstNonBlank(input);
        if (start < 0)
        {
            return [];
        }

        if (input[start] == (byte)'[')
        {
            // An array that breaks before its first case is a single rejected result: it may be JSON Lines instead.
            var array = ReadArray(input, parser, out bool brokeBeforeFirstCase);
            return brokeBeforeFirstCase && IsJsonLines(input) ? ReadLines(input, parser) : array;
        }

        return IsJsonLines(input) ? ReadLines(input, parser) : ReadSingle(input, parser);
    }

    private static List<CaseReadResult> ReadSingle(ReadOnlySpan<byte> input, CaseParser parser)
    {
        var reader = new Utf8JsonReader(input);
        try
        {
            reader.Read();
            var result = parser.Parse(ref reader, 0);
            reader.Read(); // throws on anything but white space after the value
            return [result];
        }
        catch (JsonException ex)
        {
            return [CaseParser.Malformed(0, ex)];
        }
    }

    /// <summary>Reads an array; <paramref name="brokeBeforeFirstCase"/> is true when a syntax error came before its first case was read.</summary>
    private static List<CaseReadResult> ReadArray(ReadOnlySpan<byte> input, CaseParser parser, out bool brokeBeforeFirstCase)
    {
        var reader = new Utf8JsonReader(input);
        var results = new List<CaseReadResult>();
        brokeBeforeFirstCase = false;
        try
        {
            reader.Read(); // [
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                results.Add(parser.Parse(ref reader, results.Count));
            }

            reader.Read(); // throws on anything but white space after the array, or on a missing ]
            return results;
        }
        catch (JsonException ex)
        {
            // The cases read before the syntax error stand; the rest of the array is one rejected result.
            brokeBeforeFirstCase = results.Count == 0;
            results.Add(CaseParser.Malformed(results.Count, ex, rest: true));
            return results;
        }
    }

    private static List<CaseReadResult> ReadLines(ReadOnlySpan<byte> input, CaseParser parser)
    {
        var results = new List<CaseReadResult>();
        long lineNumber = 0;
        while (!input.IsEmpty)
        {
            var line = NextLine(ref input);
            lineNumber++;
            if (FirstNonBlank(line) >= 0)
            {
                results.Add(ReadLine(line, parser, results.Count, lineNumber));
            }
        }

        return results;
    }

    /// <summary>Reads one line: the compact shape directly (<see cref="CaseParser.TryParseCompact"/>), anything else with <see cref="ParseLine"/>.</summary>
    internal static CaseReadResult ReadLine(ReadOnlySpan<byte> line, CaseParser parser, int index, long lineNumber) =>
        parser.TryParseCompact(line, index, out var compact) ? compact : ParseLine(line, parser, index, lineNumber);

    /// <summary>Reads one line with the general parser, which reads any valid case and words every error.</summary>
    internal static CaseReadResult ParseLine(ReadOnlySpan<byte> line, CaseParser parser, int index, long lineNumber)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            reader.Read();
            var result = parser.Parse(ref reader, index);
            reader.Read(); // throws on a second value on the line
            return result;
        }
        catch (JsonException ex)
        {
            return CaseParser.Malformed(index, ex, lineNumber);
        }
    }

    private static IEnumerable<CaseReadResult> EnumerateCore(Stream stream, CaseReadOptions options)
    {
        using var buffer = new Utf8StreamBuffer();
        var reader = new CaseStreamReader(options);
        while (true)
        {
            switch (reader.Next(buffer, out var result))
            {
                case CaseStreamReader.Step.Result:
                    yield return result!;
                    break;
                case CaseStreamReader.Step.NeedMore:
                    buffer.Fill(stream);
                    break;
                default:
                    yield break;
            }
        }
    }

    private static async IAsyncEnumerable<CaseReadResult> EnumerateAsyncCore(Stream stream, CaseReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = new Utf8StreamBuffer();
        var reader = new CaseStreamReader(options);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.Next(buffer, out var result))
            {
                case CaseStreamReader.Step.Result:
                    yield return result!;
                    break;
                case CaseStreamReader.Step.NeedMore:
                    await buffer.FillAsync(stream, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    yield break;
            }
        }
    }

    /// <summary>
    /// True when the input has more than one non-blank line and either one of them is a complete JSON object by itself
    /// or every one of them starts with <c>{</c> (JSON Lines whose lines are all broken: one rejected case each, not
    /// one error for the file).
    /// </summary>
    private static bool IsJsonLines(ReadOnlySpan<byte> input)
    {
        int nonBlank = 0;
        bool completeLine = false, allStartWithBrace = true;
        while (!input.IsEmpty && !(nonBlank > 1 && completeLine))
        {
            var line = NextLine(ref input);
            int start = FirstNonBlank(line);
            if (start < 0)
            {
                continue;
            }

            nonBlank++;
            allStartWithBrace &= line[start] == (byte)'{';
            completeLine = completeLine || (line[start] == (byte)'{' && IsCompleteValue(line));
        }

        return nonBlank > 1 && (completeLine || allStartWithBrace);
    }

    internal static bool IsCompleteValue(ReadOnlySpan<byte> line, bool final = false)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: final, state: default);
        try
        {
            // Not the final block: an incomplete value (the first line of a multi-line object) is "false", not an error.
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }

            return FirstNonBlank(line[(int)reader.BytesConsumed..]) < 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> input)
    {
        int end = input.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (end < 0)
        {
            line = input;
            input = default;
        }
        else
        {
            line = input[..end];
            input = input[(end + 1)..];
        }

        return line;
    }

    /// <summary>The index of the first byte that is not JSON white space, or -1.</summary>
    internal static int FirstNonBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8);
}
