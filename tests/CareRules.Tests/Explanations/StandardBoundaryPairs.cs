using CareRules.Model;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Explanations;

/// <summary>A false comparison's expected nearest flip.</summary>
internal sealed record FlipSpec(string Text, string Fact, string Operator, string Threshold, string[] Parameters, string Was);

/// <summary>One side of a rule's boundary: the context, and the deciding clause's operands (<see cref="Clauses.Line"/>) and flip there.</summary>
internal sealed record Side(CareContext Context, string[] Operands, FlipSpec? Flip = null);

/// <summary>
/// A Standard rule's boundary, one step either side (catalog section 4): <see cref="Fires"/> makes the rule fire,
/// <see cref="Quiet"/> is one step away and does not; <see cref="Clause"/> is the expression text of the clause that
/// decides, true on the firing side and false on the quiet one.
/// </summary>
internal sealed record BoundaryPair(string RuleId, string Step, string Clause, Side Fires, Side Quiet)
{
    public override string ToString() => $"{RuleId}: {Step}";
}

/// <summary>
/// A boundary pair for every rule of the Standard pack, shared by the C# pack's explanation tests and (linked) the workflow
/// JSON pack's. Unless a pair says otherwise: Monday 23 November 2026, 10:00 in Warsaw (09:00 UTC), a customer who is
/// not a VIP, an order on its way promised for Thursday, a case answered when it was opened an hour ago.
/// </summary>
internal static class StandardBoundaryPairs
{
    private const string Zone = "local (Europe/Warsaw)";

    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static Instant Z(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    public static IReadOnlyList<BoundaryPair> All { get; } = Build();

    public static BoundaryPair? For(string ruleId) => All.SingleOrDefault(p => p.RuleId == ruleId);

    private static List<BoundaryPair> Build()
    {
        var pairs = new List<BoundaryPair>();

        // ---- 4.2 Proactive ---------------------------------------------------------------------
        Scenario Promised(LocalDate promised) => Monday
            .Order(o => o with { PlacedAt = Monday.Local(2026, 11, 16), PromisedBy = promised })
            .Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop });

        pairs.Add(new("delay.notify-immediately", "promised yesterday vs today", "today > order.PromisedBy",
            new(Promised(new LocalDate(2026, 11, 22)).Build(), ["today = 2026-11-23", "order.PromisedBy = 2026-11-22"]),
            new(Promised(new LocalDate(2026, 11, 23)).Build(), ["today = 2026-11-23", "order.PromisedBy = 2026-11-23"],
                new($"fires after 2026-11-23 {Zone}", "today", ">", "2026-11-23", [], "2026-11-23"))));

        var promisedMonday = Promised(new LocalDate(2026, 11, 23));
        pairs.Add(new("delay.gift", "00:00 the day after the promised date vs 23:59 on it", "today > order.PromisedBy",
            new(promisedMonday.AtInstant(Monday.Local(2026, 11, 24, 0, 0)).Build(), ["today = 2026-11-24", "order.PromisedBy = 2026-11-23"]),
            new(promisedMonday.AtInstant(Monday.Local(2026, 11, 23, 23, 59)).Build(), ["today = 2026-11-23", "order.PromisedBy = 2026-11-23"],
                new($"fires after 2026-11-23 {Zone}", "today", ">", "2026-11-23", [], "2026-11-23"))));

        Scenario Backorder(int days) => Monday.Order(o => o with { Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, BackorderUntil = Monday.Today.PlusDays(days) });
        pairs.Add(new("availability.firm-date", "back in stock in 15 days vs 14", "order.BackorderUntil > today.PlusDays(availabilityWait)",
            new(Backorder(15).Build(), ["order.BackorderUntil = 2026-12-08", "today.PlusDays(availabilityWait) = 2026-12-07"]),
            new(Backorder(14).Build(), ["order.BackorderUntil = 2026-12-07", "today.PlusDays(availabilityWait) = 2026-12-07"])));

        // 7.10: placed Saturday 24 October, day 30 is Monday 23 November.
        Scenario Undelivered(int day) => Scenario.AtLocal(2026, 11, day, 10, 0).WithoutCase()
            .Order(o => o with { PlacedAt = Scenario.AtLocal(2026, 10, 24, 12, 0).Now, Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, PromisedBy = new LocalDate(2026, 10, 28), DelayNotified = true });
        pairs.Add(new("delivery.statutory-deadline", "day 31 vs day 30 after placing", "today > StatutoryDeliveryDate(calendar, order)",
            new(Undelivered(24).Build(), ["today = 2026-11-24", "StatutoryDeliveryDate(calendar, order) = 2026-11-23"]),
            new(Undelivered(23).Build(), ["today = 2026-11-23", "StatutoryDeliveryDate(calendar, order) = 2026-11-23"],
                new($"fires after 2026-11-23 {Zone}", "today", ">", "2026-11-23", [], "2026-11-23"))));

