using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;
using CareRules.Testing;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Packs;

/// <summary>
/// Every rule of the Standard pack: a case where it fires and the nearest case where it does not.
/// "Now" is Monday 23 November 2026, 10:00 in Warsaw (09:00 UTC) unless a test says otherwise.
/// </summary>
public sealed class StandardPackTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    private static Verdict Eval(Scenario s, CompiledPack? pack = null) => (pack ?? Pack).Evaluate(s.Build());

    private static CompiledPack WithStance(Stance stance) => StandardPack.Build(b => b.Set(StandardParameters.Stance, stance));

    private static Instant Utc(int y, int mo, int d, int h, int mi = 0) => Instant.FromUtc(y, mo, d, h, mi);

    [Fact]
    public void Pack_HasEveryRuleOfTheCatalog()
    {
        string[] catalog =
        [
            "delay.notify-immediately", "delay.gift", "availability.firm-date", "delivery.statutory-deadline",
            "reply.sla-breached", "reply.answer-fully", "availability.inquiry-unanswered",
            "damage.packaging-apology", "damage.goods-remedy", "lost-parcel.confirmed", "lost-parcel.investigate",
            "lost-parcel.trusted-customer", "fault.third-party",
            "boundary.contact-frequency", "boundary.off-topic", "boundary.abusive", "boundary.unfounded-complaints",
            "withdrawal.in-window", "withdrawal.out-of-window",
            "escalate.public-complaint", "escalate.vip-at-risk", "escalate.repeat-incidents", "escalate.legal-threat", "complaint.deadline",
        ];

        Assert.Equal(catalog.Order(StringComparer.Ordinal), Pack.Rules.Select(r => r.Id));
        Assert.Equal(catalog, StandardPack.RuleIds);
        Assert.All(Pack.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }

    [Theory]
    [InlineData("stance", "balanced")]
    [InlineData("timeZone", "Europe/Warsaw")]
    [InlineData("businessHours", "Mon-Fri 08:00-16:00")]
    [InlineData("currency", "PLN")]
    [InlineData("replySla", "8h")]
    [InlineData("smallGift", "20.00")]
    [InlineData("minMeaningfulGift", "10.00")]
    [InlineData("nextOrderDiscountPercent", "10")]
    [InlineData("maxGoodwillShareOfOrder", "0.20")]
    [InlineData("goodwillBudget90Days", "300.00")]
    [InlineData("vipLifetimeValue", "2000.00")]
    [InlineData("vipOrders", "10")]
    [InlineData("contactBoundary", "5")]
    [InlineData("unfoundedComplaintLimit", "3")]
    [InlineData("repeatIncidentLimit", "3")]
    [InlineData("withdrawalPeriod", "14d")]
    [InlineData("refundDeadline", "14d")]
    [InlineData("complaintResponseDeadline", "14d")]
    [InlineData("carrierClaimMaxHold", "14d")]
    [InlineData("availabilityWait", "14d")]
    public void Pack_ParameterDefaults_AreTheCatalogs(string name, string expected) =>
        Assert.Equal(expected, Pack.Parameters.Format(name));

    [Fact]
    public void Pack_Customised_OverridesParametersAndDisablesRules()
    {
        var pack = StandardPack.Build(b => b.Set("smallGift", "25").DisableRule("delay.notify-immediately"));
        var late = Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay });

        var v = Eval(late, pack);

        Assert.DoesNotContain("delay.notify-immediately", v.Fired);
        Assert.Equal(Money.Pln(25m), v.Decisions.Single(d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate).Value);
    }

    // ---- Proactive ------------------------------------------------------------------------------

    [Fact]
    public void DelayNotify_DayAfterPromise_CallsAndWritesWithinTwoBusinessHours()
    {
        var v = Eval(Base.WithoutCase().Order(o => o with { PromisedBy = new LocalDate(2026, 11, 22) }));

        var notes = v.Decisions.Where(d => d.Type == DecisionType.Notify).ToList();
        Assert.Equal([NotifyChannel.Phone, NotifyChannel.Email], notes.Select(n => n.Channel));
        Assert.All(notes, n => Assert.Equal(NotifyMessage.DelayApology, n.Message));
        Assert.All(notes, n => Assert.Equal(Utc(2026, 11, 23, 11), n.DueBy)); // 12:00 Warsaw
    }

    [Fact]
    public void DelayNotify_OnThePromisedDay_DoesNotFire() =>
        Assert.DoesNotContain("delay.notify-immediately", Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 23) })).Fired);

    [Fact]
    public void DelayNotify_AlreadyNotified_DoesNotFire() =>
        Assert.DoesNotContain("delay.notify-immediately", Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20), DelayNotified = true })).Fired);

    [Theory]
    [InlineData(22, 59, false)] // 23:59 on the 22nd in Warsaw: still the promised day
    [InlineData(23, 0, true)]   // 00:00 on the 23rd in Warsaw, though still the 22nd in UTC
    public void DelayNotify_DayIsTheShopsLocalDay_NotUtc(int hourUtc, int minuteUtc, bool fires)
    {
        var s = Base.AtInstant(Utc(2026, 11, 22, hourUtc, minuteUtc)).WithoutCase()
            .Order(o => o with { PlacedAt = Utc(2026, 11, 18, 9), PromisedBy = new LocalDate(2026, 11, 22) });

        Assert.Equal(fires, Eval(s).HasFired("delay.notify-immediately"));
    }

    [Fact]
    public void DelayGift_LateAndNotTheCustomersFault_AddsTheSmallGift()
    {
        var v = Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop }));

        var gift = v.Decisions.Single(d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.GiftInParcel);
        Assert.Equal(Money.Pln(20m), gift.Value);
        Assert.False(gift.Legal);
        Assert.Equal(Money.Pln(20m), v.GoodwillTotal);
    }

    [Fact]
    public void DelayGift_CustomersFault_DoesNotFire() =>
        Assert.DoesNotContain("delay.gift", Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Fault = Fault.Customer })).Fired);

    [Fact]
    public void DelayGift_SmallGiftBelowMinimum_IsRaisedToTheMinimumMeaningfulGift()
    {
        var pack = StandardPack.Build(b => b.Set("smallGift", "5"));

        var v = Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }), pack);

        Assert.Equal(Money.Pln(10m), v.Decisions.Single(d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate).Value);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void AvailabilityFirmDate_BackorderLongerThanTheWait_Notifies(int daysAhead, bool fires)
    {
        var v = Eval(Base.Order(o => o with { Status = OrderStatus.Paid, BackorderUntil = new LocalDate(2026, 11, 23).PlusDays(daysAhead) }));

        Assert.Equal(fires, v.Decisions.Any(d => d.Type == DecisionType.Notify && d.Message == NotifyMessage.AvailabilityDate && d.Channel == NotifyChannel.Email));
    }

    [Theory]
    [InlineData(10, 23, null, true)]   // placed 23 Oct: day 30 was 22 Nov
    [InlineData(10, 24, null, false)]  // placed 24 Oct: day 30 is today
    [InlineData(10, 23, 25, false)]    // promised 25 Nov, later than day 30
    public void StatutoryDeadline_UndeliveredPastThirtyDaysOrALaterPromise_EscalatesAndOffersLegalRefund(int placedMonth, int placedDay, int? promisedNovDay, bool fires)
    {
        var s = Base.WithoutCase().Order(o => o with
        {
            PlacedAt = Scenario.AtLocal(2026, placedMonth, placedDay, 9).Now,
            ShippedAt = Scenario.AtLocal(2026, placedMonth, placedDay, 15).Now,
            PromisedBy = promisedNovDay is { } d ? new LocalDate(2026, 11, d) : new LocalDate(2026, placedMonth, placedDay).PlusDays(3),
            DelayNotified = true,
        });

        var v = Eval(s);

        Assert.Equal(fires, v.HasFired("delivery.statutory-deadline"));
        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.FullRefund, Legal: true } && d.Value == Money.Pln(200m)));
        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Manager, Priority: EscalationPriority.High }));
    }

    // ---- Reply time -----------------------------------------------------------------------------

    [Theory]
    [InlineData(10, 59, false)] // Friday 11:00 → 5h on Friday + 2h59 on Monday
    [InlineData(11, 0, true)]   // exactly 8 business hours
    [InlineData(11, 1, true)]
    public void ReplySla_EightBusinessHoursAcrossTheWeekend_Escalates(int hour, int minute, bool fires)
    {
        var s = Scenario.AtLocal(2026, 11, 23, hour, minute).Case(k => k with { OpenedAt = Scenario.AtLocal(2026, 11, 20, 11).Now, Unanswered = true });

        var v = Eval(s);

        Assert.Equal(fires, v.HasFired("reply.sla-breached"));
        if (fires)
        {
            var e = v.Decisions.Single(d => d.Type == DecisionType.Escalate);
            Assert.Equal((EscalationTarget.Supervisor, EscalationPriority.High, (Instant?)s.Now), (e.To, e.Priority, e.DueBy));
        }
    }

    [Fact]
    public void ThreeSupervisorEscalations_OneKept_TheOthersMergedIntoIt_InCanonicalOrder()
    {
        // Catalog 7.8: boundary.abusive (normal), reply.sla-breached (high, 200), escalate.repeat-incidents (high, 210).
        var s = Scenario.AtLocal(2026, 11, 23, 12, 0)
            .Customer(c => c with { IncidentsLast90Days = 5 })
            .Case(k => k with { OpenedAt = Scenario.AtLocal(2026, 11, 20, 11).Now, Unanswered = true, Flags = CaseFlags.Abusive });

        var v = Eval(s);

        var e = Assert.Single(v.Decisions, d => d.Type == DecisionType.Escalate);
        Assert.Equal(("escalate.repeat-incidents", EscalationTarget.Supervisor, EscalationPriority.High, (Instant?)s.Now), (e.RuleId, e.To, e.Priority, e.DueBy));
        Assert.Equal(
            [("reply.sla-breached", "escalate.repeat-incidents"), ("boundary.abusive", "escalate.repeat-incidents")],
            v.Trace.Where(t => t.Kind == TraceKind.EscalationMerged).Select(t => (t.RuleId, t.CauseRuleId)));
    }

    [Theory]
    [InlineData(15, 59, false)]
    [InlineData(16, 0, true)]
    public void ReplySla_CaseOpenedOnSaturday_CountsFromMondayMorning(int hour, int minute, bool fires)
    {
        var s = Scenario.AtLocal(2026, 11, 23, hour, minute).Case(k => k with { OpenedAt = Scenario.AtLocal(2026, 11, 21, 10).Now, Unanswered = true });

        Assert.Equal(fires, Eval(s).HasFired("reply.sla-breached"));
    }

    [Fact]
    public void ReplySla_Answered_DoesNotFire() =>
        Assert.DoesNotContain("reply.sla-breached", Eval(Base.Case(k => k with { OpenedAt = Scenario.AtLocal(2026, 11, 18, 9).Now })).Fired);

    [Fact]
    public void ReplySla_OverChristmas2026_SkipsTheHolidays()
    {
        // opened Wed 23 Dec 12:00; 24, 25, 26 Dec are holidays (24 Dec from 2025 on), 27 is Sunday: 4h on the 23rd + 4h on Mon 28th
        var opened = Scenario.AtLocal(2026, 12, 23, 12).Now;
        Assert.False(Eval(Scenario.AtLocal(2026, 12, 28, 11, 59).Case(k => k with { OpenedAt = opened, Unanswered = true })).HasFired("reply.sla-breached"));
        Assert.True(Eval(Scenario.AtLocal(2026, 12, 28, 12, 0).Case(k => k with { OpenedAt = opened, Unanswered = true })).HasFired("reply.sla-breached"));
    }

    [Theory]
    [InlineData(CaseKind.ProductQuestion, CaseFlags.AnswerInProductDescription, true)]
    [InlineData(CaseKind.ProductQuestion, CaseFlags.None, false)]
    [InlineData(CaseKind.AvailabilityInquiry, CaseFlags.AnswerInProductDescription, false)]
    public void AnswerFully_ProductQuestionAnsweredInTheDescription_Advises(CaseKind kind, CaseFlags flags, bool fires)
    {
        var v = Eval(Base.Case(k => k with { Kind = kind, Flags = flags }));

        Assert.Equal(fires, v.Decisions.Any(d => d.Type == DecisionType.Advise && d.Advice == AdviceKind.AnswerFullyNoRedirect));
    }

    [Fact]
    public void AvailabilityInquiry_UnansweredPastSla_EscalatesOnceTogetherWithTheSlaRule()
    {
        var s = Base.Case(k => k with { Kind = CaseKind.AvailabilityInquiry, OpenedAt = Scenario.AtLocal(2026, 11, 20, 9).Now, Unanswered = true });

        var v = Eval(s);

        Assert.Contains("availability.inquiry-unanswered", v.Fired);
        Assert.Contains("reply.sla-breached", v.Fired);
        Assert.Single(v.Decisions, d => d.Type == DecisionType.Escalate && d.To == EscalationTarget.Supervisor);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.EscalationMerged);
    }

    [Fact]
    public void AvailabilityInquiry_WithinSla_DoesNotFire() =>
        Assert.DoesNotContain("availability.inquiry-unanswered", Eval(Base.Case(k => k with { Kind = CaseKind.AvailabilityInquiry, OpenedAt = Base.HoursAgo(1), Unanswered = true })).Fired);

    // ---- Damage, loss, wrong goods --------------------------------------------------------------

    [Theory]
    [InlineData(Stance.Generous, 20.00, 15.00)] // 10% of 200, and free shipping (catalog 7.15)
    [InlineData(Stance.Balanced, 20.00, null)]
    [InlineData(Stance.Firm, null, null)]
    public void PackagingApology_ApologyAlways_GoodwillByStance(Stance stance, double? discount, double? freeShipping)
    {
        var v = Eval(Base.Delivered(1).Case(k => k with { Kind = CaseKind.DamagedPackaging, Fault = Fault.Unknown }), WithStance(stance));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology });
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Advise, Advice: AdviceKind.ApologiseNoBlame });
        var offered = v.Decisions.Where(d => d.IsGoodwill).ToList();
        var expected = new List<(OfferKind, Money?)>();
        if (discount is { } percentOfOrder)
        {
            expected.Add((OfferKind.DiscountNextOrder, Money.Pln((decimal)percentOfOrder)));
        }

        if (freeShipping is { } shipping)
        {
            expected.Add((OfferKind.FreeShippingNextOrder, Money.Pln((decimal)shipping)));
        }

        Assert.Equal(expected, offered.Select(o => (o.Offer, o.Value)));
    }

    [Fact]
    public void PackagingApology_EvenWhenTheCarrierIsAtFault_Apologises()
    {
        var v = Eval(Base.Delivered(1).Case(k => k with { Kind = CaseKind.DamagedPackaging, Fault = Fault.Carrier }));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology });
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Advise, Advice: AdviceKind.ExplainThirdPartyCalmly });
    }

    [Theory]
    [InlineData(CaseKind.DamagedGoods)]
    [InlineData(CaseKind.MissingItem)]
    [InlineData(CaseKind.WrongItem)]
    public void GoodsRemedy_NonConformingGoods_ReplacementIsLegalAndApology(CaseKind kind)
    {
        var v = Eval(Base.Delivered(2).Case(k => k with { Kind = kind }));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Replacement, Legal: true });
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology, Legal: false });
        Assert.DoesNotContain(v.Decisions, d => d.Offer == OfferKind.FullRefund && d.Type == DecisionType.Compensate);
    }

    [Fact]
    public void GoodsRemedy_RefundRequested_FullRefundInsteadOfReplacement()
    {
        var v = Eval(Base.Delivered(2).Case(k => k with { Kind = CaseKind.DamagedGoods, Requests = CustomerRequests.FullRefund }));

        var refund = v.Decisions.Single(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.FullRefund });
        Assert.True(refund.Legal);
        Assert.Equal(Money.Pln(200m), refund.Value);
        Assert.DoesNotContain(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Replacement });
    }

    [Fact]
    public void GoodsRemedy_OtherKind_DoesNotFire() =>
        Assert.DoesNotContain("damage.goods-remedy", Eval(Base.Delivered(2).Case(k => k with { Kind = CaseKind.DamagedPackaging })).Fired);

    [Theory]
    [InlineData(CarrierClaimState.None)]
    [InlineData(CarrierClaimState.Rejected)]
    public void LostConfirmed_TrackingLost_ReshipsAtOnceWhateverTheClaim(CarrierClaimState claim)
    {
        var v = Eval(Base.Order(o => o with { Tracking = TrackingStatus.Lost }).Case(k => k with { Kind = CaseKind.LostParcel, CarrierClaim = claim }));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Reship, Legal: true });
        Assert.DoesNotContain(v.Decisions, d => d is { Type: DecisionType.Stop, Stop: StopKind.HoldPendingCarrierClaim });
    }

    [Fact]
    public void LostConfirmed_TrackingInTransit_DoesNotFire() =>
        Assert.DoesNotContain("lost-parcel.confirmed", Eval(Base.Case(k => k with { Kind = CaseKind.LostParcel })).Fired);

    [Theory]
    [InlineData(13, true)]  // 13 days after opening: still investigating
    [InlineData(14, false)] // 14 days: the hold expired
    public void LostInvestigate_TrackingDelivered_HoldsUntilTheMaximumHold(int daysSinceOpened, bool holds)
    {
        var s = Base.Delivered(daysSinceOpened + 1);
        s = s.Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = s.DaysAgo(daysSinceOpened), CarrierClaim = CarrierClaimState.Open });

        var v = Eval(s);

        Assert.Equal(holds, v.HasFired("lost-parcel.investigate"));
        Assert.Equal(!holds, v.HasFired("lost-parcel.trusted-customer"));
        if (holds)
        {
            var hold = v.Decisions.Single(d => d.Type == DecisionType.Stop);
            Assert.Equal(StopKind.HoldPendingCarrierClaim, hold.Stop);
            Assert.Equal(s.Now + Duration.FromDays(1), hold.Until); // opened + 14 days at the same local time
            Assert.Contains(v.Decisions, d => d.Advice == AdviceKind.ExplainThirdPartyCalmly && d.Type == DecisionType.Advise);
        }
    }

    [Theory]
    [InlineData(1999.99, 9, false)]
    [InlineData(2000.00, 9, true)]
    [InlineData(100.00, 10, true)]
    public void LostTrusted_VipThreshold_ReshipsWithoutHold(decimal lifetimeValue, int orders, bool vip)
    {
        var v = Eval(Base.Delivered(3).Customer(c => c with { LifetimeValue = lifetimeValue, Orders = orders }).Case(k => k with { Kind = CaseKind.LostParcel }));

        Assert.Equal(vip, v.HasFired("lost-parcel.trusted-customer"));
        Assert.Equal(!vip, v.HasFired("lost-parcel.investigate"));
        Assert.Equal(vip, v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Reship, Legal: true }));
    }

    [Fact]
    public void LostTrusted_HoldExpiredButClaimRejected_DoesNotReship()
    {
        var s = Base.Delivered(20);
        s = s.Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = s.DaysAgo(15), CarrierClaim = CarrierClaimState.Rejected });

        Assert.DoesNotContain("lost-parcel.trusted-customer", Eval(s).Fired);
    }

    [Fact]
    public void ThirdParty_CarrierFault_AdvisesCalmExplanation()
    {
        var v = Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Carrier }));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Advise, Advice: AdviceKind.ExplainThirdPartyCalmly });
        Assert.Contains(v.Decisions, d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate); // balanced keeps the gift
        Assert.DoesNotContain(v.Decisions, d => d is { Type: DecisionType.Stop, Stop: StopKind.NoGoodwill });
    }

    [Fact]
    public void ThirdParty_FirmStance_StopsGoodwill()
    {
        var v = Eval(Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Bank }), WithStance(Stance.Firm));

        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Stop, Stop: StopKind.NoGoodwill, RuleId: "fault.third-party" });
        Assert.DoesNotContain(v.Decisions, d => d.IsGoodwill);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.GoodwillSuppressed && t.CauseRuleId == "fault.third-party");
    }

    // ---- Boundaries -----------------------------------------------------------------------------

    [Theory]
    [InlineData(5, CaseFlags.NoNewFacts, true)]
    [InlineData(4, CaseFlags.NoNewFacts, false)]
    [InlineData(6, CaseFlags.None, false)]
    public void ContactFrequency_IntrusiveWithNoNewFacts_SetsABoundary(int contacts, CaseFlags flags, bool fires)
    {
        var v = Eval(Base.Customer(c => c with { ContactsLast7Days = contacts }).Case(k => k with { Flags = flags }));

        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Stop, Stop: StopKind.ContactBoundary }));
    }

    [Theory]
    [InlineData(CaseKind.OffTopic, true)]
    [InlineData(CaseKind.Other, false)]
    public void OffTopic_DeclinesPolitely(CaseKind kind, bool fires) =>
        Assert.Equal(fires, Eval(Base.Case(k => k with { Kind = kind })).Decisions.Any(d => d is { Type: DecisionType.Stop, Stop: StopKind.PoliteDecline }));

    [Fact]
    public void Abusive_WithDamagedPackaging_BoundaryAndSupervisor_ApologyStays_GoodwillSuppressed()
    {
        var v = Eval(Base.Delivered(1).Case(k => k with { Kind = CaseKind.DamagedPackaging, Flags = CaseFlags.Abusive }));

        Assert.Equal(DecisionType.Stop, v.Decisions[0].Type);
        Assert.Equal(StopKind.PoliteDecline, v.Decisions[0].Stop);
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Supervisor, Priority: EscalationPriority.Normal });
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Apology });
        Assert.DoesNotContain(v.Decisions, d => d.IsGoodwill);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.GoodwillSuppressed && t.RuleId == "damage.packaging-apology" && t.CauseRuleId == "boundary.abusive");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void UnfoundedComplaints_AtTheLimit_NoGoodwill_LegalRemedyStays(int unfounded, bool fires)
    {
        var v = Eval(Base.Delivered(2).Customer(c => c with { UnfoundedComplaintsLast90Days = unfounded }).Case(k => k with { Kind = CaseKind.DamagedGoods }));

        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Stop, Stop: StopKind.NoGoodwill }));
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Replacement, Legal: true });
    }

    // ---- Withdrawal -----------------------------------------------------------------------------

    [Theory]
    [InlineData(14, true)]  // delivered Mon 9 Nov: day 14 is today
    [InlineData(15, true)]  // delivered Sun 8 Nov: day 14 was Sunday 22 Nov → moved to Monday 23 (Civil Code art. 115)
    [InlineData(16, true)]  // delivered Sat 7 Nov: day 14 was Saturday 21 Nov → moved to Monday 23
    [InlineData(17, false)] // delivered Fri 6 Nov: day 14 was Friday 20 Nov
    public void Withdrawal_FourteenDaysFromDelivery_WithWeekendExtension(int deliveredDaysAgo, bool inWindow)
    {
        var v = Eval(Base.Delivered(deliveredDaysAgo).Case(k => k with { Kind = CaseKind.Withdrawal }));

        Assert.Equal(inWindow, v.HasFired("withdrawal.in-window"));
        Assert.Equal(!inWindow, v.HasFired("withdrawal.out-of-window"));
        if (inWindow)
        {
            var refund = v.Decisions.Single(d => d.Type == DecisionType.Compensate);
            Assert.Equal((OfferKind.FullRefund, true, (Money?)Money.Pln(200m)), (refund.Offer, refund.Legal, refund.Value));
            // refund within 14 days of the case (opened 23 Nov) → 7 Dec (Mon), due by its end: 8 Dec 00:00 Warsaw
            Assert.Equal(Utc(2026, 12, 7, 23), refund.DueBy);
        }
        else
        {
            var stop = v.Decisions.Single(d => d.Type == DecisionType.Stop);
            Assert.Equal(StopKind.OutsideWithdrawalWindow, stop.Stop);
            Assert.Contains("period", stop.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2025, 11, 6, false)] // not informed: 20 Nov 2025 + 12 months = Fri 20 Nov 2026
    [InlineData(2025, 11, 9, true)]  // 23 Nov 2025 + 12 months = Mon 23 Nov 2026
    public void Withdrawal_NotInformed_TwelveMonthsMore(int y, int m, int d, bool inWindow)
    {
        var delivered = Scenario.AtLocal(y, m, d, 12).Now;
        var v = Eval(Base.Order(o => o with
        {
            Status = OrderStatus.Delivered, Tracking = TrackingStatus.Delivered, WithdrawalInformed = false,
            PlacedAt = delivered - Duration.FromDays(2), ShippedAt = delivered - Duration.FromDays(1), DeliveredAt = delivered, PromisedBy = new LocalDate(y, m, d),
        }).Case(k => k with { Kind = CaseKind.Withdrawal }));

        Assert.Equal(inWindow, v.HasFired("withdrawal.in-window"));
    }

    [Fact]
    public void Withdrawal_BeforeDelivery_IsInWindow() =>
        Assert.True(Eval(Base.Case(k => k with { Kind = CaseKind.Withdrawal })).HasFired("withdrawal.in-window"));

    [Fact]
    public void Withdrawal_ExemptGoods_StopsWithTheLegalReason()
    {
        var v = Eval(Base.Delivered(2).Order(o => o with { WithdrawalExempt = true }).Case(k => k with { Kind = CaseKind.Withdrawal }));

        var stop = Assert.Single(v.Decisions);
        Assert.Equal(StopKind.OutsideWithdrawalWindow, stop.Stop);
        Assert.Contains("art. 38", stop.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Stance.Generous, true, true)]
    [InlineData(Stance.Generous, false, false)]
    [InlineData(Stance.Balanced, true, false)]
    public void Withdrawal_OutOfWindow_VipUnderGenerousGetsADiscount(Stance stance, bool vip, bool discount)
    {
        var s = Base.Delivered(20).Case(k => k with { Kind = CaseKind.Withdrawal });
        var v = Eval(vip ? s.Vip() : s, WithStance(stance));

        Assert.Equal(discount, v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.DiscountNextOrder }));
    }

    // ---- Escalation -----------------------------------------------------------------------------

    [Theory]
    [InlineData(ContactChannel.PublicSocial, true)]
    [InlineData(ContactChannel.Chat, false)]
    public void PublicComplaint_GoesToPublicRelationsUrgently(ContactChannel channel, bool fires)
    {
        var v = Eval(Base.Case(k => k with { Channel = channel }));

        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.PublicRelations, Priority: EscalationPriority.Urgent }));
        Assert.Equal(fires, v.Decisions.Any(d => d.Advice == AdviceKind.ResolvePrivately && d.Type == DecisionType.Advise));
        Assert.Equal(fires, v.Decisions.Any(d => d.Advice == AdviceKind.NeverPublishCorrespondence && d.Type == DecisionType.Advise));
    }

    [Theory]
    [InlineData(CaseKind.DeliveryDelay, true)]
    [InlineData(CaseKind.StatutoryComplaint, true)]
    [InlineData(CaseKind.ProductQuestion, false)]
    public void VipAtRisk_IncidentOfAVip_GoesToAManager(CaseKind kind, bool fires)
    {
        var v = Eval(Base.Vip().Case(k => k with { Kind = kind }));

        Assert.Equal(fires, v.Decisions.Any(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Manager, Priority: EscalationPriority.High }));
    }

    [Fact]
    public void VipAtRisk_DoublesTheGoodwillCap()
    {
        // order 60: cap 20% = 12, doubled = 24 → the 20 gift survives whole
        var late = Base.Order(o => o with { Total = 60m, PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay });

        Assert.Equal(Money.Pln(12m), Eval(late).GoodwillTotal);
        var vip = Eval(late.Vip());
        Assert.Equal(Money.Pln(20m), vip.GoodwillTotal);
        Assert.Contains(vip.Trace, t => t.Kind == TraceKind.CapRaised && t.CauseRuleId == "escalate.vip-at-risk");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void RepeatIncidents_AtTheLimit_GoToASupervisor(int incidents, bool fires) =>
        Assert.Equal(fires, Eval(Base.Customer(c => c with { IncidentsLast90Days = incidents })).Decisions.Any(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Supervisor }));

    [Theory]
    [InlineData(CaseFlags.LegalThreat, true)]
    [InlineData(CaseFlags.Chargeback, true)]
    [InlineData(CaseFlags.NoNewFacts, false)]
    public void LegalThreat_GoesToLegalUrgently(CaseFlags flag, bool fires) =>
        Assert.Equal(fires, Eval(Base.Case(k => k with { Flags = flag })).Decisions.Any(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Legal, Priority: EscalationPriority.Urgent }));

    [Theory]
    [InlineData(9, false, false)]  // opened 14 Nov: 9 days gone
    [InlineData(10, true, false)]  // opened 13 Nov: 10 days gone → escalate, due by the end of Fri 27 Nov
    [InlineData(14, true, false)]  // opened 9 Nov: day 14 is today, still in time
    [InlineData(17, true, true)]   // opened 6 Nov: day 14 was Fri 20 Nov → deemed accepted
    public void ComplaintDeadline_EscalatesFromDayTen_DeemedAcceptedAfterDayFourteen(int daysAgo, bool escalates, bool deemedAccepted)
    {
        var s = Base.Delivered(25);
        s = s.Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = s.DaysAgo(daysAgo), Unanswered = true, Requests = CustomerRequests.PartialRefund });

        var v = Eval(s);

        var escalation = v.Decisions.Where(d => d is { Type: DecisionType.Escalate, To: EscalationTarget.Supervisor, Priority: EscalationPriority.Urgent }).ToList();
        Assert.Equal(escalates, escalation.Count == 1);
        Assert.Equal(deemedAccepted, v.Decisions.Any(d => d is { Type: DecisionType.Compensate, Offer: OfferKind.PartialRefund, Legal: true }));
        if (escalates)
        {
            // unanswered for days, the reply SLA is breached too: one merged escalation, urgent, due by the earlier
            // of now (the SLA) and the end of the complaint's last day (20 Nov for the overdue one)
            Assert.Equal(deemedAccepted ? Utc(2026, 11, 20, 23) : s.Now, escalation[0].DueBy);
            Assert.Contains(v.Trace, t => t.Kind == TraceKind.EscalationMerged);
        }
    }

    [Fact]
    public void ComplaintDeadline_Alone_IsDueBeforeTheDeemedAcceptedDate()
    {
        var s = Base.Delivered(25);
        s = s.Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = s.DaysAgo(10), Unanswered = true });

        var v = Eval(s, StandardPack.Build(b => b.DisableRule("reply.sla-breached")));

        // opened Fri 13 Nov: day 14 is Fri 27 Nov, so the answer is due by its end, 28 Nov 00:00 in Warsaw
        Assert.Equal(Utc(2026, 11, 27, 23), v.Decisions.Single(d => d.Type == DecisionType.Escalate).DueBy);
    }

    [Fact]
    public void ComplaintDeadline_PastWithoutRequest_DeemedAcceptedAsReplacement()
    {
        var s = Base.Delivered(25);
        s = s.Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = s.DaysAgo(20), Unanswered = true });

        Assert.Contains(Eval(s).Decisions, d => d is { Type: DecisionType.Compensate, Offer: OfferKind.Replacement, Legal: true, RuleId: "complaint.deadline" });
    }

    [Fact]
    public void ComplaintDeadline_Answered_DoesNotFire()
    {
        var s = Base.Delivered(25);
        s = s.Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = s.DaysAgo(12) });

        Assert.DoesNotContain("complaint.deadline", Eval(s).Fired);
    }

    // ---- Resolution on real pack outputs --------------------------------------------------------

    [Fact]
    public void ExhaustedGoodwillBudget_GiftReplacedByStopNoGoodwill()
    {
        var v = Eval(Base.Customer(c => c with { GoodwillLast90Days = 300m }).Order(o => o with { PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay }));

        Assert.DoesNotContain(v.Decisions, d => d.IsGoodwill);
        Assert.Contains(v.Decisions, d => d is { Type: DecisionType.Stop, Stop: StopKind.NoGoodwill, RuleId: "resolution.goodwill-budget" });
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.BudgetExhausted);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.CapDropped && t.RuleId == "delay.gift");
    }

    [Fact]
    public void SmallOrder_GiftCappedAway_TraceSaysWhy()
    {
        var v = Eval(Base.Order(o => o with { Total = 40m, PromisedBy = new LocalDate(2026, 11, 20) }).Case(k => k with { Kind = CaseKind.DeliveryDelay }));

        Assert.Contains("delay.gift", v.Fired);
        Assert.DoesNotContain(v.Decisions, d => d.IsGoodwill);
        Assert.DoesNotContain(v.Decisions, d => d.Type == DecisionType.Stop);
        var cut = Assert.Single(v.Trace, t => t.Kind == TraceKind.BelowMinimumDropped);
        Assert.Contains("minimum meaningful gift", cut.Describe(), StringComparison.Ordinal);
    }

    [Property]
    public FsCheck.Property EveryDecision_HasARuleAndAOneSentenceReason() =>
        FsCheck.Fluent.Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
            Pack.Evaluate(ctx).Decisions.All(d => d.RuleId.Length > 0 && d.Reason.EndsWith('.') && !d.Reason.Contains('\n', StringComparison.Ordinal)));

    [Property(MaxTest = 300)]
    public FsCheck.Property EveryStance_EvaluatesEveryGeneratedContext() =>
        FsCheck.Fluent.Prop.ForAll(CareGenerators.ContextArbitrary(), ctx =>
            Enum.GetValues<Stance>().All(s => Stances[s].Evaluate(ctx).GoodwillTotal.Amount >= 0m));

    private static readonly Dictionary<Stance, CompiledPack> Stances = Enum.GetValues<Stance>().ToDictionary(s => s, WithStance);
}
