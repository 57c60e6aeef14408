using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;

namespace CareRules.RulesEngine.Tests.Loading;

/// <summary>Issue 20, point 7: an amount parameter's placeholder reads as money, as {value} does and as a C# reason's Money.</summary>
public sealed class AmountPlaceholderTests
{
    private const string Shop = """
        { "WorkflowName": "shop", "Pack": "shop@1.0.0",
          "Parameters": { "vipThreshold": { "Kind": "amount", "Default": 5000, "Description": "VIP from this lifetime value." },
                          "lateGift": { "Kind": "amount", "Default": 30, "Description": "The late gift." } },
          "Rules": [ { "RuleName": "shop.vip-late", "Expression": "customer.LifetimeValue.Amount >= params.vipThreshold",
            "Properties": { "description": "Customers above {vipThreshold} get {params.lateGift}.",
              "decisions": [ { "type": "compensate", "offer": "gift-in-parcel", "value": "params.lateGift",
                "reason": "Above {vipThreshold} bought, so a gift worth {value} ({lateGift}, twice {params.lateGift * 2}, {smallGift}) goes in." } ] } } ] }
        """;

    [Fact]
    public void AmountParameters_ReadAsMoney_ArithmeticAsANumber()
    {
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder(), WorkflowSource.FromJson(Shop, "shop.json")).Build();
        var verdict = pack.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).Customer(c => c with { LifetimeValue = 6000m }).Build());
        var gift = Assert.Single(verdict.Decisions, d => d.RuleId == "shop.vip-late");
        Assert.Equal("Above 5000.00 PLN bought, so a gift worth 30.00 PLN (30.00 PLN, twice 60, 20.00 PLN) goes in.", gift.Reason);
        Assert.Equal("Customers above 5000.00 PLN get 30.00 PLN.", Assert.Single(pack.Rules, r => r.Id == "shop.vip-late").Description);
    }

    [Fact]
    public void AmountPlaceholder_InTheEuroPack_ReadsInEuro()
    {
        var pack = WorkflowPack.Extend(StandardPack.CreateBuilder().Set("currency", "EUR"), WorkflowSource.FromJson(Shop, "shop.json")).Build();
        Assert.Equal(Currency.Eur, pack.Currency);
        Assert.Equal("Customers above 5000.00 EUR get 30.00 EUR.", Assert.Single(pack.Rules, r => r.Id == "shop.vip-late").Description);
    }
}
