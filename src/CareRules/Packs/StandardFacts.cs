using CareRules.Model;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.Packs;

/// <summary>The Standard pack's derived facts, written once and shared by its rules. Allocation-free.</summary>
internal static class StandardFacts
{
    public static bool IsVip(Customer c, decimal vipLifetimeValue, int vipOrders) =>
        c.LifetimeValue.Amount >= vipLifetimeValue || c.Orders >= vipOrders;

    /// <summary>Still on its way: not delivered by any account (status, instant or tracking), not cancelled or returned.</summary>
    public static bool IsUndelivered(Order o) =>
        !o.IsDelivered && o.Tracking != TrackingStatus.Delivered && o.Status != OrderStatus.Cancelled;

    /// <summary>Undelivered and today (shop time zone) is after the promised date.</summary>
    public static bool IsLate(RuleContext c) =>
        c.Order is { PromisedBy: { } promised } o && IsUndelivered(o) && c.Today > promised;


    public static int DaysBetween(LocalDate from, LocalDate to) => to.ToDateOnly().DayNumber - from.ToDateOnly().DayNumber;

    /// <summary>
    /// The last day to withdraw, or null when the goods are not delivered yet (withdrawal before delivery is allowed,
    /// Consumer Rights Act art. 27). 14 days from delivery (art. 27), 12 months more when the consumer was not informed
    /// of the right (art. 29), moved off Saturdays, Sundays and holidays (Civil Code art. 115).
    /// </summary>
    public static LocalDate? WithdrawalEnd(RuleContext c, Order o, int period)
    {
        if (o.DeliveredAt is not { } delivered)
        {
            return null;
        }

        var start = c.LocalDate(delivered);
        return o.WithdrawalInformed
            ? c.Calendar.LegalPeriodEnd(start, period)
            : c.Calendar.LegalPeriodEnd(start.PlusDays(period).PlusMonths(12), 0);
    }

    public static bool WithdrawalInWindow(RuleContext c, int period) =>
        c.Case is { Kind: CaseKind.Withdrawal } k && c.Order is { WithdrawalExempt: false } o
        && (WithdrawalEnd(c, o, period) is not { } end || c.LocalDate(k.OpenedAt) <= end);
}
