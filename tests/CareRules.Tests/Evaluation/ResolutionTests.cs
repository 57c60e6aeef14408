using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Tests.Support;
using NodaTime;

namespace CareRules.Tests.Evaluation;

/// <summary>Resolution (catalog section 2), case by case, on small hand-made packs.</summary>
public sealed class ResolutionTests
{
    private static CompiledPack Pack(params (string Id, Action<RuleBuilder> Configure)[] rules)
    {
        var b = new PackBuilder("test");
        foreach (var (id, configure) in rules)
        {
            b.Rule(id, configure);
        }

        return b.Build();
    }

    private static (string, Action<RuleBuilder>) Gift(string id, decimal value, int priority = 100) =>
        (id, r => r.Priority(priority).When(_ => true).Compensate(OfferKind.GiftInParcel, "Gift.", Money.Pln(value)));

    private static (string, Action<RuleBuilder>) Discount(string id, decimal value, int priority = 100) =>
        (id, r => r.Priority(priority).When(_ => true).Compensate(OfferKind.DiscountNextOrder, "Discount.", Money.Pln(value), percent: 10m));

    [Fact]
    public void Suppression_RemovesGoodwill_KeepsApologyAndLegalRemedy()
    {
        var pack = Pack(
            Gift("a.gift", 20m),
            ("b.apology", r => r.When(_ => true).Compensate(OfferKind.Apology, "Sorry.")),
            ("c.legal", r => r.When(_ => true).Compensate(OfferKind.FullRefund, "Law.", Money.Pln(200m), legal: true)),
            ("d.stop", r => r.When(_ => true).SuppressGoodwill().Stop(StopKind.PoliteDecline, "No.")));

        var v = pack.Evaluate(Ctx.Context());

        Assert.DoesNotContain(v.Decisions, d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate);
        Assert.Contains(v.Decisions, d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.Apology);
        Assert.Contains(v.Decisions, d => d.Type == DecisionType.Compensate && d.Offer == OfferKind.FullRefund && d.Legal);
        var entry = Assert.Single(v.Trace, t => t.Kind == TraceKind.GoodwillSuppressed);
        Assert.Equal("a.gift", entry.RuleId);
        Assert.Equal("d.stop", entry.CauseRuleId);
        Assert.Equal(Money.Pln(0m), v.GoodwillTotal);
    }