        // ---- 4.3 Reply time: opened exactly one business day ago (Friday 10:00) vs a minute later ------------
        var friday10 = Monday.BusinessDaysAgo(1);
        Scenario Unanswered(CaseKind kind, Instant opened) => Monday.Case(k => k with { Kind = kind, OpenedAt = opened, Unanswered = true });
        foreach (var (rule, kind) in new[] { ("reply.sla-breached", CaseKind.Other), ("availability.inquiry-unanswered", CaseKind.AvailabilityInquiry) })
        {
            pairs.Add(new(rule, "replySla of business time elapsed exactly vs one minute short", "calendar.HasElapsed(case.OpenedAt, now, replySla)",
                new(Unanswered(kind, friday10).Build(), ["case.OpenedAt = 2026-11-20 10:00 local", "now = 2026-11-23 10:00 local", "replySla = 8h [replySla]"]),
                new(Unanswered(kind, friday10 + Duration.FromMinutes(1)).Build(), ["case.OpenedAt = 2026-11-20 10:01 local", "now = 2026-11-23 10:00 local", "replySla = 8h [replySla]"])));
        }

        Scenario Question(CaseFlags flags) => Monday.Case(k => k with { Kind = CaseKind.ProductQuestion, Flags = flags });
        pairs.Add(new("reply.answer-fully", "the answer is in the description vs not", "case.Has(CaseFlags.AnswerInProductDescription)",
            new(Question(CaseFlags.AnswerInProductDescription).Build(), []),
            new(Question(CaseFlags.None).Build(), [])));

        // ---- 4.4 Damage, loss, wrong goods -----------------------------------------------------
        Scenario Kind(CaseKind kind) => Monday.Case(k => k with { Kind = kind });
        pairs.Add(new("damage.packaging-apology", "damaged box vs damaged goods", "case.Kind == CaseKind.DamagedPackaging",
            new(Kind(CaseKind.DamagedPackaging).Build(), ["case.Kind = damaged-packaging"]),
            new(Kind(CaseKind.DamagedGoods).Build(), ["case.Kind = damaged-goods"],
                new("fires when case.Kind is damaged-packaging", "case.Kind", "==", "damaged-packaging", [], "damaged-goods"))));

        pairs.Add(new("damage.goods-remedy", "wrong item vs damaged box", "case.Kind == CaseKind.WrongItem",
            new(Kind(CaseKind.WrongItem).Build(), ["case.Kind = wrong-item"]),
            new(Kind(CaseKind.DamagedPackaging).Build(), ["case.Kind = damaged-packaging"],
                new("fires when case.Kind is wrong-item", "case.Kind", "==", "wrong-item", [], "damaged-packaging"))));

        Scenario Tracking(TrackingStatus tracking) => Monday.Order(o => o with { Tracking = tracking }).Case(k => k with { Kind = CaseKind.LostParcel, CarrierClaim = CarrierClaimState.Open });
        pairs.Add(new("lost-parcel.confirmed", "tracking lost vs in transit", "order.Tracking == TrackingStatus.Lost",
            new(Tracking(TrackingStatus.Lost).Build(), ["order.Tracking = lost"]),
            new(Tracking(TrackingStatus.InTransit).Build(), ["order.Tracking = in-transit"],
                new("fires when order.Tracking is lost", "order.Tracking", "==", "lost", [], "in-transit"))));

