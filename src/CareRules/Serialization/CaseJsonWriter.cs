using System.Text.Json;
using CareRules.Model;

namespace CareRules.Serialization;

/// <summary>
/// Writes a <see cref="CareContext"/> in the case format of catalog section 5, every field explicit (optional values
/// as <c>null</c>, flag sets as arrays in catalog order), so that <see cref="CaseJsonReader"/> reads back an equal
/// context. Byte-stable; static and thread-safe. Uses the options of <see cref="VerdictJsonWriter.WriterOptions"/>.
/// </summary>
public static class CaseJsonWriter
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

    /// <summary>Writes the context as one case object at the writer's current position.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="context">The context.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, CareContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        writer.WriteStartObject();
        JsonFormat.WriteInstant(writer, Now, context.Now);

        var customer = context.Customer;
        writer.WriteStartObject(CustomerName);
        writer.WriteString(Id, customer.Id);
        JsonFormat.WriteDateOrNull(writer, Since, customer.Since);
        writer.WriteNumber(Orders, customer.Orders);
        JsonFormat.WriteMoney(writer, LifetimeValue, customer.LifetimeValue);
        writer.WriteNumber(ContactsLast7Days, customer.ContactsLast7Days);
        writer.WriteNumber(IncidentsLast90Days, customer.IncidentsLast90Days);
        writer.WriteNumber(UnfoundedComplaintsLast90Days, customer.UnfoundedComplaintsLast90Days);
        JsonFormat.WriteMoney(writer, GoodwillLast90Days, customer.GoodwillLast90Days);
        writer.WriteEndObject();

        if (context.Order is { } order)
        {
            writer.WriteStartObject(OrderName);
            writer.WriteString(Id, order.Id);
            JsonFormat.WriteInstant(writer, PlacedAt, order.PlacedAt);
            JsonFormat.WriteMoney(writer, Total, order.Total);
            JsonFormat.WriteEnum(writer, Payment, order.Payment);
            JsonFormat.WriteEnum(writer, Status, order.Status);
            JsonFormat.WriteDateOrNull(writer, PromisedBy, order.PromisedBy);
            JsonFormat.WriteInstantOrNull(writer, ShippedAt, order.ShippedAt);
            JsonFormat.WriteInstantOrNull(writer, DeliveredAt, order.DeliveredAt);
            writer.WriteBoolean(DelayNotified, order.DelayNotified);
            JsonFormat.WriteEnum(writer, Tracking, order.Tracking);
            writer.WriteBoolean(WithdrawalInformed, order.WithdrawalInformed);
            writer.WriteBoolean(WithdrawalExempt, order.WithdrawalExempt);
            JsonFormat.WriteDateOrNull(writer, BackorderUntil, order.BackorderUntil);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(OrderName);
        }

        if (context.Case is { } @case)
        {
            writer.WriteStartObject(CaseName);
            writer.WriteString(Id, @case.Id);
            JsonFormat.WriteInstant(writer, OpenedAt, @case.OpenedAt);
            JsonFormat.WriteEnum(writer, Kind, @case.Kind);
            JsonFormat.WriteEnum(writer, Channel, @case.Channel);
            JsonFormat.WriteEnum(writer, Fault, @case.Fault);
            JsonFormat.WriteInstantOrNull(writer, FirstReplyAt, @case.FirstReplyAt);
            WriteSet(writer, Flags, @case.Flags);
            JsonFormat.WriteEnum(writer, CarrierClaim, @case.CarrierClaim);
            WriteSet(writer, Requests, @case.Requests);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(CaseName);
        }

        writer.WriteEndObject();
    }

    /// <summary>The context as JSON text in the case format.</summary>
    /// <param name="context">The context.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line, fit for JSON Lines) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static string ToJson(CareContext context, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonFormat.ToJson(context, indented, Write);
    }

    /// <summary>The context as UTF-8 JSON bytes in the case format.</summary>
    /// <param name="context">The context.</param>
    /// <param name="indented">True to indent with two spaces and <c>\n</c> new lines; compact (one line) by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static byte[] ToUtf8Bytes(CareContext context, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonFormat.ToUtf8Bytes(context, indented, Write);
    }

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
