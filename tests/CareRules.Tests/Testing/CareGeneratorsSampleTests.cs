using CareRules.Model;
using CareRules.Testing;
using FsCheck.Fluent;

namespace CareRules.Tests.Testing;

/// <summary>Issue 20, point 5: a seeded sample of contexts for repeatable what-if comparisons.</summary>
public sealed class CareGeneratorsSampleTests
{
    [Fact]
    public void Sample_SameSeed_SameContexts_OtherSeed_OtherContexts()
    {
        var a = CareGenerators.Sample(count: 200, seed: 2026);
        var b = CareGenerators.Sample(count: 200, seed: 2026);
        Assert.Equal(200, a.Count);
        Assert.Equal(a.Select(c => c.ToString()), b.Select(c => c.ToString()));
        Assert.NotEqual(a.Select(c => c.ToString()), CareGenerators.Sample(count: 200, seed: 7).Select(c => c.ToString()));
    }

    [Fact]
    public void Sample_InACurrency_AndOfAnyGenerator()
    {
        Assert.All(CareGenerators.Sample(20, 1, Currency.Parse("EUR")), c => Assert.Equal("EUR", c.Currency.Code));
        Assert.Equal(CareGenerators.Sample(Gen.Choose(1, 1000), 10, 5), CareGenerators.Sample(Gen.Choose(1, 1000), 10, 5));
        Assert.Empty(CareGenerators.Sample(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CareGenerators.Sample(-1, 1));
    }
}
