using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;

namespace CareRules.Tests.Testing;

/// <summary>The kit's verdict assertions: what passes, and what a failure says. "Now" is Monday 23 November 2026, 10:00 in Warsaw.</summary>
public sealed class VerdictExpectationTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);
    private static readonly Scenario Late = Base.LateBy(2);

    [Fact]
    public void Chain_LateOrder_ReadsLikeTheCatalog()
    {
        var e = Pack.Expect(Late)
            .Fires("delay.gift", "delay.notify-immediately")
            .DoesNotFire("fault.third-party")
            .FiresExactly("delay.gift", "delay.notify-immediately")
            .CompensatesWith(OfferKind.GiftInParcel, worthAtMost: 20m)
            .CompensatesWith(OfferKind.GiftInParcel, worth: 20m, worthAtLeast: 10m, legal: false, rule: "delay.gift")
            .Notifies(NotifyChannel.Phone, NotifyMessage.DelayApology, dueBy: Base.Local(2026, 11, 23, 12))
            .Notifies(NotifyChannel.Email, NotifyMessage.DelayApology)
            .DoesNotStop()
            .DoesNotEscalate()
            .DoesNotCompensateWith(OfferKind.FullRefund)
            .HasGoodwillTotal(20m)
            .HasGoodwillTotalAtMost(20m)
            .HasDecisionCount(3)
            .Satisfies(v => v.CaseId == "K-1", "the case id K-1");

        Assert.Equal("K-1", e.Verdict.CaseId);
    }

    [Fact]
    public void Fires_RuleDidNotFire_ThrowsShowingTheVerdictAndItsTrace()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Base).Fires("delay.gift"));

        Assert.StartsWith("Expected rule 'delay.gift' to fire, but it did not.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Verdict of case K-1 by standard@1.0.0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("decisions (0): none", ex.Message, StringComparison.Ordinal);
        Assert.Contains("goodwill total: 0.00 PLN", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Verdict);
    }

    [Fact]
    public void Fires_RuleDidNotFire_TheMessageExplainsTheFailingClauseWithItsValues()
    {
        // Promised for 24 November, today is the 23rd: not late yet, and the explanation says from when it would be.
        var scenario = Base.Order(o => o with { PromisedBy = new LocalDate(2026, 11, 24) });
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(scenario).Fires("delay.gift"));

        Assert.StartsWith("Expected rule 'delay.gift' to fire, but it did not.\n    Case K-1: rule delay.gift did not fire: its condition does not hold.", ex.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("false: today (2026-11-23) > order.PromisedBy (2026-11-24); fires after 2026-11-24 local (Europe/Warsaw)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_ExpectationFromAVerdictAlone_HasNoExplanation()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Evaluate(Base.Build()).Expect().Fires("delay.gift"));

        Assert.DoesNotContain("did not fire: its condition", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotFire_RuleFired_ThrowsWithDecisionsReasonsAndTrace()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).DoesNotFire("delay.gift"));

        Assert.StartsWith("Expected rule 'delay.gift' not to fire, but it fired.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("compensate gift-in-parcel 20.00 PLN  [delay.gift] The order is late through no fault of the customer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("notify phone delay-apology, due by 2026-11-23T11:00:00Z  [delay.notify-immediately]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fired (2): delay.gift, delay.notify-immediately", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rule delay.gift fired.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotFire_MisspeltRuleWithThePack_FailsInsteadOfPassingSilently()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).DoesNotFire("delay.gfit"));
        Assert.StartsWith("'delay.gfit' is not a rule of pack standard@1.0.0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("delay.gift", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotFire_MisspeltRuleWithoutThePack_CannotTell() =>
        Pack.Evaluate(Late.Build()).Expect().DoesNotFire("delay.gfit");

    [Fact]
    public void FiresExactly_Differs_NamesMissingAndExtraRules()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).FiresExactly("delay.gift", "fault.third-party"));
        Assert.StartsWith("Expected exactly these rules to fire: delay.gift, fault.third-party; but did not fire: fault.third-party; fired too: delay.notify-immediately.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompensatesWith_WorthMoreThanAllowed_ShowsTheOffersOfThatType()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).CompensatesWith(OfferKind.GiftInParcel, worthAtMost: 15m));
        Assert.StartsWith("Expected a decision: compensate gift-in-parcel worth at most 15.00; but none matches — the compensate decisions are: compensate gift-in-parcel 20.00 PLN [delay.gift].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsWith_NoStop_SaysThereIsNone()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).StopsWith(StopKind.NoGoodwill));
        Assert.StartsWith("Expected a decision: stop no-goodwill; but none matches, and there is no stop decision at all.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsWith_HoldUntil_MatchesTheExactInstant()
    {
        var s = Base.Order(o => o with { Tracking = TrackingStatus.Delivered, Status = OrderStatus.Shipped })
            .Case(k => k with { Kind = CaseKind.LostParcel, OpenedAt = Base.DaysAgo(2) });
        var until = Base.Local(2026, 12, 5, 10);

        Pack.Expect(s).StopsWith(StopKind.HoldPendingCarrierClaim, until: until, rule: "lost-parcel.investigate");
        Assert.Throws<VerdictAssertionException>(() => Pack.Expect(s).StopsWith(StopKind.HoldPendingCarrierClaim, until: until + Duration.FromMinutes(1)));
    }

    [Fact]
    public void EscalatesTo_DueBy_MeansAtTheLatest()
    {
        var s = Base.OpenedBusinessDaysAgo(2).Case(k => k with { Unanswered = true });

        Pack.Expect(s).EscalatesTo(EscalationTarget.Supervisor, EscalationPriority.High, dueBy: Base.Now);
        Pack.Expect(s).EscalatesTo(EscalationTarget.Supervisor, dueBy: Base.Now + Duration.FromHours(1));
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(s).EscalatesTo(EscalationTarget.Supervisor, dueBy: Base.Now - Duration.FromMinutes(1)));
        Assert.StartsWith("Expected a decision: escalate to supervisor due by 2026-11-23T08:59:00Z at the latest; but none matches — the escalate decisions are: escalate supervisor high, due by 2026-11-23T09:00:00Z [reply.sla-breached].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotEscalateTo_Escalated_ShowsTheEscalation()
    {
        var s = Base.Case(k => k with { Channel = ContactChannel.PublicSocial });
        Pack.Expect(s).DoesNotEscalateTo(EscalationTarget.Legal).Advises(AdviceKind.ResolvePrivately);
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(s).DoesNotEscalateTo(EscalationTarget.PublicRelations));
        Assert.StartsWith("Expected no decision: escalate to public-relations; but found: escalate public-relations urgent [escalate.public-complaint].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesNoGoodwill_GiftGiven_NamesIt()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).GivesNoGoodwill());
        Assert.StartsWith("Expected no goodwill, but the goodwill total is 20.00 PLN from: compensate gift-in-parcel 20.00 PLN [delay.gift].", ex.Message, StringComparison.Ordinal);
        Pack.Expect(Late.Case(k => k with { Flags = CaseFlags.Abusive })).GivesNoGoodwill().StopsWith(StopKind.PoliteDecline);
    }

    [Fact]
    public void HasGoodwillTotal_Differs_SaysBoth()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).HasGoodwillTotal(25m));
        Assert.StartsWith("Expected a goodwill total of 25.00, but it is 20.00 PLN.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).HasGoodwillTotalAtMost(19.99m));
    }

    [Fact]
    public void HasNoDecisions_SomeDecisions_CountsThem()
    {
        Pack.Expect(Base).HasNoDecisions();
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).HasNoDecisions());
        Assert.StartsWith("Expected 0 decisions, but the verdict has 3.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfies_ConditionFalse_SaysWhatWasExpected()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).Satisfies(v => v.Trace.Count > 10, "a long trace."));
        Assert.StartsWith("Expected a long trace, but it was not so.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_MatcherWithFieldsOfAnotherType_IsRejectedAsAnArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pack.Expect(Late).Has(new DecisionMatcher(DecisionType.Stop) { Offer = OfferKind.Apology }));
        Assert.Contains("offer: applies only to compensate decisions, not to stop.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_MatcherRuleNotInThePack_Fails()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => Pack.Expect(Late).Has(new DecisionMatcher(DecisionType.Compensate) { Rule = "shop.vip-gift" }));
        Assert.StartsWith("'shop.vip-gift' is not a rule of pack standard@1.0.0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_ResolutionRuleId_IsAccepted()
    {
        var exhausted = Late.Customer(c => c with { GoodwillLast90Days = 300m });
        Pack.Expect(exhausted).Has(new DecisionMatcher(DecisionType.Stop) { Stop = StopKind.NoGoodwill, Rule = "resolution.goodwill-budget" });
    }

    [Fact]
    public void Expect_VerdictOfAnotherPack_DoesNotCheckRuleIdsAgainstThePack()
    {
        var verdict = StandardPack.Build(b => b.Named("other", "2.0.0")).Evaluate(Late.Build());
        Assert.Equal("other@2.0.0", verdict.Pack);
        verdict.Expect().Fires("delay.gift");
    }

    [Fact]
    public void VerdictText_ContextWithoutACase_SaysSo()
    {
        var text = VerdictText.Format(Pack.Evaluate(Late.WithoutCase().Build()));
        Assert.StartsWith("Verdict of a context without a case by standard@1.0.0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VerdictText_Describe_ShowsEveryFieldOfTheType()
    {
        var s = Base.Delivered(daysAgo: 3).Case(k => k with { Kind = CaseKind.Withdrawal, OpenedAt = Base.HoursAgo(1) });
        var refund = Pack.Evaluate(s.Build()).Decisions.Single(d => d.Offer == OfferKind.FullRefund);
        Assert.Equal("compensate full-refund 200.00 PLN legal, due by 2026-12-07T23:00:00Z", VerdictText.Describe(refund));
    }
}
