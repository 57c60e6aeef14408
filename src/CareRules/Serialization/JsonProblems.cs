using System.Globalization;
using System.Text;
using System.Text.Json;
using CareRules.Model;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Serialization;

/// <summary>
/// Collects the problems of a strict JSON read as <see cref="ValidationError"/>s, with one wording for every CareRules
/// reader (cases, workflow files, case tables): syntax errors (<c>is not valid JSON at line 3, byte 17: …</c>), unknown
/// fields with the allowed list, repeated and missing fields, wrong JSON types (<c>must be …, was the string '12'.</c>)
/// and unknown catalog names (<c>unknown value 'delay'; expected 'delivery-delay', … or 'other'.</c>). Reading goes on
/// past a problem so that one pass reports them all. Not thread-safe: one instance per read.
/// </summary>
public sealed partial class JsonProblems
{
    /// <summary>The example instant of messages.</summary>
    internal const string InstantExample = "2026-11-23T10:00:00Z";

    /// <summary>What an instant must be, for wrong-type messages.</summary>
    internal const string InstantExpected = "an ISO-8601 UTC instant string like " + InstantExample;

    /// <summary>The message of a field given twice.</summary>
    internal const string DuplicateFieldMessage = "appears more than once; give each field once.";

    private List<ValidationError>? _errors;

    /// <summary>The number of problems so far.</summary>
    public int Count => _errors?.Count ?? 0;

    /// <summary>The problems so far, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors ?? (IReadOnlyList<ValidationError>)[];

    /// <summary>Adds a problem.</summary>
    /// <param name="path">The path of the value (<see cref="JsonPath"/>).</param>
    /// <param name="message">The message: a sentence fragment that reads after the path (<c>is required.</c>).</param>
    public void Add(string path, string message) => (_errors ??= []).Add(new ValidationError(path, message));

    /// <summary>Forgets every problem (to reuse the instance for the next object).</summary>
    public void Clear() => _errors?.Clear();

    /// <summary>The problems so far, copied.</summary>
    /// <returns>A new array.</returns>
    public ValidationError[] ToArray() => _errors is null ? [] : [.. _errors];

    /// <summary>Reports JSON that does not parse: <c>is not valid JSON at line L, byte B: reason</c> (both 1-based).</summary>
    /// <param name="path">The path of the input (<c>$</c>, a file name).</param>
    /// <param name="exception">The parser's exception.</param>
    /// <param name="line">The 1-based line, when the parser saw only that line (JSON Lines); null to take the exception's.</param>
    public void SyntaxError(string path, JsonException exception, long? line = null) => Add(path, SyntaxErrorMessage(exception, line));

    /// <summary>Reports an unknown field of an object: <c>unknown field 'x'; allowed fields are 'a', 'b' or 'c'.</c></summary>
    /// <param name="objectPath">The path of the object holding it.</param>
    /// <param name="name">The field name.</param>
    /// <param name="fields">The object's allowed fields.</param>
    public void UnknownField(string objectPath, string name, JsonFields fields) => Add(JsonPath.Property(objectPath, name), UnknownFieldMessage(name, fields));

    /// <summary>Reports a field given more than once.</summary>
    /// <param name="path">The field's path.</param>
    public void DuplicateField(string path) => Add(path, DuplicateFieldMessage);

    /// <summary>Reports a missing value: <c>is required.</c>, or <c>is required: why</c>.</summary>
    /// <param name="path">The missing field's path.</param>
    /// <param name="why">What it is for; null for none.</param>
    public void Required(string path, string? why = null) => Add(path, why is null ? "is required." : "is required: " + why);

    /// <summary>Reports a value of the wrong JSON type: <c>must be {expected}, was {the value}.</c></summary>
    /// <param name="path">The value's path.</param>
    /// <param name="expected">What it must be (<c>a whole number</c>, <c>true or false</c>).</param>
    /// <param name="actual">The value found.</param>
    public void WrongType(string path, string expected, JsonElement actual) => Add(path, WrongTypeMessage(expected, Describe(actual)));

