using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;

namespace CareRules.Tests.Explanations;

/// <summary>
/// The decisions of a fired rule, as the rule produced them, each with what resolution did to it (catalog sections 2.5,
/// 2.6, 7.5, 7.8): kept, reduced by the goodwill cap, suppressed by a rule that withholds goodwill, merged into another
/// rule's decision, dropped, or removed because the goodwill budget is exhausted.
/// </summary>
public sealed class DecisionFateExplanationTests
{
    private static readonly CompiledPack Pack = StandardPack.Default;

    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    /// <summary>A late order of 500.00 not caused by the customer: <c>delay.gift</c> offers 20.00.</summary>
    private static Scenario Late(decimal goodwillUsed = 0m, decimal total = 500m, CaseFlags flags = CaseFlags.None) => Monday.LateBy(2)
        .Order(o => o with { Total = total, DelayNotified = true })
        .Customer(c => c with { GoodwillLast90Days = goodwillUsed })
        .Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop, Flags = flags });

    private static DecisionFate GiftFate(Scenario scenario)
    {
        var e = Pack.Explain(scenario.Build(), "delay.gift");
        Assert.True(e.Fired);
        var fate = Assert.Single(e.Decisions);
        Assert.Equal((DecisionType.Compensate, OfferKind.GiftInParcel, Money.Pln(20m), "delay.gift"), (fate.Decision.Type, fate.Decision.Offer, fate.Decision.Value, fate.Decision.RuleId)); // as produced
        Assert.Contains(fate.Text, e.ToString(), StringComparison.Ordinal);
        return fate;
    }

    [Fact]
    public void Kept_AsTheRuleProducedIt()
    {
        var fate = GiftFate(Late());

        Assert.Equal((FateKind.Kept, null, (Money?)null), (fate.Fate, fate.ByRule, fate.After));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: kept.", fate.Text);
    }

    [Fact]
    public void Suppressed_ByBoundaryAbusive_WhichWithholdsGoodwill()
    {
        var scenario = Late(flags: CaseFlags.Abusive);

        var fate = GiftFate(scenario);

        Assert.DoesNotContain(Pack.Evaluate(scenario.Build()).Decisions, d => d.Offer == OfferKind.GiftInParcel);
        Assert.Equal((FateKind.Suppressed, "boundary.abusive", (Money?)null), (fate.Fate, fate.ByRule, fate.After));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: suppressed, because boundary.abusive withholds goodwill.", fate.Text);
        var abusive = Pack.Explain(scenario.Build(), "boundary.abusive");
        Assert.All(abusive.Decisions, f => Assert.Equal(FateKind.Kept, f.Fate));
        Assert.Equal(new[] { DecisionType.Stop, DecisionType.Escalate }, abusive.Decisions.Select(f => f.Decision.Type));
    }

    [Fact]
    public void Reduced_ToTheBudgetRoomLeft_WithAfter()
    {
        var fate = GiftFate(Late(goodwillUsed: 290m)); // 7.5: 10.00 of the 300.00 budget left

        Assert.Equal((FateKind.Reduced, null, (Money?)Money.Pln(10m)), (fate.Fate, fate.ByRule, fate.After));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: kept, reduced to 10.00 PLN to fit the goodwill cap of 10.00 PLN.", fate.Text);
    }

    [Theory]
    [InlineData("300.00")] // no room at all: the cap drops the gift
    [InlineData("290.01")] // 9.99 left, below the minimum meaningful gift: dropped too
    public void BudgetExhausted_StopNoGoodwillStandsInForTheGift(string used)
    {
        var scenario = Late(goodwillUsed: decimal.Parse(used, System.Globalization.CultureInfo.InvariantCulture));

        var fate = GiftFate(scenario);

        Assert.Contains(Pack.Evaluate(scenario.Build()).Decisions, d => d.Stop == StopKind.NoGoodwill && d.RuleId == "resolution.goodwill-budget");
        Assert.Equal((FateKind.BudgetExhausted, null, (Money?)null), (fate.Fate, fate.ByRule, fate.After));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: removed, the customer's goodwill budget is exhausted, so stop no-goodwill stands in for it.", fate.Text);
    }

    [Fact]
    public void Dropped_ASmallOrdersShareLeavesLessThanTheMinimumGift_NoBudgetStop()
    {
        var scenario = Late(total: 40m); // 7.5: a share cap of 8.00, below the minimum meaningful gift of 10.00

        var fate = GiftFate(scenario);

        Assert.DoesNotContain(Pack.Evaluate(scenario.Build()).Decisions, d => d.Stop == StopKind.NoGoodwill);
        Assert.Equal((FateKind.Dropped, null, (Money?)null), (fate.Fate, fate.ByRule, fate.After));
        Assert.Equal("compensate gift-in-parcel 20.00 PLN: dropped, the 8.00 PLN left under the cap is below the minimum meaningful gift of 10.00 PLN.", fate.Text);
    }

    [Fact]
    public void Merged_TwoEscalationsToTheSupervisor_TheLowerIdKept()
    {
        // 4.3.3 and 7.8: both high, both priority 200: availability.inquiry-unanswered (lower id) is kept.
        var context = Monday.Case(k => k with { Kind = CaseKind.AvailabilityInquiry, OpenedAt = Monday.BusinessDaysAgo(1), Unanswered = true }).Build();

        var sla = Pack.Explain(context, "reply.sla-breached");
        var inquiry = Pack.Explain(context, "availability.inquiry-unanswered");

        var merged = Assert.Single(sla.Decisions);
        Assert.Equal((FateKind.Merged, "availability.inquiry-unanswered", EscalationTarget.Supervisor), (merged.Fate, merged.ByRule, merged.Decision.To));
        Assert.Equal("escalate to supervisor, high: merged into the one from availability.inquiry-unanswered.", merged.Text);
        Assert.Equal(FateKind.Kept, Assert.Single(inquiry.Decisions).Fate);
    }

    [Fact]
    public void Merged_IntoAMoreUrgentEscalation_OfAnotherRule()
    {
        // 7.8: reply.sla-breached (high) and complaint.deadline (urgent): one supervisor escalation, complaint.deadline's.
        var opened = Monday.Local(2026, 11, 12, 10, 0);
        var context = Monday.WithoutOrder().Case(k => k with { Kind = CaseKind.StatutoryComplaint, OpenedAt = opened, Unanswered = true }).Build();

        var sla = Pack.Explain(context, "reply.sla-breached");

        var merged = Assert.Single(sla.Decisions);
        Assert.Equal((FateKind.Merged, "complaint.deadline"), (merged.Fate, merged.ByRule));
        Assert.Equal(EscalationPriority.High, merged.Decision.Priority); // as reply.sla-breached produced it
    }

    [Fact]
    public void Merged_TwoPoliteDeclines_TheAbusiveBoundarysKept()
    {
        // 4.5.3: an abusive off-topic case gets one polite-decline, boundary.abusive's.
        var context = Monday.Case(k => k with { Kind = CaseKind.OffTopic, Flags = CaseFlags.Abusive }).Build();

        var offTopic = Pack.Explain(context, "boundary.off-topic");

        var merged = Assert.Single(offTopic.Decisions);
        Assert.Equal((FateKind.Merged, "boundary.abusive", StopKind.PoliteDecline), (merged.Fate, merged.ByRule, merged.Decision.Stop));
    }

    [Fact]
    public void EveryFateOfAFiredRule_IsOneOfItsProducedDecisions_InTheRulesOrder()
    {
        var scenario = Monday.LateBy(3).Case(k => k with { Kind = CaseKind.DeliveryDelay, Fault = Fault.Shop });

        var e = Pack.Explain(scenario.Build(), "delay.notify-immediately");

        Assert.Equal(new[] { NotifyChannel.Phone, NotifyChannel.Email }, e.Decisions.Select(f => f.Decision.Channel));
        Assert.All(e.Decisions, f => Assert.Equal(FateKind.Kept, f.Fate));
        Assert.Empty(Pack.Explain(scenario.Build(), "boundary.abusive").Decisions); // did not fire: no decisions
    }
}
