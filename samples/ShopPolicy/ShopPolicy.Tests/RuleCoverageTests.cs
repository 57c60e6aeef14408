using Xunit.Abstractions;

namespace ShopPolicy.Tests;

[CollectionDefinition(CoverageRunsLast.CollectionName)]
public sealed class RuleCoverageRunsLast;

/// <summary>
/// Runs after every other test (see <see cref="CoverageRunsLast"/>) and fails if a rule of the shop's pack — Standard's
/// 24 or the shop's own — never fired in a scenario or a table row, naming each such rule. Run the whole assembly:
/// under a test filter that leaves out the tests covering a rule, this test fails too.
/// </summary>
[Collection(CoverageRunsLast.CollectionName)]
public sealed class RuleCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryRuleOfTheShopPack_FiresInSomeTest()
    {
        output.WriteLine(Shop.Coverage.ToString());
        Assert.Equal(26, Shop.Pack.Rules.Count);
        Shop.Coverage.AssertAllRulesCovered();
    }
}
