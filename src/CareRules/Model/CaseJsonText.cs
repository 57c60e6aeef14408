using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CareRules.Model;

/// <summary>
/// The one writer of the case format (catalog section 5) and of its money, instant and date values. It lives in
/// <c>Model</c> so that the model's <c>ToString</c> can print a context, a customer, an order or a case as the JSON a
/// shop would paste into a case file or a table row (the namespaces are one-way: <c>Model</c> cannot use
/// <c>Serialization</c>); <c>CaseJsonWriter</c> and the verdict writer call it. Never used while evaluating.
/// </summary>
internal static class CaseJsonText
{
    private static readonly JsonEncodedText Now = JsonEncodedText.Encode("now");
    private static readonly JsonEncodedText CustomerName = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText OrderName = JsonEncodedText.Encode("order");
    private static readonly JsonEncodedText CaseName = JsonEncodedText.Encode("case");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText Orders = JsonEncodedText.Encode("orders");
    private static readonly JsonEncodedText LifetimeValue = JsonEncodedText.Encode("lifetimeValue");
    private static readonly JsonEncodedText ContactsLast7Days = JsonEncodedText.Encode("contactsLast7Days");
    private static readonly JsonEncodedText IncidentsLast90Days = JsonEncodedText.Encode("incidentsLast90Days");
    private static readonly JsonEncodedText UnfoundedComplaintsLast90Days = JsonEncodedText.Encode("unfoundedComplaintsLast90Days");
    private static readonly JsonEncodedText GoodwillLast90Days = JsonEncodedText.Encode("goodwillLast90Days");
    private static readonly JsonEncodedText PlacedAt = JsonEncodedText.Encode("placedAt");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Payment = JsonEncodedText.Encode("payment");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText PromisedBy = JsonEncodedText.Encode("promisedBy");
    private static readonly JsonEncodedText ShippedAt = JsonEncodedText.Encode("shippedAt");
    private static readonly JsonEncodedText DeliveredAt = JsonEncodedText.Encode("deliveredAt");
    private static readonly JsonEncodedText DelayNotified = JsonEncodedText.Encode("delayNotified");
    private static readonly JsonEncodedText Tracking = JsonEncodedText.Encode("tracking");
    private static readonly JsonEncodedText WithdrawalInformed = JsonEncodedText.Encode("withdrawalInformed");
    private static readonly JsonEncodedText WithdrawalExempt = JsonEncodedText.Encode("withdrawalExempt");
    private static readonly JsonEncodedText BackorderUntil = JsonEncodedText.Encode("backorderUntil");
    private static readonly JsonEncodedText OpenedAt = JsonEncodedText.Encode("openedAt");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText Fault = JsonEncodedText.Encode("fault");
    private static readonly JsonEncodedText FirstReplyAt = JsonEncodedText.Encode("firstReplyAt");
    private static readonly JsonEncodedText Flags = JsonEncodedText.Encode("flags");
    private static readonly JsonEncodedText CarrierClaim = JsonEncodedText.Encode("carrierClaim");
    private static readonly JsonEncodedText Requests = JsonEncodedText.Encode("requests");

    /// <summary>The <c>amount</c> field of money.</summary>
    public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");

    /// <summary>The <c>currency</c> field of money.</summary>
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

    /// <summary>Writes the context as one case object.</summary>
    public static void WriteContext(Utf8JsonWriter writer, CareContext context)
    {
        writer.WriteStartObject();
        WriteInstant(writer, Now, context.Now);
        writer.WritePropertyName(CustomerName);
        WriteCustomer(writer, context.Customer);
        writer.WritePropertyName(OrderName);
        if (context.Order is { } order)
        {
            WriteOrder(writer, order);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(CaseName);
        if (context.Case is { } @case)
        {
            WriteCase(writer, @case);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the customer object of the case format.</summary>
    public static void WriteCustomer(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, customer.Id);
        WriteDateOrNull(writer, Since, customer.Since);
        writer.WriteNumber(Orders, customer.Orders);
        WriteMoney(writer, LifetimeValue, customer.LifetimeValue);
        writer.WriteNumber(ContactsLast7Days, customer.ContactsLast7Days);
        writer.WriteNumber(IncidentsLast90Days, customer.IncidentsLast90Days);
        writer.WriteNumber(UnfoundedComplaintsLast90Days, customer.UnfoundedComplaintsLast90Days);
        WriteMoney(writer, GoodwillLast90Days, customer.GoodwillLast90Days);
        writer.WriteEndObject();
    }

    /// <summary>Writes the order object of the case format.</summary>
    public static void WriteOrder(Utf8JsonWriter writer, Order order)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, order.Id);
        WriteInstant(writer, PlacedAt, order.PlacedAt);
        WriteMoney(writer, Total, order.Total);
        WriteEnum(writer, Payment, order.Payment);
        WriteEnum(writer, Status, order.Status);
        WriteDateOrNull(writer, PromisedBy, order.PromisedBy);
        WriteInstantOrNull(writer, ShippedAt, order.ShippedAt);
        WriteInstantOrNull(writer, DeliveredAt, order.DeliveredAt);
        writer.WriteBoolean(DelayNotified, order.DelayNotified);
        WriteEnum(writer, Tracking, order.Tracking);
        writer.WriteBoolean(WithdrawalInformed, order.WithdrawalInformed);
        writer.WriteBoolean(WithdrawalExempt, order.WithdrawalExempt);
        WriteDateOrNull(writer, BackorderUntil, order.BackorderUntil);
        writer.WriteEndObject();
    }

    /// <summary>Writes the case object of the case format.</summary>
    public static void WriteCase(Utf8JsonWriter writer, CareCase @case)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, @case.Id);
        WriteInstant(writer, OpenedAt, @case.OpenedAt);
        WriteEnum(writer, Kind, @case.Kind);
        WriteEnum(writer, Channel, @case.Channel);
        WriteEnum(writer, Fault, @case.Fault);
        WriteInstantOrNull(writer, FirstReplyAt, @case.FirstReplyAt);
        WriteSet(writer, Flags, @case.Flags);
        WriteEnum(writer, CarrierClaim, @case.CarrierClaim);
        WriteSet(writer, Requests, @case.Requests);
        writer.WriteEndObject();
    }

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

    /// <summary>Runs a writer callback into a buffer and returns the bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value, bool indented, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Runs a writer callback into a buffer and returns the text.</summary>
    public static string ToJson<T>(T value, bool indented, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteEnum<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum => writer.WriteString(name, CatalogNames.Of(value));

    private static void WriteSet<TEnum>(Utf8JsonWriter writer, JsonEncodedText name, TEnum set)
        where TEnum : struct, Enum
    {
        writer.WriteStartArray(name);
        foreach (string item in CatalogNames.All<TEnum>())
        {
            if (CatalogNames.TryParse<TEnum>(item, out var flag) && set.HasFlag(flag))
            {
                writer.WriteStringValue(item);
            }
        }

        writer.WriteEndArray();
    }
}
