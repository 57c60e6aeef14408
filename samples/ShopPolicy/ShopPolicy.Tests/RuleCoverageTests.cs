using Xunit.Abstractions;
using CareRules.Testing;

namespace ShopPolicy.Tests;

/// <summary>
/// The rule-coverage check, run once every test of the collection has finished: xunit creates this fixture before the
/// collection's first test and disposes it after its last one, and <see cref="RuleCoverageFixture"/> asserts on
/// dispose — a rule of the shop's own that no scenario or table row made fire fails the run, named. xunit 2 has no
/// assembly fixture, so every class that records coverage joins the collection (<c>[Collection(Shop.Tests)]</c>).
/// Running only some tests (a filter, one test from the IDE)? Set <c>CARERULES_COVERAGE=off</c>.
/// </summary>
public sealed class ShopCoverage() : RuleCoverageFixture(Shop.Coverage);

/// <summary>The tests that record coverage into <see cref="Shop.Coverage"/>, and the fixture that asserts it at their end.</summary>
[CollectionDefinition(Shop.Tests)]
public sealed class ShopTests : ICollectionFixture<ShopCoverage>;

/// <summary>What the coverage shows while the run is under way (the assertion itself is the fixture's).</summary>
[Collection(Shop.Tests)]
public sealed class RuleCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void TheCoverageHoldsTheShopToItsOwnRules()
    {
        output.WriteLine(Shop.Coverage.ToString());
        Assert.Equal(26, Shop.Pack.Rules.Count);
        Assert.Equal(ShopPack.OwnRuleIds.Order(StringComparer.Ordinal), Shop.Coverage.InScope);
    }
}
