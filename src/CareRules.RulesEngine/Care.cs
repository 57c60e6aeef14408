using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.RulesEngine;

/// <summary>
/// The helper functions a workflow expression may call, as <c>Care.Name(...)</c>: the facts of the Standard pack that
/// are awkward to write inline (VIP, late, statutory periods in the shop's calendar). Every function is pure and
/// allocation-free, and never throws on a missing order or case: it answers <see langword="false"/> or
/// <see langword="null"/> instead. Together with the context, the parameters, <c>calendar</c> and the types listed in
/// the package README, these are the only things an expression may use (see <see cref="WorkflowPack"/>).
/// Thread-safe.
/// </summary>
public static class Care
{
    /// <summary>
    /// True for a VIP: lifetime value at least <paramref name="vipLifetimeValue"/> or at least
    /// <paramref name="vipOrders"/> orders. Write <c>Care.IsVip(customer, params.vipLifetimeValue, params.vipOrders)</c>.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="vipLifetimeValue">The lifetime value from which a customer is a VIP (an amount in the pack's currency).</param>
    /// <param name="vipOrders">The number of orders from which a customer is a VIP.</param>
    public static bool IsVip(Customer customer, decimal vipLifetimeValue, int vipOrders) =>
        customer is not null && (customer.LifetimeValue.Amount >= vipLifetimeValue || customer.Orders >= vipOrders);

    /// <summary>
    /// True while the order is still on its way: not delivered by any account (status, delivery instant or tracking),
    /// and not cancelled. False when there is no order.
    /// </summary>
    /// <param name="order">The order, or null.</param>
    public static bool IsUndelivered(Order? order) =>
        order is not null && !order.IsDelivered && order.Tracking != TrackingStatus.Delivered && order.Status != OrderStatus.Cancelled;

    /// <summary>
    /// True when the order is undelivered (<see cref="IsUndelivered"/>) and <paramref name="today"/> (the shop's local
    /// date, <c>today</c>) is after its promised date. False when there is no order or no promised date.
    /// </summary>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    public static bool IsLate(Order? order, LocalDate today) =>
        order is { PromisedBy: { } promised } && IsUndelivered(order) && today > promised;

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
    public static int DaysBetween(LocalDate from, LocalDate to) => to.ToDateOnly().DayNumber - from.ToDateOnly().DayNumber;

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
    /// The statutory delivery date of an order: 30 days after it was placed (shop's local date), or the promised date
    /// when that is later (Directive 2011/83/EU art. 18). Null when there is no order.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
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
    /// statutory delivery date (<see cref="StatutoryDeliveryDate"/>).
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="today">The shop's local date: pass <c>today</c>.</param>
    public static bool IsPastStatutoryDelivery(BusinessCalendar calendar, Order? order, LocalDate today) =>
        IsUndelivered(order) && StatutoryDeliveryDate(calendar, order) is { } deadline && today > deadline;

    /// <summary>
    /// The last day to withdraw from the contract, or null when the goods are not delivered yet (withdrawal before
    /// delivery is allowed) or there is no order: <paramref name="period"/> days from delivery (Consumer Rights Act
    /// art. 27), 12 months more when the consumer was not informed of the right (art. 29), moved off Saturdays, Sundays
    /// and holidays (Civil Code art. 115).
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days: pass <c>params.withdrawalPeriod</c>.</param>
    public static LocalDate? WithdrawalEnd(BusinessCalendar calendar, Order? order, int period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (order?.DeliveredAt is not { } delivered)
        {
            return null;
        }

        var start = calendar.LocalDate(delivered);
        return order.WithdrawalInformed
            ? calendar.LegalPeriodEnd(start, period)
            : calendar.LegalPeriodEnd(start.PlusDays(period).PlusMonths(12), 0);
    }

    /// <summary>
    /// True for a <c>withdrawal</c> case about goods that are not exempt, opened on or before the last day to withdraw
    /// (<see cref="WithdrawalEnd"/>; always within the window before delivery). False when there is no case or order.
    /// </summary>
    /// <param name="calendar">The shop's calendar: pass <c>calendar</c>.</param>
    /// <param name="case">The case, or null.</param>
    /// <param name="order">The order, or null.</param>
    /// <param name="period">The withdrawal period in days: pass <c>params.withdrawalPeriod</c>.</param>
    public static bool WithdrawalInWindow(BusinessCalendar calendar, CareCase? @case, Order? order, int period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return @case is { Kind: CaseKind.Withdrawal } k && order is { WithdrawalExempt: false }
            && (WithdrawalEnd(calendar, order, period) is not { } end || calendar.LocalDate(k.OpenedAt) <= end);
    }
}
