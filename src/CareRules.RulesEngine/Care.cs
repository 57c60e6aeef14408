using CareRules.Authoring;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Time;
using NodaTime;

namespace CareRules.RulesEngine;

/// <summary>
/// The helper functions a workflow expression may call, as <c>Care.Name(...)</c>: the facts of the Standard pack that
/// are awkward to write inline (VIP, late, statutory periods in the shop's calendar), and a few date helpers. The facts
/// are those of <see cref="StandardFacts"/>, which holds their one implementation and documents each (what it means,
/// the law or parameter it follows, the catalog section); these names only hand them to expressions. Every function is
/// pure and allocation-free, and never throws on a missing order or case: it answers <see langword="false"/> or
/// <see langword="null"/> instead. Together with the context, the parameters, <c>calendar</c> and the types listed in
/// the package README, these are the only things an expression may use (see <see cref="WorkflowPack"/>).
/// Thread-safe.
/// </summary>
public static class Care
{
    /// <summary>
    /// True for a VIP (<see cref="StandardFacts.IsVip"/>, catalog section 1.7). Write
    /// <c>Care.IsVip(customer, params.vipLifetimeValue, params.vipOrders)</c>.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="vipLifetimeValue">The lifetime value from which a customer is a VIP (an amount in the pack's currency).</param>
    /// <param name="vipOrders">The number of orders from which a customer is a VIP.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsVip))]
    public static bool IsVip(Customer customer, decimal vipLifetimeValue, int vipOrders) =>
        StandardFacts.IsVip(customer, vipLifetimeValue, vipOrders);

    /// <summary>True while the order is still on its way (<see cref="StandardFacts.IsUndelivered"/>). False when there is no order.</summary>
    /// <param name="order">The order, or null.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsUndelivered))]
    public static bool IsUndelivered(Order? order) => StandardFacts.IsUndelivered(order);

    /// <summary>
    /// True when the order is late (<see cref="StandardFacts.IsLate"/>): undelivered and
    /// <paramref name="today"/> is after its promised date. Write <c>Care.IsLate(order, today)</c>.
    /// </summary>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsLate))]
    public static bool IsLate(Order? order, LocalDate today) => StandardFacts.IsLate(order, today);

    /// <summary>
    /// A local date, e.g. <c>Care.Date(2026, 12, 24)</c> (expressions cannot call constructors).
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month.</param>
    /// <exception cref="ArgumentOutOfRangeException">The date does not exist.</exception>
    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    /// <summary>True when <paramref name="other"/> has a value and <paramref name="date"/> is after it.</summary>
    /// <param name="date">A local date.</param>
    /// <param name="other">A local date that may be missing (e.g. <c>order.PromisedBy</c>).</param>
    public static bool IsAfter(LocalDate date, LocalDate? other) => other is { } o && date > o;

    /// <summary>True when <paramref name="other"/> has a value and <paramref name="date"/> is before it.</summary>
    /// <param name="date">A local date.</param>
    /// <param name="other">A local date that may be missing (e.g. <c>order.BackorderUntil</c>).</param>
    public static bool IsBefore(LocalDate date, LocalDate? other) => other is { } o && date < o;

    /// <summary>The number of calendar days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The second date.</param>
    public static int DaysBetween(LocalDate from, LocalDate to) => Period.DaysBetween(from, to);

    /// <summary>
    /// The same local time <paramref name="days"/> calendar days later in the shop's time zone (correct across daylight
    /// saving changes). Write <c>Care.PlusLocalDays(calendar, case.OpenedAt, 14)</c>.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="instant">An instant.</param>
    /// <param name="days">Calendar days to add (may be negative).</param>
    public static Instant PlusLocalDays(BusinessCalendar calendar, Instant instant, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.PlusLocalDays(instant, days);
    }

    /// <summary>The end of a local day in the shop's time zone: the instant the next day starts.</summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="date">A local date.</param>
    public static Instant EndOfLocalDay(BusinessCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.EndOfDay(date);
    }

    /// <summary>
    /// The statutory delivery date of an order (<see cref="StandardFacts.StatutoryDeliveryDate"/>): 30 days after it was
    /// placed, or the promised date when that is later. Null when there is no order.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
    public static LocalDate? StatutoryDeliveryDate(BusinessCalendar calendar, Order? order) =>
        StandardFacts.StatutoryDeliveryDate(calendar, order);

