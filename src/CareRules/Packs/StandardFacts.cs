using System.Linq.Expressions;
using CareRules.Authoring;
using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Packs;

/// <summary>
/// The facts the Standard pack derives from a context (catalog section 1.7), written once: the C# Standard pack, the
/// workflow JSON pack's <c>Care.*</c> helpers and a shop's own rules all call these. Every function is pure,
/// allocation-free and thread-safe, reads no clock (the caller passes <c>today</c> or the case), and never throws on
/// a missing customer, order or case: it answers <see langword="false"/> or <see langword="null"/> instead. Only a
/// missing calendar is an error. The facts that are conditions are defined once, as expression trees
/// (<see cref="FactDefinitionAttribute"/>): a pack built from expression trees inlines them, and an explanation shows
/// their clauses; the methods run the compiled definitions.
/// </summary>
public static class StandardFacts
{
    internal static readonly Expression<Func<Customer?, decimal, int, bool>> IsVipDefinition = (customer, vipLifetimeValue, vipOrders) =>
        customer != null && (customer.LifetimeValue.Amount >= vipLifetimeValue || customer.Orders >= vipOrders);

    internal static readonly Expression<Func<Order?, bool>> IsUndeliveredDefinition = order =>
        order != null && !order.IsDelivered && order.Tracking != TrackingStatus.Delivered && order.Status != OrderStatus.Cancelled;

    internal static readonly Expression<Func<Order?, LocalDate, bool>> IsLateDefinition = (order, today) =>
        order != null && order.PromisedBy != null && IsUndelivered(order) && today > order.PromisedBy.Value;

    internal static readonly Expression<Func<BusinessCalendar, Order?, LocalDate, bool>> IsPastStatutoryDeliveryDefinition = (calendar, order, today) =>
        IsUndelivered(order) && today > StatutoryDeliveryDate(calendar, order)!.Value;

    internal static readonly Expression<Func<BusinessCalendar, CareCase?, Order?, int, bool>> WithdrawalInWindowDefinition = (calendar, @case, order, withdrawalPeriod) =>
        @case != null && @case.Kind == CaseKind.Withdrawal && order != null && !order.WithdrawalExempt
        && (WithdrawalEnd(calendar, order, withdrawalPeriod) == null || calendar.LocalDate(@case.OpenedAt) <= WithdrawalEnd(calendar, order, withdrawalPeriod)!.Value);

    internal static readonly Expression<Func<CareCase?, bool>> IsCarrierClaimAcceptedDefinition = @case =>
        @case != null && @case.Kind == CaseKind.LostParcel && @case.CarrierClaim == CarrierClaimState.Accepted;

    internal static readonly Expression<Func<BusinessCalendar, CareCase?, LocalDate, int, bool>> IsComplaintEscalationDueDefinition = (calendar, @case, today, complaintResponseDeadline) =>
        @case != null && @case.Kind == CaseKind.StatutoryComplaint && @case.FirstReplyAt == null
        && Period.DaysBetween(calendar.LocalDate(@case.OpenedAt), today) >= Math.Max(0, complaintResponseDeadline - 4);

    internal static readonly Expression<Func<BusinessCalendar, CareCase?, LocalDate, int, bool>> IsComplaintDeemedAcceptedDefinition = (calendar, @case, today, complaintResponseDeadline) =>
        @case != null && @case.Kind == CaseKind.StatutoryComplaint && today > ComplaintResponseEnd(calendar, @case, complaintResponseDeadline)
        && (@case.FirstReplyAt == null || calendar.LocalDate(@case.FirstReplyAt.Value) > ComplaintResponseEnd(calendar, @case, complaintResponseDeadline));

