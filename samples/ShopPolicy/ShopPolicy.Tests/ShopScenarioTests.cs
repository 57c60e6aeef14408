using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Testing;
using NodaTime;

namespace ShopPolicy.Tests;

/// <summary>
/// The shop's own choices and the Standard rules its stance changes, as scenarios. "Now" is Monday 23 November 2026,
/// 10:00 in Warsaw; every evaluation goes through <see cref="Shop.Coverage"/>.
/// </summary>
[Collection(Shop.Tests)]
public sealed class ShopScenarioTests
{
    private static readonly Scenario Base = Shop.Base;

    // ---- a bigger gift for VIPs (shop.vip-late-gift) -----------------------------------------------------------------

    [Fact]
    public void VipLateParcel_IncidentCase_GetsTheBiggerGiftInsteadOfTheSmallOne() =>
        Shop.Coverage.Expect(Base.Vip().LateBy(2).Order(o => o with { Total = 400m }).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop }))
            .Fires("shop.vip-late-gift", "delay.gift", "escalate.vip-at-risk")
            .CompensatesWith(OfferKind.GiftInParcel, worth: 50m, rule: "shop.vip-late-gift")
            .DoesNotHave(new DecisionMatcher(DecisionType.Compensate) { Rule = "delay.gift" }) // merged into the larger gift
            .EscalatesTo(EscalationTarget.Manager, EscalationPriority.High)
            .HasGoodwillTotal(50m);

    [Fact]
    public void VipLateParcel_NoCase_GiftCutToFifteenPercentOfTheOrder() =>
        Shop.Coverage.Expect(Base.Vip().LateBy(1).WithoutCase())
            .CompensatesWith(OfferKind.GiftInParcel, worth: 30m, rule: "shop.vip-late-gift")
            .HasGoodwillTotal(30m)
            .Satisfies(v => v.Trace.Any(t => t.Kind == TraceKind.CapReduced), "the trace to show the 15% cap reducing the gift");

    [Fact]
    public void RegularCustomersLateParcel_GetsTheSmallGift() =>
        Shop.Coverage.Expect(Base.LateBy(2))
            .DoesNotFire("shop.vip-late-gift")
            .CompensatesWith(OfferKind.GiftInParcel, worth: 20m, rule: "delay.gift");

    [Fact]
    public void VipLateParcel_CustomersOwnFault_NoGiftAtAll() =>
        Shop.Coverage.Expect(Base.Vip().LateBy(2).Case(k => k with { Fault = Fault.Customer }))
            .DoesNotFire("shop.vip-late-gift", "delay.gift")
            .GivesNoGoodwill();

    // ---- the shop's own rule (shop.cod-refused) --------------------------------------------------------------------

    [Fact]
    public void RefusedCashOnDelivery_NoGoodwillAndASupervisorDecides() =>
        Shop.Coverage.Expect(Base.LateBy(3)
                .Order(o => o with { Payment = PaymentMethod.CashOnDelivery, Tracking = TrackingStatus.ReturnedToSender })
                .Case(k => k with { Kind = CaseKind.DeliveryDelay }))
            .Fires("shop.cod-refused", "delay.gift")
            .StopsWith(StopKind.NoGoodwill, rule: "shop.cod-refused")
            .EscalatesTo(EscalationTarget.Supervisor, EscalationPriority.Normal)
            .GivesNoGoodwill();

    [Fact]
    public void ReturnedCashOnDelivery_CarriersFault_IsNotARefusal() =>
        Shop.Coverage.Expect(Base.Order(o => o with { Payment = PaymentMethod.CashOnDelivery, Tracking = TrackingStatus.ReturnedToSender })
                .Case(k => k with { Fault = Fault.Carrier }))
            .DoesNotFire("shop.cod-refused");

    // ---- the firm stance -----------------------------------------------------------------------------------------

    [Fact]
    public void CarrierAtFault_NoGoodwillForIt_AndExplainCalmly() =>
        Shop.Coverage.Expect(Base.LateBy(2).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Carrier }))
            .StopsWith(StopKind.NoGoodwill, rule: "fault.third-party")
            .Advises(AdviceKind.ExplainThirdPartyCalmly)
            .GivesNoGoodwill();

    [Fact]
    public void DamagedBox_ApologyWithoutBlameAndNothingMore() =>
        Shop.Coverage.Expect(Base.Case(k => k with { Kind = CaseKind.DamagedPackaging }))
            .Fires("damage.packaging-apology")
            .CompensatesWith(OfferKind.Apology)
            .Advises(AdviceKind.ApologiseNoBlame)
            .DoesNotCompensateWith(OfferKind.DiscountNextOrder)
            .GivesNoGoodwill();

    // ---- time: business days, Warsaw dates -------------------------------------------------------------------------

    [Fact]
    public void LateOrderNobodyWasToldOf_CallAndWriteWithinTwoBusinessHours() =>
        Shop.Coverage.Expect(Base.LateBy(1).WithoutCase())
            .Notifies(NotifyChannel.Phone, NotifyMessage.DelayApology, dueBy: Base.Local(2026, 11, 23, 12))
            .Notifies(NotifyChannel.Email, NotifyMessage.DelayApology, dueBy: Base.Local(2026, 11, 23, 12));

    [Fact]
    public void UnansweredForOneBusinessDay_ASupervisorAnswersNow() =>
        Shop.Coverage.Expect(Base.OpenedBusinessDaysAgo(1).Case(k => k with { Unanswered = true }))
            .EscalatesTo(EscalationTarget.Supervisor, EscalationPriority.High, dueBy: Base.Now, rule: "reply.sla-breached");

    [Fact]
    public void UnansweredForSevenAndAHalfBusinessHours_NotYet() =>
        Shop.Coverage.Expect(Base.Opened(Base.BusinessHoursAgo(7.5)).Case(k => k with { Unanswered = true }))
            .DoesNotFire("reply.sla-breached")
            .DoesNotEscalate();

    [Fact]
    public void OpenedThreeBusinessDaysAgo_IsTheWednesdayBefore() =>
        Assert.Equal(Base.Local(2026, 11, 18, 10), Base.OpenedBusinessDaysAgo(3).Build().Case!.OpenedAt);

    [Theory]
    [InlineData(14, true)]  // delivered Monday 9 November: the period ends today
    [InlineData(16, true)]  // delivered Saturday 7th: the 14th day is a Saturday, so the period runs to Monday
    [InlineData(17, false)] // delivered Friday 6th: ended Friday 20th
    public void Withdrawal_DeliveredDaysAgoInWarsaw_InsideOrOutsideTheStatutoryWindow(int deliveredDaysAgo, bool inWindow)
    {
        var expect = Shop.Coverage.Expect(Base.Delivered(deliveredDaysAgo).Case(k => k with { Kind = CaseKind.Withdrawal }));
        if (inWindow)
        {
            var refundDue = Instant.FromUtc(2026, 12, 7, 23, 0); // the end of Monday 7 December in Warsaw
            expect.Fires("withdrawal.in-window")
                .Has(new DecisionMatcher(DecisionType.Compensate) { Offer = OfferKind.FullRefund, Legal = true, Value = 200m, DueBy = refundDue });
        }
        else
        {
            expect.Fires("withdrawal.out-of-window").StopsWith(StopKind.OutsideWithdrawalWindow);
        }
    }

    [Fact]
    public void TrackingSaysDelivered_HeldForFourteenDaysWhileTheCarrierInvestigates() =>
        Shop.Coverage.Expect(Base.Order(o => o with { Tracking = TrackingStatus.Delivered })
                .Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Base.DaysAgo(2), CarrierClaim = CarrierClaimState.Open }))
            .StopsWith(StopKind.HoldPendingCarrierClaim, until: Base.Local(2026, 12, 5, 10), rule: "lost-parcel.investigate")
            .Advises(AdviceKind.ExplainThirdPartyCalmly)
            .DoesNotFire("lost-parcel.trusted-customer");
}
