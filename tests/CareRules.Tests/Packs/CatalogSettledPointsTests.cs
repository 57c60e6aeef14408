using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Packs;

/// <summary>
/// The points docs/catalog.md section 7 settles (and the amount text form of section 3.2), each at its boundary: the
/// day before, the day of and the day after, with the values the catalog gives. The Standard pack with its defaults
/// and a customer who is not a VIP unless a test says otherwise; "Warsaw" times are local, <c>Z</c> times UTC.
/// </summary>
public sealed class CatalogSettledPointsTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    private static readonly CompiledPack Generous = WithStance(Stance.Generous);

    private static readonly CompiledPack Firm = WithStance(Stance.Firm);

    private static readonly CompiledPack WithoutSlaRule = StandardPack.Build(b => b.DisableRule("reply.sla-breached"));

    private static CompiledPack WithStance(Stance stance) => StandardPack.Build(b => b.Set(StandardParameters.Stance, stance));

    private static Instant Utc(int y, int mo, int d, int h, int mi = 0, int s = 0) => Instant.FromUtc(y, mo, d, h, mi, s);

    private static Instant Z(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static Decision Single(Verdict v, DecisionType type, string rule) =>
        Assert.Single(v.Decisions, d => d.Type == type && d.RuleId == rule);

    private static IEnumerable<Decision> Goodwill(Verdict v) =>
        v.Decisions.Where(d => d.Type == DecisionType.Compensate && !d.Legal && d.Offer != OfferKind.Apology);

    private static IEnumerable<Decision> Stops(Verdict v, StopKind stop) =>
        v.Decisions.Where(d => d.Type == DecisionType.Stop && d.Stop == stop);

    // ---- 7.1 The priorities of the Standard rules ------------------------------------------------

    [Fact]
    public void Point7_1_Priorities_AreTheCatalogBands_AndOnlyTheListedRulesSuppressOrRaiseTheCap()
    {
        var expected = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["boundary.abusive"] = 400,
            ["escalate.legal-threat"] = 380,
            ["boundary.contact-frequency"] = 350,
            ["boundary.off-topic"] = 340,
            ["boundary.unfounded-complaints"] = 330,
            ["delivery.statutory-deadline"] = 300,
            ["damage.goods-remedy"] = 300,
            ["lost-parcel.confirmed"] = 300,
            ["lost-parcel.trusted-customer"] = 300,
            ["withdrawal.in-window"] = 300,
            ["complaint.deadline"] = 300,
            ["withdrawal.out-of-window"] = 280,
            ["escalate.public-complaint"] = 260,
            ["lost-parcel.investigate"] = 250,
            ["escalate.vip-at-risk"] = 220,
            ["escalate.repeat-incidents"] = 210,
            ["reply.sla-breached"] = 200,
            ["availability.inquiry-unanswered"] = 200,
            ["delay.notify-immediately"] = 150,
            ["fault.third-party"] = 120,
            ["availability.firm-date"] = 110,
            ["delay.gift"] = 100,
            ["damage.packaging-apology"] = 90,
            ["reply.answer-fully"] = 50,
        };

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), Pack.Rules.Select(r => KeyValuePair.Create(r.Id, r.Priority)));
        foreach (var (pack, suppressors) in new[]
        {
            (Generous, new[] { "boundary.abusive", "boundary.unfounded-complaints" }),
            (Pack, new[] { "boundary.abusive", "boundary.unfounded-complaints" }),
            (Firm, new[] { "boundary.abusive", "boundary.unfounded-complaints", "fault.third-party" }),
        })
        {
            Assert.Equal(suppressors.Order(StringComparer.Ordinal), pack.Rules.Where(r => r.SuppressesGoodwill).Select(r => r.Id));
            Assert.Equal(["escalate.vip-at-risk"], pack.Rules.Where(r => r.GoodwillCapMultiplier != 1m).Select(r => r.Id));
            Assert.Equal(2m, pack.Rules.Single(r => r.Id == "escalate.vip-at-risk").GoodwillCapMultiplier);
        }
    }

    // ---- 7.2 The money value of a discount --------------------------------------------------------

    [Theory]
    [InlineData("149.99", "15.00")] // 14.999 rounded
    [InlineData("150.00", "15.00")]
    [InlineData("150.05", "15.01")] // 15.005 rounded away from zero
    [InlineData("200.00", "20.00")]
    public void Point7_2_DiscountValue_IsTenPercentOfTheOrder_RoundedAwayFromZero(string total, string expected)
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).Delivered(3)
            .Order(o => o with { Total = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture) })
            .Case(k => k with { Kind = CaseKind.DamagedPackaging });

        var v = Pack.Evaluate(s.Build());

        var discount = Assert.Single(v.Decisions, d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.DiscountNextOrder);
        var worth = Money.Pln(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(worth, discount.Value);
        Assert.Equal(10m, discount.Percent);
        Assert.Equal(worth, v.GoodwillTotal);
    }

    // ---- 7.4 What "caps doubled" doubles -----------------------------------------------------------

    [Theory]
    [InlineData("295.00", "20.00")]  // room 305.00: whole (doubling the room left would give 10.00)
    [InlineData("580.00", "20.00")]  // room 20.00: whole
    [InlineData("590.00", "10.00")]  // room 10.00: reduced
    [InlineData("590.01", null)]     // room 9.99: dropped, and stop no-goodwill
    public void Point7_4_VipWhoUsedBudget_RoomIsTheDoubledBudgetLessWhatWasGiven(string usedText, string? giftText)
    {
        decimal used = decimal.Parse(usedText, System.Globalization.CultureInfo.InvariantCulture);
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0)
            .Customer(c => c with { Orders = 12, LifetimeValue = 5000m, GoodwillLast90Days = used })
            .Order(o => o with { Total = 1000m, Status = OrderStatus.Shipped, PlacedAt = Utc(2026, 11, 10, 9), PromisedBy = new LocalDate(2026, 11, 20), DelayNotified = true })
            .Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop });

        var v = Pack.Evaluate(s.Build());

        var manager = Single(v, DecisionType.Escalate, "escalate.vip-at-risk");
        Assert.Equal((EscalationTarget.Manager, EscalationPriority.High), (manager.To, manager.Priority));
        var raised = Assert.Single(v.Trace, t => t.Kind == TraceKind.CapRaised);
        Assert.Equal(2m, raised.Factor);
        if (giftText is { } text)
        {
            var gift = Money.Pln(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(gift, Single(v, DecisionType.Compensate, "delay.gift").Value);
            Assert.Equal(gift, v.GoodwillTotal);
            Assert.Empty(Stops(v, StopKind.NoGoodwill));
            Assert.Equal(gift.Amount < 20m, v.Trace.Any(t => t.Kind == TraceKind.CapReduced && t.RuleId == "delay.gift"));
        }
        else
        {
            Assert.Empty(Goodwill(v));
            Assert.Contains(v.Trace, t => t.Kind == TraceKind.BelowMinimumDropped && t.RuleId == "delay.gift");
            var stop = Assert.Single(Stops(v, StopKind.NoGoodwill));
            Assert.Equal(Resolution.GoodwillBudgetRuleId, stop.RuleId);
        }
    }

    // ---- 7.5 Exactly when stop no-goodwill appears ------------------------------------------------

    [Fact]
    public void Point7_5_NoGoodwillDue_NoStop()
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0)
            .Customer(c => c with { GoodwillLast90Days = 300m })
            .Case(k => k with { Kind = CaseKind.ProductQuestion });

        var v = Pack.Evaluate(s.Build());

        Assert.Empty(Stops(v, StopKind.NoGoodwill));
        Assert.DoesNotContain(v.Trace, t => t.Kind == TraceKind.BudgetExhausted);
    }

    [Fact]
    public void Point7_5_GoodwillSuppressed_TheSuppressingRuleExplains_NoBudgetStop()
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0)
            .Customer(c => c with { GoodwillLast90Days = 300m })
            .LateBy(3)
            .Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop, Flags = CaseFlags.Abusive });

        var v = Pack.Evaluate(s.Build());

        var stop = Assert.Single(v.Decisions, d => d.Type == DecisionType.Stop);
        Assert.Equal((StopKind.PoliteDecline, "boundary.abusive"), (stop.Stop, stop.RuleId));
        var suppressed = Assert.Single(v.Trace, t => t.Kind == TraceKind.GoodwillSuppressed);
        Assert.Equal(("delay.gift", "boundary.abusive"), (suppressed.RuleId, suppressed.CauseRuleId));
        Assert.DoesNotContain(v.Trace, t => t.Kind == TraceKind.BudgetExhausted);
    }

    // ---- 7.6 The refund due-by instant -------------------------------------------------------------

    [Theory]
    [InlineData(2026, 11, 12, "2026-11-26T23:00:00Z")] // Thursday: day 14 is Thursday 26 November
    [InlineData(2026, 11, 13, "2026-11-27T23:00:00Z")] // Friday: day 14 is Friday 27 November
    [InlineData(2026, 11, 14, "2026-11-30T23:00:00Z")] // Saturday: day 14 is Saturday 28 November, moved to Monday
    [InlineData(2026, 11, 15, "2026-11-30T23:00:00Z")] // Sunday: day 14 is Sunday 29 November, moved to Monday
    [InlineData(2026, 6, 15, "2026-06-29T22:00:00Z")]  // summer: a local day ends at 22:00 UTC
    public void Point7_6_RefundDueBy_EndOfDayFourteen_MovedOffAWeekend(int year, int month, int day, string dueBy)
    {
        var opened = Scenario.AtLocal(year, month, day, 10, 0).Now;
        var delivered = year == 2026 && month == 11 ? Scenario.AtLocal(2026, 11, 10, 12, 0).Now : Scenario.AtLocal(2026, 6, 10, 12, 0).Now;
        var s = Scenario.At(opened + Duration.FromHours(1))
            .Order(o => o with { Status = OrderStatus.Delivered, Tracking = TrackingStatus.Delivered, PlacedAt = delivered - Duration.FromDays(3), ShippedAt = delivered - Duration.FromDays(2), DeliveredAt = delivered })
            .Case(k => k with { Kind = CaseKind.Withdrawal, OpenedAt = opened });

        var v = Pack.Evaluate(s.Build());

        var refund = Single(v, DecisionType.Compensate, "withdrawal.in-window");
        Assert.Equal((OfferKind.FullRefund, true), (refund.Offer, refund.Legal));
        Assert.Equal(Z(dueBy), refund.DueBy);
    }

    // ---- 7.7 The complaint deadline ----------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-11T11:00:00Z", false)] // day 14, Independence Day: not yet deemed accepted
    [InlineData("2026-11-12T11:00:00Z", false)] // E, moved past the holiday
    [InlineData("2026-11-12T23:00:00Z", true)]  // 00:00 on Friday 13 November in Warsaw
    public void Point7_7_DeemedAccepted_FromTheDayAfterE_MovedPastAHoliday(string now, bool accepted)
    {
        var s = Scenario.At(Z(now)).WithoutOrder()
            .Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = Utc(2026, 10, 28, 9), Unanswered = true, Requests = CustomerRequests.PartialRefund });

        var v = WithoutSlaRule.Evaluate(s.Build());

        var escalation = Single(v, DecisionType.Escalate, "complaint.deadline");
        Assert.Equal((EscalationTarget.Supervisor, EscalationPriority.Urgent), (escalation.To, escalation.Priority));
        Assert.Equal(Z("2026-11-12T23:00:00Z"), escalation.DueBy);
        var remedies = v.Decisions.Where(d => d.Type == DecisionType.Compensate && d.RuleId == "complaint.deadline").ToList();
        if (accepted)
        {
            var remedy = Assert.Single(remedies);
            Assert.Equal((OfferKind.PartialRefund, true, (Money?)null), (remedy.Offer, remedy.Legal, remedy.Value));
        }
        else
        {
            Assert.Empty(remedies);
        }
    }

    [Theory]
    [InlineData("2026-11-22T22:59:00Z", false)] // Sunday 23:59 in Warsaw, day 9
    [InlineData("2026-11-22T23:00:00Z", true)]  // Monday 00:00 in Warsaw, day 10, though only 9 days 30 minutes have elapsed
    public void Point7_7_EscalationStartsOnLocalDayTen(string now, bool fires)
    {
        var s = Scenario.At(Z(now)).WithoutOrder()
            .Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = Utc(2026, 11, 13, 22, 30), Unanswered = true });

        var v = WithoutSlaRule.Evaluate(s.Build());

        Assert.Equal(fires, v.HasFired("complaint.deadline"));
        if (fires)
        {
            Assert.Equal(Z("2026-11-27T23:00:00Z"), Single(v, DecisionType.Escalate, "complaint.deadline").DueBy);
            Assert.DoesNotContain(v.Decisions, d => d.Type == DecisionType.Compensate);
        }
    }

    [Theory]
    [InlineData("2026-11-20T15:00:00Z", false)] // on E, 16:00 in Warsaw: answered in time
    [InlineData("2026-11-20T22:59:00Z", false)] // on E, 23:59 in Warsaw: answered in time
    [InlineData("2026-11-20T23:00:00Z", true)]  // Saturday 00:00 in Warsaw: already deemed accepted
    [InlineData("2026-11-22T10:00:00Z", true)]  // Sunday: a late answer does not undo the deemed acceptance
    public void Point7_7_ReplyAfterE_DoesNotUndoTheDeemedAcceptance(string firstReply, bool remedy)
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).WithoutOrder()
            .Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = Scenario.AtLocal(2026, 11, 6, 10, 0).Now, FirstReplyAt = Z(firstReply), Requests = CustomerRequests.PartialRefund });

        var v = WithoutSlaRule.Evaluate(s.Build());

        Assert.Equal(remedy, v.HasFired("complaint.deadline"));
        Assert.DoesNotContain(v.Decisions, d => d.Type == DecisionType.Escalate); // answered: nobody needs to answer it now
        var remedies = v.Decisions.Where(d => d.Type == DecisionType.Compensate).ToList();
        if (remedy)
        {
            var owed = Assert.Single(remedies);
            Assert.Equal((OfferKind.PartialRefund, true, "complaint.deadline"), (owed.Offer, owed.Legal, owed.RuleId));
        }
        else
        {
            Assert.Empty(remedies);
        }
    }

    // ---- 7.9 The carrier-claim hold across a clock change -----------------------------------------

    [Theory]
    [InlineData("2026-10-17T08:00:00Z", "2026-10-15T10:00:00Z", "2026-10-31T08:00:00Z", "2026-10-31T09:00:00Z")] // autumn: exactly 14 × 24 h
    [InlineData("2026-10-17T08:00:00Z", "2026-10-15T10:00:00Z", "2026-10-31T08:59:59Z", "2026-10-31T09:00:00Z")]
    [InlineData("2026-10-17T08:00:00Z", "2026-10-15T10:00:00Z", "2026-10-31T09:00:00Z", null)]                  // 10:00 Warsaw: reshipped
    [InlineData("2026-03-21T09:00:00Z", "2026-03-19T10:00:00Z", "2026-04-04T07:59:59Z", "2026-04-04T08:00:00Z")] // spring: an hour shorter
    [InlineData("2026-03-21T09:00:00Z", "2026-03-19T10:00:00Z", "2026-04-04T08:00:00Z", null)]
    public void Point7_9_Hold_EndsAtTheSameLocalTime14DaysLater(string opened, string delivered, string now, string? until)
    {
        var deliveredAt = Z(delivered);
        var s = Scenario.At(Z(now))
            .Order(o => o with { Status = OrderStatus.Delivered, Tracking = TrackingStatus.Delivered, PlacedAt = deliveredAt - Duration.FromDays(3), ShippedAt = deliveredAt - Duration.FromDays(2), DeliveredAt = deliveredAt })
            .Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Z(opened), CarrierClaim = CarrierClaimState.Open });

        var v = Pack.Evaluate(s.Build());

        if (until is not null)
        {
            var hold = Assert.Single(Stops(v, StopKind.HoldPendingCarrierClaim));
            Assert.Equal(Z(until), hold.Until);
            Assert.Contains(v.Decisions, d => d.Type == DecisionType.Advise && d.Advice == AdviceKind.ExplainThirdPartyCalmly && d.RuleId == "lost-parcel.investigate");
            Assert.DoesNotContain(v.Decisions, d => d.Type == DecisionType.Compensate);
        }
        else
        {
            Assert.Empty(Stops(v, StopKind.HoldPendingCarrierClaim));
            var reship = Single(v, DecisionType.Compensate, "lost-parcel.trusted-customer");
            Assert.Equal((OfferKind.Reship, true), (reship.Offer, reship.Legal));
        }
    }

    // ---- 7.10 The statutory delivery deadline at exactly 30 days ----------------------------------

    [Theory]
    [InlineData(24, null, 23, false)] // placed Saturday 24 October: Monday 23 November is day 30
    [InlineData(24, null, 24, true)]  // day 31
    [InlineData(23, null, 22, false)] // placed Friday 23 October: day 30 is Sunday 22 November, not moved
    [InlineData(23, null, 23, true)]
    [InlineData(23, 25, 23, false)]   // promised 25 November, later than day 30
    [InlineData(23, 25, 25, false)]
    [InlineData(23, 25, 26, true)]
    public void Point7_10_StatutoryDeadline_FiresTheLocalDayAfterDayThirtyOrALaterPromise(int placedDay, int? promisedDay, int nowDay, bool fires)
    {
        var s = Scenario.AtLocal(2026, 11, nowDay, 10, 0).WithoutCase()
            .Order(o => o with { PlacedAt = Scenario.AtLocal(2026, 10, placedDay, 12, 0).Now, Status = OrderStatus.Paid, ShippedAt = null, PromisedBy = promisedDay is { } p ? new LocalDate(2026, 11, p) : new LocalDate(2026, 10, 28), DelayNotified = true });

        var v = Pack.Evaluate(s.Build());

        Assert.Equal(fires, v.HasFired("delivery.statutory-deadline"));
        if (fires)
        {
            var refund = Single(v, DecisionType.Compensate, "delivery.statutory-deadline");
            Assert.Equal((OfferKind.FullRefund, true, Money.Pln(200m)), (refund.Offer, refund.Legal, refund.Value));
            Assert.Equal(EscalationTarget.Manager, Single(v, DecisionType.Escalate, "delivery.statutory-deadline").To);
        }
    }

    // ---- 7.11 A smallGift below minMeaningfulGift -----------------------------------------------

    [Theory]
    [InlineData("5", "10.00")]
    [InlineData("9.99", "10.00")]
    [InlineData("10", "10.00")]
    [InlineData("10.01", "10.01")]
    public void Point7_11_SmallGiftBelowTheMinimum_GivesTheMinimumMeaningfulGift(string smallGift, string expected)
    {
        var pack = StandardPack.Build(b => b.Set("smallGift", smallGift));
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).LateBy(3).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop });

        var v = pack.Evaluate(s.Build());

        Assert.Equal(Money.Pln(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), Single(v, DecisionType.Compensate, "delay.gift").Value);
    }

    // ---- 7.12 Whether the customer's counts include the current case ------------------------------

    [Theory]
    [InlineData(4, CaseFlags.NoNewFacts, false)] // three earlier contacts and this one
    [InlineData(5, CaseFlags.NoNewFacts, true)]  // four earlier contacts and this one
    [InlineData(6, CaseFlags.None, false)]       // five earlier, but this contact brings new facts
    public void Point7_12_ContactCount_IncludesTheCurrentContact(int contactsLast7Days, CaseFlags flags, bool boundary)
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0)
            .Customer(c => c with { ContactsLast7Days = contactsLast7Days })
            .Case(k => k with { Kind = CaseKind.Other, Flags = flags });

        var v = Pack.Evaluate(s.Build());

        Assert.Equal(boundary, Stops(v, StopKind.ContactBoundary).Any());
    }

    // ---- 7.13 The goodwill cap without an order -----------------------------------------------------

    [Theory]
    [InlineData("250.00", "50.00")]
    [InlineData("270.00", "30.00")]
    [InlineData("290.00", "10.00")]
    [InlineData("290.01", null)]
    public void Point7_13_CapWithoutOrder_IsTheBudgetRoomAlone(string usedText, string? keptText)
    {
        decimal used = decimal.Parse(usedText, System.Globalization.CultureInfo.InvariantCulture);
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).WithoutCase().Customer(c => c with { GoodwillLast90Days = used });

        // delay.gift needs an order, so the goodwill gift of 50 without an order comes from a rule of the shop's own.
        var noOrder = StandardPack.Build(b => b.Set("smallGift", "50").Rule("shop.welcome-gift", (r, p) => r
            .Priority(100)
            .When(c => c.Order is null)
            .Compensate(OfferKind.GiftInParcel, "A welcome gift.", p.Money(StandardParameters.SmallGift))));
        var v = noOrder.Evaluate(s.WithoutOrder().Build());

        if (keptText is { } text)
        {
            var kept = Money.Pln(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(kept, Single(v, DecisionType.Compensate, "shop.welcome-gift").Value);
            Assert.Empty(Stops(v, StopKind.NoGoodwill));
        }
        else
        {
            Assert.Empty(Goodwill(v));
            Assert.Single(Stops(v, StopKind.NoGoodwill));
        }
    }

    // ---- 7.14 The 12-month withdrawal extension ----------------------------------------------------

    [Theory]
    [InlineData(23, true)]  // Monday 23 November 2026
    [InlineData(24, true)]  // Tuesday 24 November 2026: 12 months from Monday 24 November 2025, day 14 as moved
    [InlineData(25, false)] // Wednesday 25 November 2026
    public void Point7_14_TwelveMonthExtension_CountsFromTheEndOfTheFourteenDaysAsMoved(int openedDay, bool inWindow)
    {
        var delivered = Utc(2025, 11, 8, 11); // Saturday: day 14 is Saturday 22 November 2025, moved to Monday 24
        var opened = Utc(2026, 11, openedDay, 9);
        var s = Scenario.At(opened + Duration.FromHours(1))
            .Order(o => o with { Status = OrderStatus.Delivered, Tracking = TrackingStatus.Delivered, PlacedAt = delivered - Duration.FromDays(3), ShippedAt = delivered - Duration.FromDays(2), DeliveredAt = delivered, WithdrawalInformed = false })
            .Case(k => k with { Kind = CaseKind.Withdrawal, OpenedAt = opened });

        var v = Pack.Evaluate(s.Build());

        Assert.Equal(inWindow, v.HasFired("withdrawal.in-window"));
        Assert.Equal(!inWindow, v.HasFired("withdrawal.out-of-window"));
        Assert.Equal(new LocalDate(2026, 11, 24), StandardFacts.WithdrawalEnd(Pack.Calendar, s.Build().Order, 14));
        if (inWindow)
        {
            Assert.Equal((OfferKind.FullRefund, true), (Single(v, DecisionType.Compensate, "withdrawal.in-window").Offer, Single(v, DecisionType.Compensate, "withdrawal.in-window").Legal));
        }
        else
        {
            Assert.Single(Stops(v, StopKind.OutsideWithdrawalWindow));
        }
    }

    // ---- 7.15 The stance never lowers goodwill ------------------------------------------------------

    [Theory]
    [InlineData("100.00", "20.00", "10.00")] // cap 20.00: discount 10.00, free shipping reduced to 10.00
    [InlineData("150.05", "30.01", "15.01")] // cap 30.01: discount 15.01 and free shipping 15.00 fit exactly
    [InlineData("200.00", "35.00", "20.00")] // discount 20.00 and free shipping 15.00
    public void Point7_15_DamagedBox_GenerousGivesDiscountAndFreeShipping_NeverLessThanBalanced(string total, string generous, string balanced)
    {
        static decimal D(string t) => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).Delivered(3)
            .Order(o => o with { Total = D(total) })
            .Case(k => k with { Kind = CaseKind.DamagedPackaging });
        var context = s.Build();

        var g = Generous.Evaluate(context);
        var b = Pack.Evaluate(context);
        var f = Firm.Evaluate(context);

        Assert.Equal(Money.Pln(D(generous)), g.GoodwillTotal);
        Assert.Equal(Money.Pln(D(balanced)), b.GoodwillTotal);
        Assert.Equal(Money.Pln(0m), f.GoodwillTotal);
        Assert.Equal([OfferKind.DiscountNextOrder, OfferKind.FreeShippingNextOrder], Goodwill(g).Select(d => d.Offer));
        Assert.Equal(b.Decisions.Single(d => d.Offer == OfferKind.DiscountNextOrder).Value, g.Decisions.Single(d => d.Offer == OfferKind.DiscountNextOrder).Value);
        Assert.Equal([OfferKind.DiscountNextOrder], Goodwill(b).Select(d => d.Offer));
        Assert.Empty(Goodwill(f));
    }

    [Theory]
    [InlineData("56.46", "11.29", "11.29")]   // cap 11.29: the gift reduced to 11.29, no room for the discount (cap-dropped)
    [InlineData("149.95", "20.00", "20.00")]  // cap 29.99: the gift, 9.99 left, below minMeaningfulGift: the discount dropped
    [InlineData("150.00", "30.00", "20.00")]  // cap 30.00: the gift, 10.00 left = minMeaningfulGift: the discount reduced to it
    [InlineData("200.00", "40.00", "20.00")]  // cap 40.00: the gift and the discount of 20.00 fit exactly
    public void Point7_15_RefusedWithdrawalOfALateOrder_TheVipDiscountFillsTheCapAfterTheGift(string total, string generous, string balanced)
    {
        static decimal D(string t) => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
        var context = Scenario.AtLocal(2026, 11, 23, 10, 0).Vip().LateBy(3)
            .Order(o => o with { Total = D(total), WithdrawalExempt = true })
            .Case(k => k with { Kind = CaseKind.Withdrawal })
            .Build();

        var g = Generous.Evaluate(context);
        var b = Pack.Evaluate(context);
        var f = Firm.Evaluate(context);

        Assert.Equal(Money.Pln(D(generous)), g.GoodwillTotal);
        Assert.Equal(Money.Pln(D(balanced)), b.GoodwillTotal);
        Assert.Equal(b.GoodwillTotal, f.GoodwillTotal);
        var gift = Assert.Single(Goodwill(b));
        Assert.Equal(OfferKind.GiftInParcel, gift.Offer);
        Assert.Equal(gift.Value, g.Decisions.Single(d => d.Offer == OfferKind.GiftInParcel).Value); // the discount never takes the gift's room
        Assert.Contains("withdrawal.out-of-window", g.Fired);
        bool discountKept = D(generous) > D(balanced);
        Assert.Equal(discountKept, g.Decisions.Any(d => d.Offer == OfferKind.DiscountNextOrder));
        Assert.Equal(discountKept ? [OfferKind.GiftInParcel, OfferKind.DiscountNextOrder] : [OfferKind.GiftInParcel], Goodwill(g).Select(d => d.Offer));
    }

    [Property(MaxTest = 1000)]
    public Property Point7_15_GoodwillTotal_GenerousAtLeastBalancedAtLeastFirm_ForEveryGeneratedContext() =>
        Prop.ForAll(Gen.OneOf(CareGenerators.Contexts(), CareEdgeGenerators.Contexts()).ToArbitrary(), context =>
        {
            decimal generous = Generous.Evaluate(context).GoodwillTotal.Amount;
            decimal balanced = Pack.Evaluate(context).GoodwillTotal.Amount;
            decimal firm = Firm.Evaluate(context).GoodwillTotal.Amount;
            return (generous >= balanced && balanced >= firm).Label($"generous {generous}, balanced {balanced}, firm {firm}");
        });

    // ---- 7.16 Goodwill offers without a value ------------------------------------------------------

    [Theory]
    [InlineData("289.99", true)]  // room 10.01
    [InlineData("290.00", true)]  // room 10.00 = minMeaningfulGift: kept
    [InlineData("290.01", false)] // room 9.99: dropped, and stop no-goodwill
    [InlineData("300.00", false)] // no room: dropped, and stop no-goodwill
    public void Point7_16_DiscountWithoutValue_KeptOnlyWhileTheRoomIsAtLeastTheMinimumGift(string usedText, bool kept)
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).WithoutOrder()
            .Customer(c => c with { GoodwillLast90Days = decimal.Parse(usedText, System.Globalization.CultureInfo.InvariantCulture) })
            .Case(k => k with { Kind = CaseKind.DamagedPackaging });

        var v = Pack.Evaluate(s.Build());

        Assert.Equal(Money.Pln(0m), v.GoodwillTotal);
        if (kept)
        {
            var discount = Assert.Single(Goodwill(v));
            Assert.Equal((OfferKind.DiscountNextOrder, (Money?)null, (decimal?)10m), (discount.Offer, discount.Value, discount.Percent));
            Assert.Empty(Stops(v, StopKind.NoGoodwill));
        }
        else
        {
            Assert.Empty(Goodwill(v));
            Assert.Contains(v.Trace, t => t.Kind is TraceKind.CapDropped or TraceKind.BelowMinimumDropped && t.RuleId == "damage.packaging-apology");
            var stop = Assert.Single(Stops(v, StopKind.NoGoodwill));
            Assert.Equal(Resolution.GoodwillBudgetRuleId, stop.RuleId);
        }

        Assert.Contains(v.Decisions, d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.Apology); // apologies are never capped
    }

    // ---- 7.17 A carrier claim that the carrier accepted -------------------------------------------

    [Theory]
    [InlineData(CarrierClaimState.Accepted, 3, CustomerRequests.None, OfferKind.Reship)]
    [InlineData(CarrierClaimState.Accepted, 15, CustomerRequests.None, OfferKind.Reship)]
    [InlineData(CarrierClaimState.Accepted, 3, CustomerRequests.FullRefund, OfferKind.FullRefund)]
    [InlineData(CarrierClaimState.Accepted, 15, CustomerRequests.FullRefund, OfferKind.FullRefund)]
    [InlineData(CarrierClaimState.Open, 3, CustomerRequests.None, null)] // an open claim is still held
    public void Point7_17_AcceptedClaim_ReshipsOrRefundsAtOnce(CarrierClaimState claim, int openedDaysAgo, CustomerRequests requests, OfferKind? remedy)
    {
        var s = Scenario.AtLocal(2026, 11, 23, 10, 0).Delivered(20)
            .OpenedDaysAgo(openedDaysAgo)
            .Case(k => k with { Kind = CaseKind.LostParcel, CarrierClaim = claim, Requests = requests });

        var v = Pack.Evaluate(s.Build());

        if (remedy is { } offer)
        {
            Assert.Empty(Stops(v, StopKind.HoldPendingCarrierClaim));
            var owed = Single(v, DecisionType.Compensate, "lost-parcel.confirmed");
            Assert.Equal((offer, true), (owed.Offer, owed.Legal));
            Assert.Equal(offer == OfferKind.FullRefund ? (Money?)Money.Pln(200m) : null, owed.Value);
            Assert.DoesNotContain("lost-parcel.trusted-customer", v.Fired);
        }
        else
        {
            Assert.Single(Stops(v, StopKind.HoldPendingCarrierClaim));
            Assert.DoesNotContain(v.Decisions, d => d.Type == DecisionType.Compensate);
        }
    }

    // ---- 3.2 An amount written with a currency code --------------------------------------------

    [Theory]
    [InlineData("PLN", "25 EUR", null)]
    [InlineData("PLN", "25 PLN", "25.00")]
    [InlineData("PLN", "25", "25.00")]
    [InlineData("EUR", "25 EUR", "25.00")]
    [InlineData("EUR", "25 PLN", null)]
    [InlineData("PLN", "25 PLN extra", null)]
    public void Point3_2_AmountWithCurrencyCode_MustBeInThePacksCurrency(string currency, string smallGift, string? accepted)
    {
        var build = () => StandardPack.Build(b => b.Set("currency", currency).Set("smallGift", smallGift));

        if (accepted is not null)
        {
            Assert.Equal(accepted, build().Parameters.Format("smallGift"));
        }
        else
        {
            var ex = Assert.Throws<CareRulesValidationException>(build);
            var error = Assert.Single(ex.Errors);
            Assert.Equal("parameters['smallGift']", error.Path);
        }
    }
}
