using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Explanations;

/// <summary>
/// Thresholds that are pack parameters (catalog sections 2.6 and 3): the C# Standard pack captures each parameter in a
/// local named as the parameter, so an operand and a flip name it and show the value the pack was built with —
/// <c>(contactBoundary)</c> when the threshold is the parameter, <c>(from complaintResponseDeadline)</c> when it is
/// computed from it.
/// </summary>
public sealed class ParameterThresholdExplanationTests
{
    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    [Fact]
    public void ContactBoundaryOverriddenTo3_TheFlipSaysFrom3_NamingTheParameter()
    {
        var pack = StandardPack.Build(b => b.Set(StandardParameters.ContactBoundary, 3));
        var two = Monday.Customer(c => c with { ContactsLast7Days = 2 }).Case(k => k with { Flags = CaseFlags.NoNewFacts }).Build();
        var three = Monday.Customer(c => c with { ContactsLast7Days = 3 }).Case(k => k with { Flags = CaseFlags.NoNewFacts }).Build();

        var quiet = pack.Explain(two, "boundary.contact-frequency");
        var fired = pack.Explain(three, "boundary.contact-frequency");

        Assert.False(quiet.Fired);
        Assert.True(fired.Fired);
        var clause = Clauses.Find(quiet, "customer.ContactsLast7Days >= contactBoundary");
        Assert.Equal(new[] { "customer.ContactsLast7Days = 2", "contactBoundary = 3 [contactBoundary]" }, Clauses.Lines(clause));
        Clauses.AssertFlip(new("fires from customer.ContactsLast7Days ≥ 3 (contactBoundary); was 2", "customer.ContactsLast7Days", ">=", "3", ["contactBoundary"], "2"), clause.Flip);
        Assert.Contains("customer.ContactsLast7Days (2) >= contactBoundary (3); fires from customer.ContactsLast7Days ≥ 3 (contactBoundary); was 2", quiet.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParameterSetByNameInTextForm_IsNamedTheSame()
    {
        var pack = StandardPack.Build(b => b.Set("vipLifetimeValue", "1500").Set("vipOrders", "4"));
        var context = Monday.Customer(c => c with { LifetimeValue = 1499.99m, Orders = 3 }).Case(k => k with { Kind = CaseKind.DeliveryDelay }).Build();

        var e = pack.Explain(context, "escalate.vip-at-risk");

        Assert.False(e.Fired);
        Assert.Equal("fires from customer.LifetimeValue.Amount ≥ 1500.00 (vipLifetimeValue); was 1499.99", Clauses.Find(e, "customer.LifetimeValue.Amount >= vipLifetimeValue").Flip!.Text);
        Assert.Equal("fires from customer.Orders ≥ 4 (vipOrders); was 3", Clauses.Find(e, "customer.Orders >= vipOrders").Flip!.Text);
        Assert.Equal(new[] { "vipLifetimeValue = 1500.00 [vipLifetimeValue]", "vipOrders = 4 [vipOrders]" }, Clauses.Lines(Clauses.Find(e, "IsVip(customer, vipLifetimeValue, vipOrders)")));
    }

    [Fact]
    public void ThresholdComputedFromAParameter_FlipSaysFromIt_WithTheComputedValue()
    {
        var pack = StandardPack.Build(b => b.Set(StandardParameters.ComplaintResponseDeadline, 20));
        var opened = Monday.Local(2026, 11, 2, 10, 0);
        Scenario Complaint(Instant now) => Scenario.At(now).WithoutOrder().Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = opened, Unanswered = true });

        var day15 = pack.Explain(Complaint(Monday.Local(2026, 11, 17, 23, 59)).Build(), "complaint.deadline");
        var day16 = pack.Explain(Complaint(Monday.Local(2026, 11, 18, 0, 0)).Build(), "complaint.deadline");

        Assert.False(day15.Fired);
        Assert.True(day16.Fired);
        const string due = "Period.DaysBetween(calendar.LocalDate(case.OpenedAt), today) >= Math.Max(0, complaintResponseDeadline - 4)";
        var clause = Clauses.Find(day15, due);
        Assert.Equal("Math.Max(0, complaintResponseDeadline - 4) = 16", Clauses.Lines(clause)[1]); // computed: not itself a parameter
        Clauses.AssertFlip(new("fires from local day 16 after case.OpenedAt (Europe/Warsaw; from complaintResponseDeadline); today is day 15",
            "Period.DaysBetween(calendar.LocalDate(case.OpenedAt), today)", ">=", "16", ["complaintResponseDeadline"], "15"), clause.Flip);
        // E, the 20th day from 2 November, is Sunday 22 November, moved to Monday 23: deemed accepted from the 24th.
        Assert.Equal("fires after 2026-11-23 local (Europe/Warsaw; from complaintResponseDeadline)", Clauses.Find(day15, "today > ComplaintResponseEnd(calendar, case, complaintResponseDeadline)").Flip!.Text);
        Assert.Equal(new[] { "today = 2026-11-17", "complaintResponseDeadline = 20 [complaintResponseDeadline]" }, Clauses.Lines(Clauses.Find(day15, "IsComplaintEscalationDue(calendar, case, today, complaintResponseDeadline)")));
    }

    [Fact]
    public void ClockThresholdFromAParameter_CarrierClaimMaxHold7_TheHoldEndMoves()
    {
        var pack = StandardPack.Build(b => b.Set("carrierClaimMaxHold", "7d"));
        var opened = Monday.Local(2026, 11, 16, 10, 0);
        var context = Scenario.At(Monday.Local(2026, 11, 23, 10, 0)).Delivered(10).Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = opened, CarrierClaim = CarrierClaimState.Open }).Build();

        var e = pack.Explain(context, "lost-parcel.investigate");

        Assert.False(e.Fired);
        var clause = Clauses.Find(e, "now < CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold)");
        Assert.Equal("CarrierClaimHoldEnd(calendar, case, carrierClaimMaxHold) = 2026-11-23 10:00 local", Clauses.Lines(clause)[1]);
        Clauses.AssertFlip(new("fires before 2026-11-23 10:00 local (Europe/Warsaw; from carrierClaimMaxHold)", "now", "<", "2026-11-23 10:00", ["carrierClaimMaxHold"], "2026-11-23 10:00"), clause.Flip);
        Assert.True(pack.Explain(context, "lost-parcel.trusted-customer").Fired);
    }

    [Fact]
    public void ParameterInsideACall_IsShownInTheOperandsText_WithoutAFlip()
    {
        var pack = StandardPack.Build(b => b.Set(StandardParameters.AvailabilityWait, 7));
        var context = Monday.Order(o => o with { Status = OrderStatus.Paid, ShippedAt = null, Tracking = TrackingStatus.None, BackorderUntil = new LocalDate(2026, 11, 30) }).Build();

        var e = pack.Explain(context, "availability.firm-date");

        Assert.False(e.Fired); // 30 November is exactly 7 days ahead: not more
        var clause = Clauses.Find(e, "order.BackorderUntil > today.PlusDays(availabilityWait)");
        Assert.Equal(new[] { "order.BackorderUntil = 2026-11-30", "today.PlusDays(availabilityWait) = 2026-11-30" }, Clauses.Lines(clause));
        Assert.Null(clause.Flip); // two facts of the context compared: both values, no flip (catalog 2.6)
    }
}