    /// <summary>Reports a string that is not a catalog name of <typeparamref name="TEnum"/>.</summary>
    /// <typeparam name="TEnum">The enumeration (its names from <see cref="CatalogNames"/>).</typeparam>
    /// <param name="path">The value's path.</param>
    /// <param name="value">The string found.</param>
    /// <param name="noun">What the value is (<c>value</c>, <c>flag</c>).</param>
    public void UnknownName<TEnum>(string path, string value, string noun = "value")
        where TEnum : struct, Enum => Add(path, UnknownNameMessage<TEnum>(value, noun));

    /// <summary>Reads a catalog name (<see cref="CatalogNames"/>) of <typeparamref name="TEnum"/>; reports a wrong type or an unknown name.</summary>
    /// <typeparam name="TEnum">The enumeration.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="result">The value read, or default.</param>
    /// <returns>True when read.</returns>
    public bool TryReadName<TEnum>(JsonElement value, string path, out TEnum result)
        where TEnum : struct, Enum
    {
        result = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(path, NameExpected<TEnum>(), value);
            return false;
        }

        string text = value.GetString()!;
        if (CatalogNames.TryParse(text, out result))
        {
            return true;
        }

        UnknownName<TEnum>(path, text);
        return false;
    }

    /// <summary>
    /// Reads a string that must be one of a fixed list (spelled exactly): reports a wrong type, or an unknown value
    /// with the list, in the wording of catalog names (<c>unknown value 'and'; expected 'And', 'AndAlso', 'Or' or 'OrElse'.</c>).
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="allowed">The allowed strings.</param>
    /// <param name="result">The string read, or empty.</param>
    /// <returns>True when read.</returns>
    public bool TryReadOneOf(JsonElement value, string path, IReadOnlyList<string> allowed, out string result)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        string expected = JsonFields.Quote(allowed);
        result = string.Empty;
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(path, "a string, one of " + expected, value);
            return false;
        }

        string text = value.GetString()!;
        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Add(path, UnknownValueMessage(text, expected, "value"));
            return false;
        }

        result = text;
        return true;
    }

    /// <summary>Reads an ISO-8601 UTC instant (<c>2026-11-23T10:00:00Z</c>); reports a wrong type or a string that does not parse.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="result">The instant read, or default.</param>
    /// <returns>True when read.</returns>
    public bool TryReadInstant(JsonElement value, string path, out Instant result)
    {
        result = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(path, InstantExpected, value);
            return false;
        }

        string text = value.GetString()!;
        if (text.Length > 64 || !IsoText.TryParseInstant(Encoding.UTF8.GetBytes(text), out result))
        {
            Add(path, InstantMessage(text));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The elements of an array with their paths (<c>path[i]</c>). Reports a value that is not an array as
    /// <c>must be {expected}, …</c> (yielding nothing); with <paramref name="itemKind"/>, reports and skips every
    /// element of another kind as <c>must be {itemExpected}, …</c>. Lazy: enumerate the result once.
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="expected">What the array must be (<c>an array of rule ids</c>).</param>
    /// <param name="itemKind">The kind every element must have; null for any.</param>
    /// <param name="itemExpected">What an element must be (<c>a rule object</c>), with <paramref name="itemKind"/>.</param>
    /// <returns>The elements to read.</returns>
    public IEnumerable<JsonItem> Items(JsonElement value, string path, string expected, JsonValueKind? itemKind = null, string? itemExpected = null)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(path, expected, value);
            return [];
        }

        return ItemsOf(value, path, itemKind, itemExpected ?? itemKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "true or false",
        });
    }

    private IEnumerable<JsonItem> ItemsOf(JsonElement array, string path, JsonValueKind? itemKind, string itemExpected)
    {
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string itemPath = JsonPath.Element(path, index);
            if (itemKind is { } kind && item.ValueKind != kind)
            {
                WrongType(itemPath, itemExpected, item);
            }
            else
            {
                yield return new JsonItem(index, itemPath, item);
            }

            index++;
        }
    }

    /// <summary>Reads a string; reports any other JSON type.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="result">The string, or empty.</param>
    /// <returns>True when read.</returns>
    public bool TryReadString(JsonElement value, string path, out string result)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            result = value.GetString()!;
            return true;
        }

        result = string.Empty;
        WrongType(path, "a string", value);
        return false;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>; reports any other JSON value.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="path">Its path.</param>
    /// <param name="result">The boolean, or false.</param>
    /// <returns>True when read.</returns>
    public bool TryReadBoolean(JsonElement value, string path, out bool result)
    {
        result = value.ValueKind == JsonValueKind.True;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return true;
        }

        WrongType(path, "true or false", value);
        return false;
    }

    /// <summary>A JSON value as messages name it: <c>the string 'x'</c>, <c>the number 12</c>, <c>true</c>, <c>null</c>, <c>an object</c>, <c>an array</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The description.</returns>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => "the number " + Shorten(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    /// <summary>The token under a reader as messages name it (as <see cref="Describe(JsonElement)"/>); never throws.</summary>
    /// <param name="reader">A reader on a value token.</param>
    /// <returns>The description.</returns>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string '{Shorten(SafeString(ref reader))}'",
        JsonTokenType.Number => "the number " + Shorten(Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>The message of JSON that does not parse, without the parser's own position suffix.</summary>
    internal static string SyntaxErrorMessage(JsonException exception, long? line = null)
    {
        long lineNumber = line ?? (exception.LineNumber ?? 0) + 1;
        long position = (exception.BytePositionInLine ?? 0) + 1;
        string reason = exception.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            reason = reason[..cut].TrimEnd(' ', '|');
        }

        // The parser quotes the offending token, which can be as long as the input: quote at most 60 characters.
        reason = QuotedToken().Replace(reason, m => "'" + Shorten(m.Groups[1].Value) + "'");
        return string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {lineNumber}, byte {position}: {reason}");
    }

    internal static string UnknownFieldMessage(string name, JsonFields fields)
    {
        string of = fields.Subject is null ? string.Empty : " of " + fields.Subject;
        string message = $"unknown field '{Shorten(name)}'{of}; allowed fields are {fields.Allowed}.";
        return fields.NearMiss(name) is { } near ? $"{message} Did you mean '{near}'? Field names are case-sensitive." : message;
    }

    internal static string WrongTypeMessage(string expected, string actual) => $"must be {expected}, was {actual}.";

    internal static string UnknownNameMessage<TEnum>(string value, string noun = "value")
        where TEnum : struct, Enum => UnknownValueMessage(value, CatalogNames.Expected<TEnum>(), noun);

    private static string UnknownValueMessage(string value, string expected, string noun) => $"unknown {noun} '{Shorten(value)}'; expected {expected}.";

    /// <summary>What a catalog name must be, for wrong-type messages.</summary>
    internal static string NameExpected<TEnum>(string noun = "")
        where TEnum : struct, Enum => $"a {noun}{(noun.Length > 0 ? " name" : "string")}, one of {CatalogNames.Expected<TEnum>()}";

    internal static string InstantMessage(string text) =>
        $"'{Shorten(text)}' is not an ISO-8601 UTC instant; expected e.g. {InstantExample} (UTC, ending in Z).";

    internal static string DateMessage(string text) => $"'{Shorten(text)}' is not a local date; expected yyyy-MM-dd, e.g. 2026-11-14.";

    /// <summary>The string or property name under the reader, for a message; never throws.</summary>
    internal static string SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "(invalid text)";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("'([^']{61,})'", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex QuotedToken();

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
