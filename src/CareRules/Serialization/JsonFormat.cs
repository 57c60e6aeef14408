using System.Text.Json;
using CareRules.Model;
using NodaTime;

namespace CareRules.Serialization;

/// <summary>Shared, byte-stable formatting of the case, verdict and error JSON formats.</summary>
internal static class JsonFormat
{
    public static readonly JsonEncodedText Amount = CaseJsonText.Amount;
    public static readonly JsonEncodedText CurrencyName = CaseJsonText.CurrencyName;

    /// <summary>The writer options of every CareRules writer (<see cref="CaseJsonText.Options"/>).</summary>
    public static JsonWriterOptions Options(bool indented) => CaseJsonText.Options(indented);

    /// <summary>Writes <c>{"amount":12.30,"currency":"PLN"}</c>: the amount always with two decimals.</summary>
    public static void WriteMoney(Utf8JsonWriter writer, JsonEncodedText name, Money money) => CaseJsonText.WriteMoney(writer, name, money);

    /// <summary>Writes a decimal as a JSON number in a fixed invariant format (two decimals for money, no trailing zeros for percents).</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value, string format) => CaseJsonText.WriteDecimal(writer, value, format);

    /// <summary>The format of percents: invariant, no exponent, no trailing zeros (10, 12.5).</summary>
    public const string PercentFormat = "0.############################";

    /// <summary>Writes an instant as ISO-8601 UTC (<c>2026-11-23T10:00:00Z</c>, fractional seconds only when present).</summary>
    public static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText name, Instant value) => CaseJsonText.WriteInstant(writer, name, value);

    /// <summary>Writes an optional instant, <c>null</c> when absent.</summary>
    public static void WriteInstantOrNull(Utf8JsonWriter writer, JsonEncodedText name, Instant? value) => CaseJsonText.WriteInstantOrNull(writer, name, value);

    /// <summary>Writes an optional local date as <c>yyyy-MM-dd</c>, <c>null</c> when absent.</summary>
    public static void WriteDateOrNull(Utf8JsonWriter writer, JsonEncodedText name, LocalDate? value) => CaseJsonText.WriteDateOrNull(writer, name, value);

    /// <summary>Writes an enumeration value by its catalog name.</summary>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum => writer.WriteString(name, CatalogJson<TEnum>.Encoded(value));

    /// <summary>Runs a writer callback into a buffer and returns the bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value, bool indented, Action<Utf8JsonWriter, T> write) => CaseJsonText.ToUtf8Bytes(value, indented, write);

    /// <summary>Runs a writer callback into a buffer and returns the text.</summary>
    public static string ToJson<T>(T value, bool indented, Action<Utf8JsonWriter, T> write) => CaseJsonText.ToJson(value, indented, write);
}
