using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using NodaTime;

namespace CareRules.RulesEngine.Tests.Samples;

/// <summary>The sample pack of <c>samples/ShopPolicy.Json</c> does what its README says, over both Standard packs.</summary>
public sealed class ShopPolicySampleTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Samples", "shop-pack.json");
    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    public static TheoryData<string> Bases => ["C#", "JSON"];

    private static CompiledPack Load(string @base) =>
        WorkflowPack.Extend(@base == "C#" ? StandardPack.CreateBuilder() : WorkflowPack.CreateStandardBuilder(), WorkflowSource.FromFile(SamplePath)).Build();

    [Theory]
    [MemberData(nameof(Bases))]
    public void Sample_ExtendsStandard_WithFirmStanceTwoRulesAndOneRuleDisabled(string @base)
    {
        var pack = Load(@base);

        Assert.Equal("acme-care@1.0.0", pack.Id);
        Assert.Equal("firm", pack.Parameters.Format("stance"));
        Assert.Equal("25.00", pack.Parameters.Format("smallGift"));
        Assert.DoesNotContain(pack.Rules, r => r.Id == "reply.answer-fully");
        Assert.Contains(pack.Rules, r => r.Id == "loyalty.incident-gift" && r.Priority == 105);
        Assert.Contains(pack.Rules, r => r.Id == "public.day-off" && r.Priority == 270);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void LoyaltyRule_GivesTheGift_AndFirmStanceStillSuppressesGoodwillForCarrierFaults(string @base)
    {
        var pack = Load(@base);
        var loyal = Monday.Customer(c => c with { Orders = 7 });

        var shopFault = pack.Evaluate(loyal.Case(k => k with { Kind = CaseKind.DamagedGoods, Fault = Fault.Shop }).Build());
        var carrierFault = pack.Evaluate(loyal.Case(k => k with { Kind = CaseKind.DamagedGoods, Fault = Fault.Carrier }).Build());
        var complainer = pack.Evaluate(loyal.Customer(c => c with { UnfoundedComplaintsLast90Days = 1 }).Case(k => k with { Kind = CaseKind.DamagedGoods }).Build());

        var gift = Assert.Single(shopFault.Decisions, d => d.RuleId == "loyalty.incident-gift" && d.Type == DecisionType.Compensate);
        Assert.Equal(Money.Pln(30m), gift.Value);
        Assert.Equal("A loyal customer had an incident, so a gift worth 30.00 PLN goes into the next parcel.", gift.Reason);
        Assert.Equal("Thank the customer for 5 or more orders and apologise without blaming anyone.", shopFault.Decisions.Single(d => d.RuleId == "loyalty.incident-gift" && d.Type == DecisionType.Advise).Reason);
        Assert.True(carrierFault.HasFired("loyalty.incident-gift"));
        Assert.DoesNotContain(carrierFault.Decisions, d => d.Offer == OfferKind.GiftInParcel && d.Type == DecisionType.Compensate);
        Assert.False(complainer.HasFired("loyalty.incident-gift"));
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void PublicComplaintOnADayOff_IsDueWithinTheFirstBusinessHour(string @base)
    {
        var pack = Load(@base);
        var saturday = Scenario.AtLocal(2026, 11, 28, 11, 0).Case(k => k with { Kind = CaseKind.Other, Channel = ContactChannel.PublicSocial });

        var v = pack.Evaluate(saturday.Build());

        var escalation = Assert.Single(v.Decisions, d => d.Type == DecisionType.Escalate);
        Assert.Equal(EscalationTarget.PublicRelations, escalation.To);
        Assert.Equal(saturday.Local(2026, 11, 30, 9, 0), escalation.DueBy); // Monday 08:00 opening + 1 business hour
        Assert.False(pack.Evaluate(Monday.Case(k => k with { Channel = ContactChannel.PublicSocial }).Build()).HasFired("public.day-off"));
    }
}
