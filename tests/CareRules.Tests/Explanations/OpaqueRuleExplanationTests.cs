using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;

namespace CareRules.Tests.Explanations;

/// <summary>
/// A rule whose condition is a compiled delegate (<see cref="RuleBuilder.When(Func{RuleContext, bool})"/>) is explained
/// as opaque, never guessed (catalog section 2.6): whether it fired and its decisions, no clauses.
/// </summary>
public sealed class OpaqueRuleExplanationTests
{
    private static readonly CompiledPack Pack = StandardPack.Build(b => b
        .Rule("shop.loyal-gift", (r, p) => r
            .Priority(100)
            .When(c => c.Customer.Orders >= 5)
            .Compensate(OfferKind.GiftInParcel, "A gift for a loyal customer.", p.Money(StandardParameters.SmallGift))));

    private static readonly Scenario Monday = Scenario.AtLocal(2026, 11, 23, 10, 0);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void DelegateCondition_IsOpaque_FiredAsTheVerdictSays_NoClauses(int orders, bool fires)
    {
        var context = Monday.Customer(c => c with { Orders = orders }).Build();

        var e = Pack.Explain(context, "shop.loyal-gift");

        Assert.Equal(fires, Pack.Evaluate(context).HasFired("shop.loyal-gift"));
        Assert.Equal(fires, e.Fired);
        Assert.True(e.IsOpaque);
        Assert.Null(e.Condition);
        Assert.Equal($"Case K-1: rule shop.loyal-gift {(fires ? "fired" : "did not fire")}. Its condition is a compiled function, so its clauses cannot be shown.", e.ToString().Split(Environment.NewLine)[0]);
        if (fires)
        {
            var fate = Assert.Single(e.Decisions);
            Assert.Equal((FateKind.Kept, OfferKind.GiftInParcel, "compensate gift-in-parcel 20.00 PLN: kept."), (fate.Fate, fate.Decision.Offer, fate.Text));
            Assert.Contains("Its decisions:", e.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(e.Decisions);
        }
    }

    [Fact]
    public void Opaque_InJson_HasNoClauses()
    {
        var e = Pack.Explain(Monday.Customer(c => c with { Orders = 7 }).Build(), "shop.loyal-gift");

        using var json = System.Text.Json.JsonDocument.Parse(ExplanationJsonWriter.ToJson(e));

        Assert.True(json.RootElement.GetProperty("opaque").GetBoolean());
        Assert.True(json.RootElement.GetProperty("fired").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("clauses").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public void ExpressionRulesOfTheSamePack_AreStillExplainedClauseByClause()
    {
        var all = Pack.ExplainAll(Monday.Build());

        Assert.Equal(new[] { "shop.loyal-gift" }, all.Where(e => e.IsOpaque).Select(e => e.RuleId));
        Assert.Equal(StandardPack.RuleIds.Count + 1, all.Count);
    }

    [Fact]
    public void WhenAfterWhenExpression_MakesTheRuleOpaque_AndWhenExpressionAfterWhen_Explained()
    {
        var pack = new PackBuilder("shop")
            .Rule("shop.a", r => r.WhenExpression(c => c.Customer.Orders >= 1).When(c => c.Customer.Orders >= 1).Advise(AdviceKind.ResolvePrivately, "A."))
            .Rule("shop.b", r => r.When(c => c.Customer.Orders >= 1).WhenExpression(c => c.Customer.Orders >= 1).Advise(AdviceKind.ResolvePrivately, "B."))
            .Build();

        var context = Monday.Build();

        Assert.True(pack.Explain(context, "shop.a").IsOpaque);
        Assert.False(pack.Explain(context, "shop.b").IsOpaque);
        Assert.Equal("customer.Orders >= 1", pack.Explain(context, "shop.b").Condition!.Expression);
    }
}