    private static Func<Customer?, decimal, int, bool>? s_isVip;
    private static Func<Order?, bool>? s_isUndelivered;
    private static Func<Order?, LocalDate, bool>? s_isLate;
    private static Func<BusinessCalendar, Order?, LocalDate, bool>? s_isPastStatutoryDelivery;
    private static Func<BusinessCalendar, CareCase?, Order?, int, bool>? s_withdrawalInWindow;
    private static Func<CareCase?, bool>? s_isCarrierClaimAccepted;
    private static Func<BusinessCalendar, CareCase?, LocalDate, int, bool>? s_isComplaintEscalationDue;
    private static Func<BusinessCalendar, CareCase?, LocalDate, int, bool>? s_isComplaintDeemedAccepted;

    /// <summary>
    /// True for a <b>VIP</b>: a lifetime value of at least <paramref name="vipLifetimeValue"/> or at least
    /// <paramref name="vipOrders"/> orders (parameters <c>vipLifetimeValue</c>, default 2000.00, and <c>vipOrders</c>,
    /// default 10; seed 004). Catalog section 1.7; read by sections 4.4.4, 4.4.5, 4.6.2 and 4.7.2. False when there is
    /// no customer.
    /// </summary>
    /// <param name="customer">The customer, or null.</param>
    /// <param name="vipLifetimeValue">The lifetime value from which a customer is a VIP (an amount in the pack's currency).</param>
    /// <param name="vipOrders">The number of orders from which a customer is a VIP.</param>
    [FactDefinition(typeof(StandardFacts), nameof(IsVipDefinition))]
    public static bool IsVip(Customer? customer, decimal vipLifetimeValue, int vipOrders) =>
        (s_isVip ??= FactDefinitions.Compile(IsVipDefinition))(customer, vipLifetimeValue, vipOrders);

    /// <summary>
    /// True while the order is <b>undelivered</b>: not delivered by any account (status <c>delivered</c> or
    /// <c>returned</c>, a delivery instant, or tracking <c>delivered</c>) and not cancelled. Catalog section 1.7; read by
    /// sections 4.2.1 to 4.2.4. False when there is no order.
    /// </summary>
    /// <param name="order">The order, or null.</param>
    [FactDefinition(typeof(StandardFacts), nameof(IsUndeliveredDefinition))]
    public static bool IsUndelivered(Order? order) => (s_isUndelivered ??= FactDefinitions.Compile(IsUndeliveredDefinition))(order);

    /// <summary>
    /// True when the order is <b>late</b>: it has a promised date, is undelivered (<see cref="IsUndelivered"/>), and
    /// <paramref name="today"/>, the shop's local date, is after the promised date (an order promised for 22 November
    /// is late from 00:00 on 23 November in the shop's time zone). Catalog section 1.7; read by sections 4.2.1 and
    /// 4.2.2. False when there is no order or no promised date.
    /// </summary>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date at the evaluation instant.</param>
    [FactDefinition(typeof(StandardFacts), nameof(IsLateDefinition))]
    public static bool IsLate(Order? order, LocalDate today) => (s_isLate ??= FactDefinitions.Compile(IsLateDefinition))(order, today);

    /// <summary>
    /// The <b>statutory delivery date</b>: the local date the order was placed plus 30 days, or the promised date when
    /// that is later (Directive 2011/83/EU art. 18; Civil Code art. 543¹; day 30 itself is still in time and is not
    /// moved off a weekend or holiday). Catalog sections 1.7 and 7.10. Null when there is no order.
    /// </summary>
    /// <param name="calendar">The pack's business calendar (its time zone gives the local date).</param>
    /// <param name="order">The order, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static LocalDate? StatutoryDeliveryDate(BusinessCalendar calendar, Order? order)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (order is null)
        {
            return null;
        }