        // Opened Monday 16 November 10:00 in Warsaw: the hold ends Monday 30 November 10:00 (09:00 UTC).
        var holdEnd = Z("2026-11-30T09:00:00Z");
        Scenario Held(Instant now) => Scenario.At(now).Delivered(10).Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Z("2026-11-16T09:00:00Z"), CarrierClaim = CarrierClaimState.Open });
        const string hold = "CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold)";
        pairs.Add(new("lost-parcel.investigate", "a minute before the hold end vs at it", $"now < {hold}",
            new(Held(holdEnd - Duration.FromMinutes(1)).Build(), ["now = 2026-11-30 09:59 local", $"{hold} = 2026-11-30 10:00 local"]),
            new(Held(holdEnd).Build(), ["now = 2026-11-30 10:00 local", $"{hold} = 2026-11-30 10:00 local"],
                new($"fires before 2026-11-30 10:00 local (Europe/Warsaw; from carrierClaimMaxHold)", "now", "<", "2026-11-30 10:00", ["carrierClaimMaxHold"], "2026-11-30 10:00"))));
        pairs.Add(new("lost-parcel.trusted-customer", "at the hold end vs a minute before", $"now >= {hold}",
            new(Held(holdEnd).Build(), ["now = 2026-11-30 10:00 local", $"{hold} = 2026-11-30 10:00 local"]),
            new(Held(holdEnd - Duration.FromMinutes(1)).Build(), ["now = 2026-11-30 09:59 local", $"{hold} = 2026-11-30 10:00 local"],
                new($"fires from 2026-11-30 10:00 local (Europe/Warsaw; from carrierClaimMaxHold)", "now", ">=", "2026-11-30 10:00", ["carrierClaimMaxHold"], "2026-11-30 09:59"))));

        Scenario Blamed(Fault fault) => Monday.Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = fault });
        pairs.Add(new("fault.third-party", "carrier at fault vs shop", "case.Fault == Fault.Carrier",
            new(Blamed(Fault.Carrier).Build(), ["case.Fault = carrier"]),
            new(Blamed(Fault.Shop).Build(), ["case.Fault = shop"],
                new("fires when case.Fault is carrier", "case.Fault", "==", "carrier", [], "shop"))));

        // ---- 4.5 Boundaries --------------------------------------------------------------------
        Scenario Contacts(int n) => Monday.Customer(c => c with { ContactsLast7Days = n }).Case(k => k with { Flags = CaseFlags.NoNewFacts });
        pairs.Add(new("boundary.contact-frequency", "5 contacts in 7 days vs 4", "customer.ContactsLast7Days >= contactBoundary",
            new(Contacts(5).Build(), ["customer.ContactsLast7Days = 5", "contactBoundary = 5 [contactBoundary]"]),
            new(Contacts(4).Build(), ["customer.ContactsLast7Days = 4", "contactBoundary = 5 [contactBoundary]"],
                new("fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4", "customer.ContactsLast7Days", ">=", "5", ["contactBoundary"], "4"))));

        pairs.Add(new("boundary.off-topic", "off-topic vs other", "case.Kind == CaseKind.OffTopic",
            new(Kind(CaseKind.OffTopic).Build(), ["case.Kind = off-topic"]),
            new(Kind(CaseKind.Other).Build(), ["case.Kind = other"],
                new("fires when case.Kind is off-topic", "case.Kind", "==", "off-topic", [], "other"))));

        Scenario Flags(CaseFlags flags) => Monday.Case(k => k with { Flags = flags });
        pairs.Add(new("boundary.abusive", "flagged abusive vs not", "case.Has(CaseFlags.Abusive)",
            new(Flags(CaseFlags.Abusive).Build(), []),
            new(Flags(CaseFlags.None).Build(), [])));

        Scenario Unfounded(int n) => Monday.Customer(c => c with { UnfoundedComplaintsLast90Days = n });
        pairs.Add(new("boundary.unfounded-complaints", "3 unfounded complaints in 90 days vs 2", "customer.UnfoundedComplaintsLast90Days >= unfoundedComplaintLimit",
            new(Unfounded(3).Build(), ["customer.UnfoundedComplaintsLast90Days = 3", "unfoundedComplaintLimit = 3 [unfoundedComplaintLimit]"]),
            new(Unfounded(2).Build(), ["customer.UnfoundedComplaintsLast90Days = 2", "unfoundedComplaintLimit = 3 [unfoundedComplaintLimit]"],
                new("fires from customer.UnfoundedComplaintsLast90Days ≥ 3 (unfoundedComplaintLimit); was 2", "customer.UnfoundedComplaintsLast90Days", ">=", "3", ["unfoundedComplaintLimit"], "2"))));

        // ---- 4.6 Withdrawal: delivered Monday 2 November, the withdrawal end is Monday 16 November ----------
        Scenario Withdrawal(int openedDay)
        {
            var opened = Scenario.AtLocal(2026, 11, openedDay, 10, 0).Now;
            return Scenario.At(opened + Duration.FromHours(1))
                .Order(o => o with { Status = OrderStatus.Delivered, Tracking = TrackingStatus.Delivered, PlacedAt = Z("2026-10-29T10:00:00Z"), ShippedAt = Z("2026-10-30T10:00:00Z"), DeliveredAt = Scenario.AtLocal(2026, 11, 2, 11, 0).Now, PromisedBy = new LocalDate(2026, 11, 3) })
                .Case(k => k with { Kind = CaseKind.Withdrawal, OpenedAt = opened });
        }

        const string window = "calendar.LocalDate(case.OpenedAt) <= WithdrawalEnd(calendar, order, withdrawalPeriod)";
        pairs.Add(new("withdrawal.in-window", "opened on the withdrawal end vs the day after", window,
            new(Withdrawal(16).Build(), ["calendar.LocalDate(case.OpenedAt) = 2026-11-16", "WithdrawalEnd(calendar, order, withdrawalPeriod) = 2026-11-16"]),
            new(Withdrawal(17).Build(), ["calendar.LocalDate(case.OpenedAt) = 2026-11-17", "WithdrawalEnd(calendar, order, withdrawalPeriod) = 2026-11-16"])));
        pairs.Add(new("withdrawal.out-of-window", "opened the day after the withdrawal end vs on it", "!WithdrawalInWindow(calendar, case, order, withdrawalPeriod)",
            new(Withdrawal(17).Build(), []),
            new(Withdrawal(16).Build(), [])));

        // ---- 4.7 Escalation --------------------------------------------------------------------
        Scenario Channel(ContactChannel channel) => Monday.Case(k => k with { Channel = channel });
        pairs.Add(new("escalate.public-complaint", "public social vs e-mail", "case.Channel == ContactChannel.PublicSocial",
            new(Channel(ContactChannel.PublicSocial).Build(), ["case.Channel = public-social"]),
            new(Channel(ContactChannel.Email).Build(), ["case.Channel = email"],
                new("fires when case.Channel is public-social", "case.Channel", "==", "public-social", [], "email"))));

        Scenario Valued(decimal lifetimeValue) => Monday.Customer(c => c with { LifetimeValue = lifetimeValue }).Case(k => k with { Kind = CaseKind.DeliveryDelay });
        pairs.Add(new("escalate.vip-at-risk", "lifetime value 2000.00 vs 1999.99", "customer.LifetimeValue.Amount >= vipLifetimeValue",
            new(Valued(2000m).Build(), ["customer.LifetimeValue.Amount = 2000", "vipLifetimeValue = 2000.00 [vipLifetimeValue]"]),
            new(Valued(1999.99m).Build(), ["customer.LifetimeValue.Amount = 1999.99", "vipLifetimeValue = 2000.00 [vipLifetimeValue]"],
                new("fires from customer.LifetimeValue.Amount ≥ 2000.00 (vipLifetimeValue); was 1999.99", "customer.LifetimeValue.Amount", ">=", "2000.00", ["vipLifetimeValue"], "1999.99"))));

        Scenario Incidents(int n) => Monday.Customer(c => c with { IncidentsLast90Days = n });
        pairs.Add(new("escalate.repeat-incidents", "3 incidents in 90 days vs 2", "customer.IncidentsLast90Days >= repeatIncidentLimit",
            new(Incidents(3).Build(), ["customer.IncidentsLast90Days = 3", "repeatIncidentLimit = 3 [repeatIncidentLimit]"]),
            new(Incidents(2).Build(), ["customer.IncidentsLast90Days = 2", "repeatIncidentLimit = 3 [repeatIncidentLimit]"],
                new("fires from customer.IncidentsLast90Days ≥ 3 (repeatIncidentLimit); was 2", "customer.IncidentsLast90Days", ">=", "3", ["repeatIncidentLimit"], "2"))));

        pairs.Add(new("escalate.legal-threat", "a chargeback vs none", "case.Has(CaseFlags.Chargeback)",
            new(Flags(CaseFlags.Chargeback).Build(), []),
            new(Flags(CaseFlags.None).Build(), [])));

        // 7.7: opened Friday 13 November 23:30 in Warsaw; local day 10 starts Monday 23 November 00:00 (22 November 23:00 UTC).
        Scenario Complaint(string now) => Scenario.At(Z(now)).WithoutOrder()
            .Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = Z("2026-11-13T22:30:00Z"), Unanswered = true });
        const string days = "Period.DaysBetween(calendar.LocalDate(case.OpenedAt), today)";
        pairs.Add(new("complaint.deadline", "local day 10 vs day 9 after the complaint", $"{days} >= Math.Max(0, complaintResponseDeadline - 4)",
            new(Complaint("2026-11-22T23:00:00Z").Build(), [$"{days} = 10", "Math.Max(0, complaintResponseDeadline - 4) = 10"]),
            new(Complaint("2026-11-22T22:59:00Z").Build(), [$"{days} = 9", "Math.Max(0, complaintResponseDeadline - 4) = 10"],
                new("fires from local day 10 after case.OpenedAt (Europe/Warsaw; from complaintResponseDeadline); today is day 9", days, ">=", "10", ["complaintResponseDeadline"], "9"))));

        return pairs;
    }
}
