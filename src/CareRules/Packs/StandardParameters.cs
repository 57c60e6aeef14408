using CareRules.Authoring;
using NodaTime;

namespace CareRules.Packs;

/// <summary>
/// The Standard pack's own parameters (catalog section 3), with their defaults. The engine's core parameters
/// (<c>timeZone</c>, <c>businessHours</c>, <c>currency</c>, <c>minMeaningfulGift</c>, <c>maxGoodwillShareOfOrder</c>,
/// <c>goodwillBudget90Days</c>) are in <see cref="CoreParameters"/>.
/// </summary>
public static class StandardParameters
{
    /// <summary><c>stance</c>: generous, balanced (default) or firm.</summary>
    public static ParameterDefinition<Stance> Stance { get; } =
        Parameter.Choice("stance", Packs.Stance.Balanced, "How much goodwill to give: generous (seeds 002, 003 and 004: the customer first), balanced or firm (seed 000 and the comments under seed 003: know when to stop).");

    /// <summary><c>replySla</c>: first reply within 1 business day, measured in business hours (8h).</summary>
    public static ParameterDefinition<Duration> ReplySla { get; } =
        Parameter.BusinessTime("replySla", Duration.FromHours(8), "Business time within which a case gets its first reply; one working day is 8h (seed 002: waiting more than a day drives customers away).");

    /// <summary><c>smallGift</c>: the gift added to a delayed order (20).</summary>
    public static ParameterDefinition<decimal> SmallGift { get; } =
        Parameter.Amount("smallGift", 20m, "Value of the small gift added to a delayed order, in the pack's currency (seed 002).");

    /// <summary><c>nextOrderDiscountPercent</c>: the next-order discount (10%).</summary>
    public static ParameterDefinition<int> NextOrderDiscountPercent { get; } =
        Parameter.Integer("nextOrderDiscountPercent", 10, "Discount on the next order, in percent (seed 002).", 1, 100);

    /// <summary><c>freeShippingValue</c>: what free shipping on the next order is worth, for the goodwill cap (15). Not in the catalog's table: the catalog gives goodwill a value but names no shipping cost.</summary>
    public static ParameterDefinition<decimal> FreeShippingValue { get; } =
        Parameter.Amount("freeShippingValue", 15m, "What free shipping on the next order is worth, in the pack's currency; counts against the goodwill cap.");

    /// <summary><c>vipLifetimeValue</c>: a customer with at least this lifetime value is a VIP (2000).</summary>
    public static ParameterDefinition<decimal> VipLifetimeValue { get; } =
        Parameter.Amount("vipLifetimeValue", 2000m, "Lifetime value from which a customer is a VIP, in the pack's currency (seed 004: keeping a customer is at least 6x cheaper than winning one).");

    /// <summary><c>vipOrders</c>: a customer with at least this many orders is a VIP (10).</summary>
    public static ParameterDefinition<int> VipOrders { get; } =
        Parameter.Integer("vipOrders", 10, "Number of orders from which a customer is a VIP (seed 004).", 1);

    /// <summary><c>contactBoundary</c>: contacts in 7 days from which a repeat contact without new facts gets a boundary (5).</summary>
    public static ParameterDefinition<int> ContactBoundary { get; } =
        Parameter.Integer("contactBoundary", 5, "Contacts in the last 7 days from which a contact with no new facts gets a boundary (seed 000 point 2).", 1);

    /// <summary><c>unfoundedComplaintLimit</c>: unfounded complaints in 90 days from which goodwill stops (3).</summary>
    public static ParameterDefinition<int> UnfoundedComplaintLimit { get; } =
        Parameter.Integer("unfoundedComplaintLimit", 3, "Unfounded complaints in the last 90 days from which no goodwill is given (seed 000 points 3 and 5).", 1);

    /// <summary><c>repeatIncidentLimit</c>: incidents in 90 days from which a case escalates (3).</summary>
    public static ParameterDefinition<int> RepeatIncidentLimit { get; } =
        Parameter.Integer("repeatIncidentLimit", 3, "Incidents in the last 90 days from which a case goes to a supervisor (seed 004: one bad experience needs twelve good ones).", 1);

    /// <summary><c>withdrawalPeriod</c>: days from delivery to withdraw (14); 12 months more when the consumer was not informed.</summary>
    public static ParameterDefinition<int> WithdrawalPeriod { get; } =
        Parameter.Days("withdrawalPeriod", 14, "Days from delivery in which a consumer may withdraw; 12 months more when not informed of the right (Directive 2011/83/EU art. 9-10; Consumer Rights Act art. 27, 29).");

    /// <summary><c>refundDeadline</c>: days after a withdrawal to refund (14).</summary>
    public static ParameterDefinition<int> RefundDeadline { get; } =
        Parameter.Days("refundDeadline", 14, "Days after a withdrawal within which the refund is due (Directive art. 13; Consumer Rights Act art. 32).");

    /// <summary><c>complaintResponseDeadline</c>: days to answer a statutory complaint before it is deemed accepted (14).</summary>
    public static ParameterDefinition<int> ComplaintResponseDeadline { get; } =
        Parameter.Days("complaintResponseDeadline", 14, "Days to answer a statutory complaint; unanswered, it is deemed accepted (Consumer Rights Act art. 7a).");

    /// <summary><c>carrierClaimMaxHold</c>: the longest a lost-parcel claim is held for the carrier's investigation (14 days).</summary>
    public static ParameterDefinition<int> CarrierClaimMaxHold { get; } =
        Parameter.Days("carrierClaimMaxHold", 14, "Longest hold of a lost-parcel case while the carrier investigates, in days (seed 003 practice, bounded by law).");

    /// <summary><c>availabilityWait</c>: a backorder longer than this gets a firm date and the option to cancel (14 days).</summary>
    public static ParameterDefinition<int> AvailabilityWait { get; } =
        Parameter.Days("availabilityWait", 14, "Days of backorder after which the customer gets a firm date and the option to cancel (seed 001: 'available in two weeks' makes customers leave).");

    /// <summary>All Standard pack parameters, in catalog order.</summary>
    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        Stance, ReplySla, SmallGift, NextOrderDiscountPercent, FreeShippingValue, VipLifetimeValue, VipOrders, ContactBoundary,
        UnfoundedComplaintLimit, RepeatIncidentLimit, WithdrawalPeriod, RefundDeadline, ComplaintResponseDeadline,
        CarrierClaimMaxHold, AvailabilityWait,
    ];
}
