using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Testing;
using Xunit.Abstractions;
using CareRules.Model;

namespace ShopPolicy.Tests;

/// <summary>What-if: the same cases through two packs, before a parameter change goes live.</summary>
public sealed class ShopWhatIfTests(ITestOutputHelper output)
{
    private static readonly CaseTable Table = CaseTable.Load("cases/shop-cases.json");

    [Fact]
    public void RaisingTheVipGiftTo80_ChangesOnlyVipLateParcels_AndNoEscalation()
    {
        var cases = Table.Rows.Select(r => r.Context).Concat(CareGenerators.Sample(count: 500, seed: 2026));
        var report = PackDiff.Compare(Shop.Pack, ShopPack.Build(b => b.Set("vipGift", "80")), cases);
        output.WriteLine(report.ToString());

        Assert.Equal([new ParameterChange("vipGift", "50.00", "80.00")], report.ParameterChanges);

        Assert.True(report.HasChanges);
        Assert.All(report.Changes, c => Assert.True(c.After.HasFired("shop.vip-late-gift"), c.ToString()));
        Assert.True(report.GoodwillDelta.Amount > 0m);
        Assert.All(Enum.GetValues<EscalationTarget>(), t => Assert.Equal(0, report.EscalationDelta(t)));
    }

    [Fact]
    public void StandardToTheShopsPack_TakesOnlyGoodwill_AndAddsOnlySupervisorEscalations()
    {
        var cases = Table.Rows.Select(r => r.Context).Concat(CareGenerators.Sample(count: 500, seed: 7));
        var report = PackDiff.Compare(StandardPack.Default, Shop.Pack, cases);
        output.WriteLine(report.ToString());

        Assert.True(report.HasChanges);
        Assert.All(report.Changes, c => Assert.DoesNotContain(c.Removed, d => d.Legal));
        Assert.True(report.EscalationDelta(EscalationTarget.Supervisor) >= 0, report.ToString());
        Assert.Equal(0, report.EscalationDelta(EscalationTarget.Manager));
        Assert.Equal(0, report.EscalationDelta(EscalationTarget.Legal));
        Assert.Equal(0, report.EscalationDelta(EscalationTarget.PublicRelations));
    }
}