    /// <summary>
    /// True when the order is undelivered and <paramref name="today"/> is after its statutory delivery date
    /// (<see cref="StandardFacts.IsPastStatutoryDelivery"/>).
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsPastStatutoryDelivery))]
    public static bool IsPastStatutoryDelivery(BusinessCalendar calendar, Order? order, LocalDate today) =>
        StandardFacts.IsPastStatutoryDelivery(calendar, order, today);

    /// <summary>
    /// The last day to withdraw from the contract (<see cref="StandardFacts.WithdrawalEnd"/>), or null when the goods
    /// are not delivered yet or there is no order.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days: pass <c>params.withdrawalPeriod</c>.</param>
    public static LocalDate? WithdrawalEnd(BusinessCalendar calendar, Order? order, int period) =>
        StandardFacts.WithdrawalEnd(calendar, order, period);

    /// <summary>
    /// True for a <c>withdrawal</c> case in the withdrawal window (<see cref="StandardFacts.WithdrawalInWindow"/>). False
    /// when there is no case or order.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days: pass <c>params.withdrawalPeriod</c>.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.WithdrawalInWindow))]
    public static bool WithdrawalInWindow(BusinessCalendar calendar, CareCase? @case, Order? order, int period) =>
        StandardFacts.WithdrawalInWindow(calendar, @case, order, period);

    /// <summary>
    /// When the refund of a withdrawal is due (<see cref="StandardFacts.RefundDueBy"/>). Write
    /// <c>Care.RefundDueBy(calendar, case, params.refundDeadline)</c>.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The withdrawal case.</param>
    /// <param name="refundDeadline">The refund deadline in days: pass <c>params.refundDeadline</c>.</param>
    public static Instant RefundDueBy(BusinessCalendar calendar, CareCase @case, int refundDeadline) =>
        StandardFacts.RefundDueBy(calendar, @case, refundDeadline);

    /// <summary>
    /// The end of the carrier-claim hold of a lost-parcel case (<see cref="StandardFacts.CarrierClaimHoldEnd"/>). Write
    /// <c>Care.CarrierClaimHoldEnd(calendar, case, params.carrierClaimMaxHold)</c>.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The lost-parcel case.</param>
    /// <param name="maxHold">The longest hold in days: pass <c>params.carrierClaimMaxHold</c>.</param>
    public static Instant CarrierClaimHoldEnd(BusinessCalendar calendar, CareCase @case, int maxHold) =>
        StandardFacts.CarrierClaimHoldEnd(calendar, @case, maxHold);

    /// <summary>True when the carrier accepted the claim of a lost-parcel case (<see cref="StandardFacts.IsCarrierClaimAccepted"/>).</summary>
    /// <param name="case">The case, or null.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsCarrierClaimAccepted))]
    public static bool IsCarrierClaimAccepted(CareCase? @case) => StandardFacts.IsCarrierClaimAccepted(@case);

    /// <summary>
    /// The last day to answer a statutory complaint (<see cref="StandardFacts.ComplaintResponseEnd"/>). Write
    /// <c>Care.ComplaintResponseEnd(calendar, case, params.complaintResponseDeadline)</c>.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The complaint case.</param>
    /// <param name="days">The response deadline in days: pass <c>params.complaintResponseDeadline</c>.</param>
    public static LocalDate ComplaintResponseEnd(BusinessCalendar calendar, CareCase @case, int days) =>
        StandardFacts.ComplaintResponseEnd(calendar, @case, days);

    /// <summary>
    /// True when an unanswered statutory complaint has reached the day its escalation starts
    /// (<see cref="StandardFacts.IsComplaintEscalationDue"/>).
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    /// <param name="days">The response deadline in days: pass <c>params.complaintResponseDeadline</c>.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsComplaintEscalationDue))]
    public static bool IsComplaintEscalationDue(BusinessCalendar calendar, CareCase? @case, LocalDate today, int days) =>
        StandardFacts.IsComplaintEscalationDue(calendar, @case, today, days);

    /// <summary>
    /// True when a statutory complaint is deemed accepted: not answered by the end of its last day, a late answer
    /// included (<see cref="StandardFacts.IsComplaintDeemedAccepted"/>).
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    /// <param name="days">The response deadline in days: pass <c>params.complaintResponseDeadline</c>.</param>
    [FactDefinition(typeof(StandardFacts), nameof(StandardFacts.IsComplaintDeemedAccepted))]
    public static bool IsComplaintDeemedAccepted(BusinessCalendar calendar, CareCase? @case, LocalDate today, int days) =>
        StandardFacts.IsComplaintDeemedAccepted(calendar, @case, today, days);
}
