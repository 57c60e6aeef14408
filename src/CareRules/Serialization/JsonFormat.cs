using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CareRules.Model;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Serialization;

/// <summary>Shared, byte-stable formatting of the case, verdict and error JSON formats.</summary>
internal static class JsonFormat
{
    public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    public static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");

    /// <summary>
    /// The writer options of every CareRules writer. The relaxed encoder keeps non-ASCII text (Polish reasons) and
    /// apostrophes readable instead of <c>\u0027</c>: the output is JSON data, never embedded in HTML by this library.
    /// New lines are <c>\n</c> on every OS so that indented output is byte-stable too.
    /// </summary>
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writes <c>{"amount":12.30,"currency":"PLN"}</c>: the amount always with two decimals.</summary>
    public static void WriteMoney(Utf8JsonWriter writer, JsonEncodedText name, Money money)
    {
        writer.WriteStartObject(name);
        writer.WritePropertyName(Amount);
        WriteDecimal(writer, money.Amount, "0.00");
        writer.WriteString(CurrencyName, money.Currency.Code);
        writer.WriteEndObject();
    }

    /// <summary>Writes a decimal as a JSON number in a fixed invariant format (two decimals for money, no trailing zeros for percents).</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, string format)
    {
        if (value == 0m)
        {
            value = 0m; // normalise negative zero, which would print as "-0.00"
        }

        Span<byte> buffer = stackalloc byte[64];
        if (!value.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Cannot format {value} as a JSON number."); // 64 bytes hold any decimal
        }

        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }

    /// <summary>The format of percents: invariant, no exponent, no trailing zeros (10, 12.5).</summary>
    public const string PercentFormat = "0.############################";

    /// <summary>Writes an instant as ISO-8601 UTC (<c>2026-11-23T10:00:00Z</c>, fractional seconds only when present).</summary>
    public static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, Instant value) =>
        writer.WriteString(name, InstantPattern.ExtendedIso.Format(value));

    /// <summary>Writes an optional instant, <c>null</c> when absent.</summary>
    public static void WriteInstantOrNull(Utf8JsonWriter writer, JsonEncodedText name, Instant? value)
    {
        if (value is { } v)
        {
            WriteInstant(writer, name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an optional local date as <c>yyyy-MM-dd</c>, <c>null</c> when absent.</summary>
    public static void WriteDateOrNull(Utf8JsonWriter writer, JsonEncodedText name, LocalDate? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, LocalDatePattern.Iso.Format(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an enumeration value by its catalog name.</summary>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum => writer.WriteString(name, CatalogJson<TEnum>.Encoded(value));

    /// <summary>Runs a writer callback into a buffer and returns the bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value, bool indented, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Runs a writer callback into a buffer and returns the text.</summary>
    public static string ToJson<T>(T value, bool indented, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