        var thirtyDays = calendar.LocalDate(order.PlacedAt).PlusDays(30);
        return order.PromisedBy is { } promised && promised > thirtyDays ? promised : thirtyDays;
    }

    /// <summary>
    /// True when the order is undelivered (<see cref="IsUndelivered"/>) and <paramref name="today"/> is after its
    /// statutory delivery date (<see cref="StatutoryDeliveryDate"/>): the condition of
    /// <c>delivery.statutory-deadline</c>, catalog sections 4.2.4 and 7.10. False when there is no order.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date at the evaluation instant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    [FactDefinition(typeof(StandardFacts), nameof(IsPastStatutoryDeliveryDefinition))]
    public static bool IsPastStatutoryDelivery(BusinessCalendar calendar, Order? order, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (s_isPastStatutoryDelivery ??= FactDefinitions.Compile(IsPastStatutoryDeliveryDefinition))(calendar, order, today);
    }

    /// <summary>
    /// The <b>withdrawal end</b>, the last day to withdraw from the contract: the legal period of
    /// <paramref name="period"/> days (parameter <c>withdrawalPeriod</c>, default 14; Consumer Rights Act art. 27) from
    /// the local date of delivery, ending at the end of its last day and moved off a Saturday, Sunday or public holiday
    /// (Civil Code art. 111 §2, art. 115). When the consumer was not informed of the right, 12 months more counted from
    /// the end of that period as moved, the end of the 12 months moved again in the same way (Consumer Rights Act
    /// art. 29; Directive 2011/83/EU art. 10(1)). Catalog sections 1.7 and 7.14. Null while the goods are not delivered
    /// (a consumer may withdraw before delivery) or when there is no order.
    /// </summary>
    /// <param name="calendar">The pack's business calendar (its time zone and holidays).</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static LocalDate? WithdrawalEnd(BusinessCalendar calendar, Order? order, int period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (order?.DeliveredAt is not { } delivered)
        {
            return null;
        }

        var end = calendar.LegalPeriodEnd(calendar.LocalDate(delivered), period);
        return order.WithdrawalInformed ? end : calendar.LegalPeriodEnd(end.PlusMonths(12), 0);
    }

    /// <summary>
    /// True when a case is <b>in the withdrawal window</b>: a <c>withdrawal</c> case with an order whose goods are not
    /// exempt (Consumer Rights Act art. 38), received before delivery or on or before the withdrawal end
    /// (<see cref="WithdrawalEnd"/>), judged on the local date the case was opened. Catalog sections 1.7 and 4.6. False
    /// when there is no case or no order.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days (parameter <c>withdrawalPeriod</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    [FactDefinition(typeof(StandardFacts), nameof(WithdrawalInWindowDefinition))]
    public static bool WithdrawalInWindow(BusinessCalendar calendar, CareCase? @case, Order? order, int period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (s_withdrawalInWindow ??= FactDefinitions.Compile(WithdrawalInWindowDefinition))(calendar, @case, order, period);
    }

    /// <summary>
    /// When the refund of a withdrawal is due: the end of the last day of a legal period of
    /// <paramref name="refundDeadline"/> days (parameter <c>refundDeadline</c>, default 14; Consumer Rights Act art. 32)
    /// from the local date the case was opened, moved off a Saturday, Sunday or public holiday (Civil Code art. 115).
    /// Not <c>openedAt + 14 × 24 h</c>. Catalog sections 4.6.1 and 7.6.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The withdrawal case.</param>
    /// <param name="refundDeadline">The refund deadline in days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="case"/> is null.</exception>
    public static Instant RefundDueBy(BusinessCalendar calendar, CareCase @case, int refundDeadline)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(@case);
        return calendar.EndOfDay(calendar.LegalPeriodEnd(calendar.LocalDate(@case.OpenedAt), refundDeadline));
    }

    /// <summary>
    /// The end of the carrier-claim hold of a lost-parcel case: the same local wall-clock time
    /// <paramref name="maxHold"/> calendar days (parameter <c>carrierClaimMaxHold</c>, default 14; seed 003) after the
    /// case was opened, whatever clock change lies between. The hold is in force strictly before this instant. Catalog
    /// sections 4.4.4, 4.4.5 and 7.9.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The lost-parcel case.</param>
    /// <param name="maxHold">The longest hold, in days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="case"/> is null.</exception>
    public static Instant CarrierClaimHoldEnd(BusinessCalendar calendar, CareCase @case, int maxHold)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(@case);
        return calendar.PlusLocalDays(@case.OpenedAt, maxHold);
    }

    /// <summary>
    /// True when the carrier has <b>accepted</b> the shop's claim on a lost-parcel case: the carrier admits the parcel
    /// was lost or damaged in its care, so the shop reships (or refunds on request) at once, as for a parcel tracked
    /// <c>lost</c> (Civil Code art. 548 §3). Catalog sections 4.4.3 and 7.17. False when there is no case.
    /// </summary>
    /// <param name="case">The case, or null.</param>
    [FactDefinition(typeof(StandardFacts), nameof(IsCarrierClaimAcceptedDefinition))]
    public static bool IsCarrierClaimAccepted(CareCase? @case) =>
        (s_isCarrierClaimAccepted ??= FactDefinitions.Compile(IsCarrierClaimAcceptedDefinition))(@case);

    /// <summary>
    /// E, the last day to answer a statutory complaint: the last day of a legal period of <paramref name="days"/> days
    /// (parameter <c>complaintResponseDeadline</c>, default 14; Consumer Rights Act art. 7a) from the local date the
    /// complaint was received, moved off a Saturday, Sunday or public holiday (Civil Code art. 115). Unanswered, the
    /// complaint is deemed accepted from the local day after E. Catalog sections 4.7.5 and 7.7.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The complaint case.</param>
    /// <param name="days">The response deadline in days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> or <paramref name="case"/> is null.</exception>
    public static LocalDate ComplaintResponseEnd(BusinessCalendar calendar, CareCase @case, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(@case);
        return calendar.LegalPeriodEnd(calendar.LocalDate(@case.OpenedAt), days);
    }

    /// <summary>
    /// True when a statutory complaint without a first reply has reached the day its escalation starts: local day
    /// <c><paramref name="days"/> − 4</c> (at least 0) counted from the local date it was received, not moved off
    /// weekends or holidays (day 10 by default). Catalog sections 4.7.5 and 7.7. False when there is no case, or it is
    /// not a statutory complaint, or it has been answered.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="today">The shop's local date at the evaluation instant.</param>
    /// <param name="days">The response deadline in days (parameter <c>complaintResponseDeadline</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    [FactDefinition(typeof(StandardFacts), nameof(IsComplaintEscalationDueDefinition))]
    public static bool IsComplaintEscalationDue(BusinessCalendar calendar, CareCase? @case, LocalDate today, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (s_isComplaintEscalationDue ??= FactDefinitions.Compile(IsComplaintEscalationDueDefinition))(calendar, @case, today, days);
    }

    /// <summary>
    /// True when a statutory complaint is <b>deemed accepted</b>: <paramref name="today"/> is after E
    /// (<see cref="ComplaintResponseEnd"/>) and the complaint was not answered by the end of E, either not at all or by a
    /// first reply whose local date is after E. A late answer does not undo the deemed acceptance (Consumer Rights Act
    /// art. 7a). Catalog sections 4.7.5 and 7.7. False when there is no case or it is not a statutory complaint.
    /// </summary>
    /// <param name="calendar">The pack's business calendar.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="today">The shop's local date at the evaluation instant.</param>
    /// <param name="days">The response deadline in days (parameter <c>complaintResponseDeadline</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    [FactDefinition(typeof(StandardFacts), nameof(IsComplaintDeemedAcceptedDefinition))]
    public static bool IsComplaintDeemedAccepted(BusinessCalendar calendar, CareCase? @case, LocalDate today, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (s_isComplaintDeemedAccepted ??= FactDefinitions.Compile(IsComplaintDeemedAcceptedDefinition))(calendar, @case, today, days);
    }
}