    [Fact]
    public void Merge_TheWinnersBorrowedDueBy_DoesNotOutliveItsEvaluation()
    {
        // A (higher priority, no due-by) wins the merge with B and takes B's due-by; in the next evaluation, on the same
        // buffer, B does not fire and A must have no due-by again (a buffer keeps each outcome's decision in place).
        var pack = new PackBuilder("test")
            .Rule("a.escalate", r => r.Priority(200).WhenExpression(c => c.Case != null).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "A."))
            .Rule("b.escalate", r => r.Priority(100).WhenExpression(c => c.Case != null && c.Case.Kind == CaseKind.DeliveryDelay)
                .Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "B.", c => c.Now))
            .Build()
            .Optimize();
        var buffer = pack.CreateBuffer();

        pack.Evaluate(Ctx.Context(kind: CaseKind.DeliveryDelay), buffer);
        var merged = Assert.Single(buffer.Decisions.ToArray());
        Assert.Equal("a.escalate", merged.RuleId);
        Assert.Equal(Ctx.Now, merged.DueBy);

        pack.Evaluate(Ctx.Context(kind: CaseKind.ProductQuestion), buffer);
        var alone = Assert.Single(buffer.Decisions.ToArray());
        Assert.Equal("a.escalate", alone.RuleId);
        Assert.Null(alone.DueBy);
    }

    [Fact]
    public void Cap_ShareOfOrder_ReducesTheOffer()
    {
        var pack = Pack(Gift("a.gift", 30m));

        var v = pack.Evaluate(Ctx.Context(total: 100m)); // cap 20% of 100 = 20

        var gift = Assert.Single(v.Decisions);
        Assert.Equal(Money.Pln(20m), gift.Value);
        Assert.Equal(Money.Pln(20m), v.GoodwillTotal);
        var cut = Assert.Single(v.Trace, t => t.Kind == TraceKind.CapReduced);
        Assert.Equal(Money.Pln(30m), cut.Before);
        Assert.Equal(Money.Pln(20m), cut.After);
    }

    [Theory]
    [InlineData(99.99, 19.99, true)]  // cap 20.00 (rounded): gift 19.99 fits exactly below
    [InlineData(100.00, 20.00, true)] // cap exactly the gift: kept whole
    [InlineData(100.05, 20.00, true)] // cap 20.01: kept whole
    public void Cap_AtTheBoundary_KeepsAnOfferThatFits(decimal total, decimal gift, bool kept)
    {
        var v = Pack(Gift("a.gift", gift)).Evaluate(Ctx.Context(total: total));

        Assert.Equal(kept, v.Decisions.Any(d => d.Value == Money.Pln(gift)));
        Assert.DoesNotContain(v.Trace, t => t.Kind is TraceKind.CapReduced or TraceKind.CapDropped);
    }

    [Fact]
    public void Cap_DropsLowestPriorityFirst_ThenReducesTheLastKept()
    {
        // cap 20% of 150 = 30: gift (priority 200) 20 kept, discount (150) reduced to 10, free shipping (50) dropped
        var pack = Pack(
            Gift("z.gift", 20m, priority: 200),
            Discount("b.discount", 15m, priority: 150),
            ("a.shipping", r => r.Priority(50).When(_ => true).Compensate(OfferKind.FreeShippingNextOrder, "Ship.", Money.Pln(15m))));

        var v = pack.Evaluate(Ctx.Context(total: 150m));

        var offers = v.Decisions.Where(d => d.IsGoodwill).ToList();
        Assert.Equal(2, offers.Count);
        Assert.Equal(Money.Pln(20m), offers.Single(o => o.Offer == OfferKind.GiftInParcel).Value);
        var discount = offers.Single(o => o.Offer == OfferKind.DiscountNextOrder);
        Assert.Equal(Money.Pln(10m), discount.Value);
        Assert.Equal(10m, discount.Percent); // percent kept, value is the most it may be worth
        Assert.Equal(Money.Pln(30m), v.GoodwillTotal);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.CapDropped && t.RuleId == "a.shipping");
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.CapReduced && t.RuleId == "b.discount");
    }

    [Theory]
    [InlineData(null, 15, 15)] // the discount at its rule's 300 fills first: 15, the gift reduced to the 15 left
    [InlineData(250, 15, 15)]  // its own priority, still above the gift's 200: the same
    [InlineData(200, 15, 15)]  // equal to the gift's: the rule id decides, 'a.refusal' before 'z.gift'
    [InlineData(199, 20, 10)]  // just below: the gift fills first, the discount reduced to the 10 left
    [InlineData(50, 20, 10)]
    public void OfferPriority_PlacesTheOfferInTheCapAndAmongCompensations_InPlaceOfItsRules(int? offerPriority, int gift, int discount)
    {
        // cap 20% of 150 = 30; the refusal's stop keeps its rule's priority 300 whatever the discount's own
        (string, Action<RuleBuilder>)[] rules =
        [
            ("a.refusal", r => r.Priority(300).When(_ => true)
                .Stop(StopKind.OutsideWithdrawalWindow, "Too late.")
                .Compensate(OfferKind.DiscountNextOrder, "Discount.", Money.Pln(15m), percent: 10m, offerPriority: offerPriority)),
            Gift("z.gift", 20m, priority: 200),
            ("m.hold", r => r.Priority(250).When(_ => true).Stop(StopKind.HoldPendingCarrierClaim, "Wait.")),
        ];
        var fused = Pack(rules);
        var b = new PackBuilder("test");
        foreach (var (id, configure) in rules)
        {
            b.Rule(id, configure);
        }

        foreach (var pack in new[] { fused, b.BuildGeneral() })
        {
            var v = pack.Evaluate(Ctx.Context(total: 150m));

            Assert.Equal(Money.Pln(gift), v.Decisions.Single(d => d.Offer == OfferKind.GiftInParcel).Value);
            Assert.Equal(Money.Pln(discount), v.Decisions.Single(d => d.Offer == OfferKind.DiscountNextOrder).Value);
            Assert.Equal(Money.Pln(30m), v.GoodwillTotal);
            bool discountFirst = offerPriority is null or >= 200;
            Assert.Equal(discountFirst ? ["a.refusal", "z.gift"] : ["z.gift", "a.refusal"], v.Decisions.Where(d => d.Type == DecisionType.Compensate).Select(d => d.RuleId));
            Assert.Equal(["a.refusal", "m.hold"], v.Decisions.Where(d => d.Type == DecisionType.Stop).Select(d => d.RuleId));
            Assert.Equal(300, v.Decisions.Single(d => d.Offer == OfferKind.DiscountNextOrder).RulePriority);
            Assert.Contains(v.Trace, t => t.Kind == TraceKind.CapReduced && t.RuleId == (discountFirst ? "z.gift" : "a.refusal"));
        }
    }

    [Theory]
    [InlineData(null, "a.high")] // equal gifts: the earlier in canonical order stays, a.high at its rule's 300
    [InlineData(150, "a.high")]  // its own 150, still above b.low's 100
    [InlineData(50, "b.low")]    // its own 50, below b.low's 100: b.low stays
    public void OfferPriority_DecidesBetweenEqualDuplicates(int? offerPriority, string kept)
    {
        var pack = Pack(
            ("a.high", r => r.Priority(300).When(_ => true).Compensate(OfferKind.GiftInParcel, "A.", Money.Pln(20m), offerPriority: offerPriority)),
            Gift("b.low", 20m, priority: 100));

        var v = pack.Evaluate(Ctx.Context(total: 500m));

        Assert.Equal(kept, Assert.Single(v.Decisions).RuleId);
        Assert.Equal(kept, Assert.Single(v.Trace, t => t.Kind == TraceKind.DuplicateMerged).CauseRuleId);
    }

    [Theory]
    [InlineData(145.00, false)] // cap 29: 9 left for the discount < minMeaningfulGift 10 → dropped
    [InlineData(150.00, true)]  // cap 30: 10 left = minMeaningfulGift → kept at 10
    [InlineData(155.00, true)]  // cap 31: 11 left → kept at 11
    public void Cap_ReducedBelowMinimumMeaningfulGift_IsDropped(decimal total, bool discountKept)
    {
        var pack = Pack(Gift("z.gift", 20m, priority: 200), Discount("b.discount", 15m, priority: 150));

        var v = pack.Evaluate(Ctx.Context(total: total));

        Assert.Equal(discountKept, v.Decisions.Any(d => d.Offer == OfferKind.DiscountNextOrder));
        Assert.Equal(discountKept, !v.Trace.Any(t => t.Kind == TraceKind.BelowMinimumDropped));
    }

    [Theory]
    [InlineData(300.00, true)]  // budget used up
    [InlineData(290.01, true)]  // 9.99 left: below the minimum meaningful gift
    [InlineData(290.00, false)] // 10 left: a reduced gift of 10 is still given
    public void Cap_ExhaustedBudget_GivesStopNoGoodwill(decimal alreadyGiven, bool exhausted)
    {
        var pack = Pack(Gift("a.gift", 20m));

        var v = pack.Evaluate(Ctx.Context(total: 500m, goodwillGiven: alreadyGiven));

        Assert.Equal(exhausted, v.Decisions.Any(d => d.Type == DecisionType.Stop && d.Stop == StopKind.NoGoodwill && d.RuleId == "resolution.goodwill-budget"));
        Assert.Equal(exhausted, v.Trace.Any(t => t.Kind == TraceKind.BudgetExhausted));
        Assert.Equal(exhausted ? 0m : 10m, v.GoodwillTotal.Amount);
    }

    [Fact]
    public void Cap_SmallOrder_CapsTheGiftAwayWithoutStop()
    {
        // 20% of 40 = 8 < minMeaningfulGift: the gift goes, but the budget is not exhausted → no stop
        var v = Pack(Gift("a.gift", 20m)).Evaluate(Ctx.Context(total: 40m));

        Assert.Empty(v.Decisions);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.BelowMinimumDropped && t.Limit == Money.Pln(10m));
    }

    [Fact]
    public void Cap_WithoutOrder_OnlyTheBudgetLimits()
    {
        var v = Pack(Gift("a.gift", 50m)).Evaluate(Ctx.Context(withOrder: false, goodwillGiven: 270m));

        Assert.Equal(Money.Pln(30m), Assert.Single(v.Decisions).Value);
    }

    [Fact]
    public void Cap_LegalRemedy_IsNeverCapped()
    {
        var pack = Pack(("a.refund", r => r.When(_ => true).Compensate(OfferKind.FullRefund, "Law.", Money.Pln(1000m), legal: true)));

        var v = pack.Evaluate(Ctx.Context(total: 100m, goodwillGiven: 300m));

        Assert.Equal(Money.Pln(1000m), Assert.Single(v.Decisions).Value);
        Assert.Equal(Money.Pln(0m), v.GoodwillTotal);
        Assert.DoesNotContain(v.Decisions, d => d.Stop == StopKind.NoGoodwill && d.Type == DecisionType.Stop);
    }

    [Fact]
    public void Cap_Multiplier_DoublesBothLimits()
    {
        var pack = Pack(Gift("a.gift", 40m), ("b.vip", r => r.When(_ => true).MultiplyGoodwillCap(2m).Escalate(EscalationTarget.Manager, EscalationPriority.High, "VIP.")));

        var v = pack.Evaluate(Ctx.Context(total: 100m)); // 20% × 100 × 2 = 40

        Assert.Equal(Money.Pln(40m), v.Decisions.Single(d => d.IsGoodwill).Value);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.CapRaised && t.CauseRuleId == "b.vip" && t.Factor == 2m);
    }

    [Theory]
    [InlineData(10, 20, "b.stop")] // the higher priority counts
    [InlineData(20, 10, "a.stop")]
    [InlineData(15, 15, "a.stop")] // on a tie, the first in id order
    public void Suppression_IsCausedByTheFiredSuppressorOfHighestPriority(int first, int second, string cause)
    {
        // Fired rules are recorded as bits and the suppressor that counts is found from them in resolution.
        var pack = Pack(
            ("a.stop", r => r.Priority(first).When(_ => true).SuppressGoodwill().Stop(StopKind.PoliteDecline, "No.")),
            ("b.stop", r => r.Priority(second).When(_ => true).SuppressGoodwill().Stop(StopKind.PoliteDecline, "No.")),
            Gift("c.gift", 20m),
            ("d.stop", r => r.Priority(99).When(_ => false).SuppressGoodwill().Stop(StopKind.PoliteDecline, "Never fires.")));

        var v = pack.Evaluate(Ctx.Context());

        Assert.Equal(cause, Assert.Single(v.Trace, t => t.Kind == TraceKind.GoodwillSuppressed).CauseRuleId);
        Assert.Equal(["a.stop", "b.stop", "c.gift"], v.Fired);
    }

    [Theory]
    [InlineData(2, 3, "b.vip", 3)] // the larger multiplier counts
    [InlineData(3, 2, "a.vip", 3)]
    [InlineData(2, 2, "a.vip", 2)] // on a tie, the first in id order
    public void Cap_IsRaisedByTheFiredRuleWithTheLargestMultiplier(int first, int second, string cause, int factor)
    {
        var pack = Pack(
            ("a.vip", r => r.When(_ => true).MultiplyGoodwillCap(first).Escalate(EscalationTarget.Manager, EscalationPriority.High, "VIP.")),
            ("b.vip", r => r.When(_ => true).MultiplyGoodwillCap(second).Escalate(EscalationTarget.Manager, EscalationPriority.High, "VIP.")),
            Gift("c.gift", 100m),
            ("d.vip", r => r.When(_ => false).MultiplyGoodwillCap(9m).Escalate(EscalationTarget.Manager, EscalationPriority.High, "Never fires.")));

        var v = pack.Evaluate(Ctx.Context(total: 100m)); // 20 % × 100 × factor

        var raised = Assert.Single(v.Trace, t => t.Kind == TraceKind.CapRaised);
        Assert.Equal(cause, raised.CauseRuleId);
        Assert.Equal(factor, raised.Factor);
        Assert.Equal(Money.Pln(20m * factor), v.Decisions.Single(d => d.IsGoodwill).Value);
    }

    [Fact]
    public void Buffer_FiredAndTrace_AreThoseOfTheLastEvaluation_WhetherReadOrNot()
    {
        // The ids of fired rules and their trace entries are written when first read: an evaluation whose fired list
        // was never read must not leave it to the next, and reading twice gives the same.
        var pack = new PackBuilder("test")
            .Rule("a.case", r => r.WhenExpression(c => c.Case != null).Stop(StopKind.PoliteDecline, "No."))
            .Rule("b.order", r => r.WhenExpression(c => c.Order != null).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Look."))
            .Build()
            .Optimize();
        var buffer = pack.CreateBuffer();
        var both = Ctx.Context();
        var caseOnly = Ctx.Context(withOrder: false);

        pack.Evaluate(both, buffer);
        Assert.Equal(["a.case", "b.order"], buffer.Fired.ToArray());
        pack.Evaluate(caseOnly, buffer); // not read
        pack.Evaluate(both, buffer);
        pack.Evaluate(caseOnly, buffer);

        Assert.Equal(["a.case"], buffer.Fired.ToArray());
        Assert.Equal(["a.case"], buffer.Fired.ToArray());
        Assert.Equal([(TraceKind.RuleFired, "a.case")], buffer.Trace.ToArray().Select(t => (t.Kind, t.RuleId)));
        Assert.Equal(buffer.ToVerdict().Fired, buffer.Fired.ToArray());
    }

    [Fact]
    public void Buffer_TakenAwayEntries_AreThoseOfTheLastEvaluation_WhetherReadOrNot()
    {
        // Decisions suppressed or merged away are recorded as numbers and written into the trace when it is read (or
        // a verdict is made): each with the value the decision had and the rule that took it away.
        var pack = new PackBuilder("test")
            .Rule("a.look", r => r.WhenExpression(c => c.Case != null).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Look."))
            .Rule("b.look", r => r.WhenExpression(c => c.Order != null).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "Look too."))
            .Rule("c.gift", r => r.When(_ => true).Compensate(OfferKind.GiftInParcel, "Gift.", Money.Pln(15m)))
            .Rule("d.gift", r => r.When(_ => true).Compensate(OfferKind.GiftInParcel, "Bigger gift.", Money.Pln(25m)))
            .Rule("e.stop", r => r.WhenExpression(c => c.Order == null).SuppressGoodwill().Stop(StopKind.PoliteDecline, "No."))
            .Build()
            .Optimize();
        var buffer = pack.CreateBuffer();
        var merges = Ctx.Context(total: 1000m);
        var suppression = Ctx.Context(withOrder: false);
        (TraceKind, string, string?, decimal?)[] merged =
        [
            (TraceKind.EscalationMerged, "b.look", "a.look", null),
            (TraceKind.DuplicateMerged, "c.gift", "d.gift", 15m),
        ];
        (TraceKind, string, string?, decimal?)[] suppressed =
        [
            (TraceKind.GoodwillSuppressed, "c.gift", "e.stop", 15m),
            (TraceKind.GoodwillSuppressed, "d.gift", "e.stop", 25m),
        ];

        pack.Evaluate(merges, buffer);
        Assert.Equal(merged, TakenAway(buffer.Trace.ToArray()));
        Assert.Equal(merged, TakenAway(buffer.Trace.ToArray())); // read twice
        pack.Evaluate(suppression, buffer);
        Assert.Equal(suppressed, TakenAway(buffer.ToVerdict().Trace)); // a verdict made without reading the trace
        for (int i = 0; i < 50; i++)
        {
            pack.Evaluate(i % 2 == 0 ? merges : suppression, buffer); // not read
        }

        pack.Evaluate(merges, buffer); // not read
        pack.Evaluate(suppression, buffer);
        Assert.Equal(suppressed, TakenAway(buffer.Trace.ToArray()));

        static (TraceKind, string, string?, decimal?)[] TakenAway(IEnumerable<TraceEntry> trace) =>
            [.. trace.Where(t => t.Kind is not TraceKind.RuleFired).Select(t => (t.Kind, t.RuleId, t.CauseRuleId, t.Before?.Amount))];
    }

    [Fact]
    public void Merge_EscalationsToOneTarget_KeepHighestPriorityAndEarliestDueBy()
    {
        var early = Ctx.Now + Duration.FromHours(1);
        var late = Ctx.Now + Duration.FromHours(5);
        var pack = Pack(
            ("a.one", r => r.When(_ => true).Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, "One.", _ => early)),
            ("b.two", r => r.When(_ => true).Escalate(EscalationTarget.Supervisor, EscalationPriority.Urgent, "Two.", _ => late)),
            ("c.three", r => r.When(_ => true).Escalate(EscalationTarget.Legal, EscalationPriority.High, "Three.")));

        var v = pack.Evaluate(Ctx.Context());

        var supervisor = Assert.Single(v.Decisions, d => d.To == EscalationTarget.Supervisor);
        Assert.Equal(EscalationPriority.Urgent, supervisor.Priority);
        Assert.Equal(early, supervisor.DueBy);
        Assert.Equal("b.two", supervisor.RuleId);
        Assert.Contains(v.Trace, t => t.Kind == TraceKind.EscalationMerged && t.RuleId == "a.one" && t.CauseRuleId == "b.two");
        Assert.Equal(2, v.Decisions.Count);
    }

    [Fact]
    public void Merge_ThreeEscalationsToOneTarget_EachMergedOneNamesTheKeptOne_InCanonicalOrder()
    {
        // Produced a, b, c (rule id order); canonical order c (high, 300), b (high, 100), a (normal, 400). Compared in
        // production order, a would be merged into b and b then into c; the kept one is known first, so both name c.
        var soon = Ctx.Now + Duration.FromHours(1);
        var later = Ctx.Now + Duration.FromHours(3);
        var pack = Pack(
            ("a.first", r => r.Priority(400).When(_ => true).Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, "A.", _ => later)),
            ("b.mid", r => r.Priority(100).When(_ => true).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "B.", _ => soon)),
            ("c.top", r => r.Priority(300).When(_ => true).Escalate(EscalationTarget.Supervisor, EscalationPriority.High, "C.")));

        var v = pack.Evaluate(Ctx.Context());

        var kept = Assert.Single(v.Decisions);
        Assert.Equal(("c.top", EscalationPriority.High, (Instant?)soon), (kept.RuleId, kept.Priority, kept.DueBy));
        Assert.Equal(
            [(TraceKind.EscalationMerged, "b.mid", "c.top"), (TraceKind.EscalationMerged, "a.first", "c.top")],
            v.Trace.Where(t => t.Kind != TraceKind.RuleFired).Select(t => (t.Kind, t.RuleId, t.CauseRuleId)));
    }

    [Fact]
    public void Merge_ThreeOffersOfOneKind_TheLargestKept_TheOthersNameIt_InCanonicalOrder()
    {
        // Compared in production order, a.small would be merged into b.mid and b.mid into c.large; both name c.large.
        var pack = Pack(Gift("a.small", 12m, priority: 300), Gift("b.mid", 15m, priority: 200), Gift("c.large", 18m, priority: 100));

        var v = pack.Evaluate(Ctx.Context(total: 500m));

        var gift = Assert.Single(v.Decisions);
        Assert.Equal(("c.large", Money.Pln(18m)), (gift.RuleId, gift.Value!.Value));
        Assert.Equal(
            [(TraceKind.DuplicateMerged, "a.small", "c.large"), (TraceKind.DuplicateMerged, "b.mid", "c.large")],
            v.Trace.Where(t => t.Kind != TraceKind.RuleFired).Select(t => (t.Kind, t.RuleId, t.CauseRuleId)));
    }

    [Fact]
    public void Merge_DuplicateOffers_KeepTheLarger()
    {
        var pack = Pack(Gift("a.small", 12m), Gift("b.large", 18m));

        var v = pack.Evaluate(Ctx.Context(total: 500m));

        var gift = Assert.Single(v.Decisions);
        Assert.Equal(Money.Pln(18m), gift.Value);
        Assert.Equal("b.large", gift.RuleId);
        Assert.Equal(Money.Pln(18m), v.GoodwillTotal); // the duplicate used no room
    }

    [Fact]
    public void Merge_LegalBeatsGoodwillOfTheSameKind()
    {
        var pack = Pack(
            ("a.goodwill", r => r.When(_ => true).Compensate(OfferKind.FullRefund, "Nice.", Money.Pln(300m))),
            ("b.legal", r => r.When(_ => true).Compensate(OfferKind.FullRefund, "Law.", Money.Pln(200m), legal: true)));

        var refund = Assert.Single(pack.Evaluate(Ctx.Context()).Decisions);

        Assert.True(refund.Legal);
        Assert.Equal("b.legal", refund.RuleId);
    }

    [Fact]
    public void Order_IsCanonical_ByTypeThenUrgencyThenPriorityThenRuleId()
    {
        var pack = Pack(
            ("a.advise", r => r.When(_ => true).Advise(AdviceKind.ResolvePrivately, "A.")),
            ("b.notify", r => r.When(_ => true).Notify(NotifyChannel.Email, NotifyMessage.DelayApology, "N.")),
            ("c.comp", r => r.When(_ => true).Compensate(OfferKind.Apology, "C.")),
            ("d.esc", r => r.When(_ => true).Escalate(EscalationTarget.Manager, EscalationPriority.High, "E.")),
            ("e.esc", r => r.When(_ => true).Escalate(EscalationTarget.Legal, EscalationPriority.Urgent, "E2.")),
            ("f.stop", r => r.When(_ => true).Stop(StopKind.PoliteDecline, "S.")),
            ("g.stop", r => r.Priority(500).When(_ => true).Stop(StopKind.ContactBoundary, "S2.")));

        var v = pack.Evaluate(Ctx.Context());

        Assert.Equal(["g.stop", "f.stop", "e.esc", "d.esc", "c.comp", "b.notify", "a.advise"], v.Decisions.Select(d => d.RuleId));
    }

    [Fact]
    public void Outcome_WithGuard_OnlyWhenTheGuardHolds()
    {
        var pack = Pack(("a.rule", r => r.When(_ => true)
            .Compensate(OfferKind.Replacement, "Replace.", legal: true, when: c => !c.Case!.Requested(CustomerRequests.FullRefund))
            .Compensate(OfferKind.FullRefund, "Refund.", legal: true, when: c => c.Case!.Requested(CustomerRequests.FullRefund))));
        var withRequest = new CareContext(Ctx.Now, Ctx.Customer(), Ctx.Order(), new CareCase("K-1", Ctx.Now, CaseKind.DamagedGoods, requests: CustomerRequests.FullRefund));

        Assert.Equal(OfferKind.Replacement, Assert.Single(pack.Evaluate(Ctx.Context()).Decisions).Offer);
        Assert.Equal(OfferKind.FullRefund, Assert.Single(pack.Evaluate(withRequest).Decisions).Offer);
    }

    [Fact]
    public void Evaluate_IntoBuffer_ReusesItAndMatchesTheVerdict()
    {
        var pack = Pack(Gift("a.gift", 30m), ("b.esc", r => r.When(_ => true).Escalate(EscalationTarget.Manager, EscalationPriority.High, "E.")));
        var buffer = pack.CreateBuffer();

        pack.Evaluate(Ctx.Context(total: 100m), buffer);
        pack.Evaluate(Ctx.Context(total: 1000m), buffer);

        var verdict = pack.Evaluate(Ctx.Context(total: 1000m));
        Assert.Equal(verdict.Decisions, buffer.Decisions.ToArray());
        Assert.Equal(verdict.Fired, buffer.Fired.ToArray());
        Assert.Equal(verdict.Trace, buffer.Trace.ToArray());
        Assert.Equal(Money.Pln(30m), buffer.GoodwillTotal);
        Assert.Equal("K-1", buffer.CaseId);
    }

    [Fact]
    public void Evaluate_BufferOfAnotherPack_Throws()
    {
        var a = Pack(Gift("a.gift", 1m));
        var b = Pack(Gift("a.gift", 1m));

        Assert.Throws<ArgumentException>(() => a.Evaluate(Ctx.Context(), b.CreateBuffer()));
    }

    [Fact]
    public void Evaluate_ContextInAnotherCurrency_IsRejectedNamingTheField()
    {
        var pack = Pack(Gift("a.gift", 1m));
        var eur = new CareContext(Ctx.Now, new Customer("C", new LocalDate(2024, 1, 1), 1, new Money(10m, Currency.Eur)));

        var ex = Assert.Throws<CareRulesValidationException>(() => pack.Evaluate(eur));

        Assert.Contains(ex.Errors, e => e.Path == "customer.lifetimeValue.currency" && e.Message.Contains("PLN", StringComparison.Ordinal));
    }
}
