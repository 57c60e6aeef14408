using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CareRules.Tests.Testing;

/// <summary>What-if between two packs over the same cases.</summary>
public sealed class PackDiffTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);
    private static readonly CompiledPack Standard = StandardPack.Default;

    private static readonly CareContext Late = Base.LateBy(2).Build();
    private static readonly CareContext DamagedBox = Base.Case(k => k with { Id = "K-2", Kind = CaseKind.DamagedPackaging }).Build();
    private static readonly CareContext CarrierFault = Base.LateBy(1).Case(k => k with { Id = "K-3", Kind = CaseKind.DeliveryDelay, Fault = Fault.Carrier }).Build();
    private static readonly CareContext Public = Base.Case(k => k with { Id = "K-4", Channel = ContactChannel.PublicSocial }).Build();
    private static readonly CareContext Quiet = Base.Case(k => k with { Id = "K-5" }).Build();

    [Fact]
    public void Compare_SamePack_NoChangesAndEqualTotals()
    {
        var contexts = CareGenerators.Contexts().Sample(200, new Rnd(3), 50);
        var report = PackDiff.Compare(Standard, StandardPack.Build(), contexts);

        Assert.False(report.HasChanges);
        Assert.Equal(200, report.Cases);
        Assert.Equal(report.GoodwillBefore, report.GoodwillAfter);
        Assert.True(report.GoodwillDelta.IsZero);
        Assert.All(Enum.GetValues<EscalationTarget>(), t => Assert.Equal(0, report.EscalationDelta(t)));
    }

    [Fact]
    public void Compare_BiggerSmallGift_ChangesTheGiftsValueAndTheGoodwillTotal()
    {
        var report = PackDiff.Compare(Standard, StandardPack.Build(b => b.Set("smallGift", "30")), [Late, Quiet, DamagedBox]);

        var change = Assert.Single(report.Changes);
        Assert.Equal("#0 K-1", change.Name);
        Assert.Equal(0, change.Index);
        Assert.Empty(change.Added);
        Assert.Empty(change.Removed);
        var gift = Assert.Single(change.Changed);
        Assert.Equal(Money.Pln(20m), gift.Before.Value);
        Assert.Equal(Money.Pln(30m), gift.After.Value);
        Assert.Equal(Money.Pln(10m), change.GoodwillDelta);
        Assert.Equal(Money.Pln(10m), report.GoodwillDelta);
        Assert.Equal("compensate gift-in-parcel 20.00 PLN → compensate gift-in-parcel 30.00 PLN  [delay.gift]", gift.ToString());
    }

    [Fact]
    public void Compare_FirmStance_RemovesGoodwillAndAddsStops()
    {
        var firm = StandardPack.Build(b => b.Set(StandardParameters.Stance, Stance.Firm));
        var report = PackDiff.Compare(Standard, firm, [Late, DamagedBox, CarrierFault, Quiet]);

        Assert.Equal(["#1 K-2", "#2 K-3"], report.Changes.Select(c => c.Name));
        var box = report.Changes[0];
        Assert.Equal([OfferKind.DiscountNextOrder], box.Removed.Select(d => d.Offer));
        Assert.Empty(box.Added);
        var carrier = report.Changes[1];
        Assert.Equal([StopKind.NoGoodwill], carrier.Added.Select(d => d.Stop));
        Assert.Equal([OfferKind.GiftInParcel], carrier.Removed.Select(d => d.Offer));
        Assert.Equal(Money.Pln(-20m), carrier.GoodwillDelta);
        Assert.Equal(Money.Pln(-40m), report.GoodwillDelta); // 20 discount + 20 gift
    }

    [Fact]
    public void Compare_RuleDisabled_EscalationsByTargetMove()
    {
        var quiet = StandardPack.Build(b => b.DisableRule("escalate.public-complaint"));
        var report = PackDiff.Compare(Standard, quiet, [Public, Late, Public]);

        Assert.Equal(2, report.EscalationsBefore[EscalationTarget.PublicRelations]);
        Assert.Equal(0, report.EscalationsAfter[EscalationTarget.PublicRelations]);
        Assert.Equal(-2, report.EscalationDelta(EscalationTarget.PublicRelations));
        Assert.Equal(0, report.EscalationDelta(EscalationTarget.Supervisor));
        Assert.Equal(["escalate.public-complaint"], report.Changes[0].NoLongerFiring);
        Assert.Equal(3, report.Changes[0].Removed.Count); // the escalation and both pieces of advice
    }

    [Fact]
    public void Compare_RuleFiresButItsGiftIsSuppressed_ListedWithDecisionsUnchanged()
    {
        var abusive = Base.LateBy(2).Case(k => k with { Flags = CaseFlags.Abusive }).Build();
        var extra = StandardPack.Build(b => b.Rule("shop.extra-gift", r => r.When(c => c.Order is not null).Compensate(OfferKind.FreeShippingNextOrder, "Extra.", Money.Pln(15m))));

        var change = Assert.Single(PackDiff.Compare(Standard, extra, [abusive]).Changes);

        Assert.False(change.DecisionsChanged);
        Assert.Equal(["shop.extra-gift"], change.NowFiring);
        Assert.Contains("(decisions unchanged)", change.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TableRows_NamesCasesByRow()
    {
        var table = CaseTable.Parse("""
            { "now": "2026-11-23T09:00:00Z", "rows": [ { "name": "late order", "case": {
              "customer": { "id": "C-1", "since": "2024-01-15", "orders": 3, "lifetimeValue": { "amount": 600, "currency": "PLN" } },
              "order": { "id": "O-1", "placedAt": "2026-11-16T09:00:00Z", "total": { "amount": 200, "currency": "PLN" }, "status": "shipped", "promisedBy": "2026-11-21" } },
              "expect": { "fires": ["delay.gift"] } } ] }
            """);
        var report = PackDiff.Compare(Standard, StandardPack.Build(b => b.Set("smallGift", "25")), table.Rows);
        Assert.Equal("late order", Assert.Single(report.Changes).Name);
    }

    [Fact]
    public void Compare_PacksInDifferentCurrencies_IsRejected()
    {
        var euro = StandardPack.Build(b => b.Set("currency", "EUR"));
        var ex = Assert.Throws<ArgumentException>(() => PackDiff.Compare(Standard, euro, [Late]));
        Assert.StartsWith("Pack 'standard@1.0.0' decides in EUR, but 'standard@1.0.0' in PLN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ReadableReport()
    {
        var firm = StandardPack.Build(b => b.Named("standard-firm", "1.0.0").Set(StandardParameters.Stance, Stance.Firm));
        var report = PackDiff.Compare(Standard, firm, [Late, DamagedBox, CarrierFault, Public]);

        string nl = Environment.NewLine;
        Assert.Equal(
            "Pack diff standard@1.0.0 → standard-firm@1.0.0 over 4 cases: 2 changed." + nl
            + "  parameters   stance balanced → firm" + nl
            + "  rules        the same" + nl
            + "  goodwill     60.00 PLN → 20.00 PLN (-40.00 PLN)" + nl
            + "  escalations  public-relations 1 → 1 (±0)" + nl
            + "  #1 K-2 (goodwill -20.00 PLN)" + nl
            + "    - compensate discount-next-order 20.00 PLN 10%  [damage.packaging-apology]" + nl
            + "  #2 K-3 (goodwill -20.00 PLN)" + nl
            + "    - compensate gift-in-parcel 20.00 PLN  [delay.gift]" + nl
            + "    + stop no-goodwill  [fault.third-party]",
            report.ToString());
    }

    [Fact]
    public void Report_OfOnePackNameAndVersion_NamesTheParametersThatDiffer()
    {
        var candidate = StandardPack.Build(b => b.Set("smallGift", "25").Set(StandardParameters.Stance, Stance.Generous).DisableRule("reply.answer-fully"));
        var report = PackDiff.Compare(Standard, candidate, [Late]);

        Assert.Equal([new ParameterChange("stance", "balanced", "generous"), new ParameterChange("smallGift", "20.00", "25.00")], report.ParameterChanges);
        Assert.Empty(report.RulesAdded);
        Assert.Equal(["reply.answer-fully"], report.RulesRemoved);
        string[] lines = report.ToString().Split(Environment.NewLine);
        Assert.Equal("Pack diff standard@1.0.0 → standard@1.0.0 over 1 case: 1 changed.", lines[0]);
        Assert.Equal("  parameters   stance balanced → generous, smallGift 20.00 → 25.00", lines[1]);
        Assert.Equal("  rules        removed reply.answer-fully", lines[2]);
    }

    [Fact]
    public void Report_ParameterOnlyOnePackDefines_ReadsNone()
    {
        var shop = StandardPack.CreateBuilder().Named("shop", "1.0.0").Define(Parameter.Amount("vipGift", 50m, "A VIP's gift.")).Build();
        var report = PackDiff.Compare(Standard, shop, [Late]);
        Assert.Equal("vipGift (none) → 50.00", Assert.Single(report.ParameterChanges).ToString());
        Assert.Equal("  parameters   the same", PackDiff.Compare(Standard, Standard, [Late]).ToString().Split(Environment.NewLine)[1]);
    }
}
