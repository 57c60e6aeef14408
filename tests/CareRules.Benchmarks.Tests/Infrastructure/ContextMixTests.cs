using CareRules.Benchmarks.Infrastructure;
using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Authoring;
using CareRules.Model;

namespace CareRules.Benchmarks.Tests.Infrastructure;

public sealed class ContextMixTests
{
    [Fact]
    public void Standard_CoversEveryRuleOfTheStandardPack()
    {
        var mix = ContextMix.Standard;
        Assert.Equal(ContextMix.Size, mix.Contexts.Count);
        Assert.Equal(StandardPack.RuleIds.Order(StringComparer.Ordinal), mix.FiredCounts.Keys);
        Assert.All(mix.FiredCounts, c => Assert.True(c.Value > 0, $"{c.Key} never fires"));
    }

    [Fact]
    public void Create_SameSeed_SameContexts()
    {
        var a = ContextMix.Create(ContextMix.Size, ContextMix.Seed, StandardPack.Default);
        var b = ContextMix.Create(ContextMix.Size, ContextMix.Seed, StandardPack.Default);
        var pack = StandardPack.Default;
        for (int i = 0; i < a.Contexts.Count; i++)
        {
            Assert.Equal(a.Contexts[i].Now, b.Contexts[i].Now);
            Assert.Equal(a.Contexts[i].Customer.Id, b.Contexts[i].Customer.Id);
            Assert.Equal(a.Contexts[i].Order?.Id, b.Contexts[i].Order?.Id);
            Assert.Equal(a.Contexts[i].Case?.Id, b.Contexts[i].Case?.Id);
            Assert.Equal(pack.Evaluate(a.Contexts[i]).Decisions, pack.Evaluate(b.Contexts[i]).Decisions);
        }
    }

    [Fact]
    public void Create_RuleThatNeverFires_ThrowsNamingIt()
    {
        var pack = StandardPack.Build(b => b.Rule("never.fires", r => r
            .When(_ => false)
            .Advise(AdviceKind.ResolvePrivately, "Never.")));
        var ex = Assert.Throws<InvalidOperationException>(() => ContextMix.Create(200, 1, pack));
        Assert.Contains("never.fires", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_RepeatsTheMixInOrder()
    {
        var mix = ContextMix.Standard;
        var cycled = mix.Cycle((2 * ContextMix.Size) + 5);
        Assert.Same(mix.Contexts[0], cycled[0]);
        Assert.Same(mix.Contexts[4], cycled[(2 * ContextMix.Size) + 4]);
        Assert.Same(mix.Contexts[ContextMix.Size - 1], cycled[ContextMix.Size - 1]);
    }
}
