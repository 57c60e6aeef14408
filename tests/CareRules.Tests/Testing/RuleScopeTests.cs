using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;

namespace CareRules.Tests.Testing;

/// <summary>Issue 20, points 1 and 2: coverage scoped to a shop's own rules, and asserted when a fixture is disposed.</summary>
public sealed class RuleScopeTests
{
    private static readonly Scenario Base = Scenario.AtLocal(2026, 11, 23, 10, 0);

    /// <summary>The Standard pack and two rules of the shop's own.</summary>
    private static CompiledPack Shop() => StandardPack.CreateBuilder().Named("acme", "1.0.0")
        .Rule("acme.late-gift", r => r.Description("A late order gets the shop's gift.").When(c => c.Order is { PromisedBy: { } p, DeliveredAt: null } && p < c.Today)
            .Compensate(OfferKind.GiftInParcel, "Late.", Money.Pln(30m)))
        .Rule("acme.public", r => r.Description("A public complaint goes to PR at once.").When(c => c.Case is { Channel: ContactChannel.PublicSocial })
            .Escalate(EscalationTarget.PublicRelations, EscalationPriority.Urgent, "Public."))
        .Build();

    [Fact]
    public void OwnRules_OfAPackExtendingStandard_AreTheRulesItAdds()
    {
        var coverage = new RuleCoverage(Shop(), RuleScope.OwnRules);
        Assert.Equal(["acme.late-gift", "acme.public"], coverage.InScope);

        coverage.Evaluate(Base.LateBy(2).Build());
        Assert.Equal(["acme.late-gift"], coverage.Covered);
        Assert.Equal(["acme.public"], coverage.Uncovered);
        Assert.Equal(50, coverage.Percent);
        var ex = Assert.Throws<RuleCoverageException>(coverage.AssertAllRulesCovered);
        Assert.Equal(["acme.public"], ex.Uncovered);
        Assert.StartsWith("Rule coverage of pack acme@1.0.0, scope the pack's own rules (not in the Standard pack): 1 of 2 rules fired (50%) in 1 evaluations. This rule never fired:", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reply.answer-fully", ex.Message, StringComparison.Ordinal);

        coverage.Evaluate(Base.Case(k => k with { Channel = ContactChannel.PublicSocial }).Build());
        coverage.AssertAllRulesCovered(); // the Standard rules that never fired are not the shop's to cover
        Assert.Contains("(not in scope)", coverage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_Explicit_AndNotIn_SelectTheirRules()
    {
        var shop = Shop();
        Assert.Equal(["acme.late-gift", "acme.public"], new RuleCoverage(shop, RuleScope.WithPrefix("acme.")).InScope);
        Assert.Equal(["acme.public", "delay.gift"], new RuleCoverage(shop, RuleScope.Only("delay.gift", "acme.public")).InScope);
        Assert.Equal(["acme.late-gift", "acme.public"], new RuleCoverage(shop, RuleScope.NotIn(StandardPack.Default)).InScope);
        Assert.Equal(shop.Rules.Count, new RuleCoverage(shop, RuleScope.All).InScope.Count);
        Assert.Equal("the rules 'acme.*' or 'x.*'", RuleScope.WithPrefix("acme.", "x.").ToString());
    }

    [Fact]
    public void AScopeThatDoesNotFitThePack_IsRejectedWhenTheCoverageIsCreated()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new RuleCoverage(Shop(), RuleScope.Only("acme.late-gift", "acme.typo")));
        Assert.StartsWith("Pack 'acme@1.0.0' has no rule 'acme.typo'", unknown.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => new RuleCoverage(StandardPack.Default, RuleScope.OwnRules));
        Assert.StartsWith("The coverage scope (the pack's own rules (not in the Standard pack)) selects no rule of pack 'standard@1.0.0'", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RuleScope.WithPrefix());
        Assert.Throws<ArgumentException>(() => RuleScope.Only(""));
    }

    [Fact]
    public void Fixture_AssertsOnDispose_Once()
    {
        var coverage = new RuleCoverage(Shop(), RuleScope.OwnRules);
        coverage.Evaluate(Base.LateBy(2).Build());
        var fixture = new RuleCoverageFixture(coverage);
        Assert.True(fixture.Enabled);
        var ex = Assert.Throws<RuleCoverageException>(fixture.Dispose);
        Assert.Equal(["acme.public"], ex.Uncovered);
        fixture.Dispose(); // asserts once: a second dispose (xunit and a using block) does not throw again
    }

    [Fact]
    public void Fixture_Covered_OrDisabled_DoesNotThrow()
    {
        var coverage = new RuleCoverage(Shop(), RuleScope.OwnRules);
        new RuleCoverageFixture(coverage) { Enabled = false }.Dispose();
        coverage.Evaluate(Base.LateBy(2).Build());
        coverage.Evaluate(Base.Case(k => k with { Channel = ContactChannel.PublicSocial }).Build());
        using var fixture = new RuleCoverageFixture(coverage);
    }
}
