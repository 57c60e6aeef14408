using CareRules.Evaluation;
using CareRules.Testing;
using ShopPolicy;

namespace ShopPolicy.Tests;

/// <summary>What every test of the shop's pack shares: the pack, the rule coverage of the whole run, and the base scenario.</summary>
internal static class Shop
{
    /// <summary>The pack under test.</summary>
    public static CompiledPack Pack => ShopPack.Default;

    /// <summary>
    /// Rule coverage of the pack across the whole test run: scenario tests and table rows evaluate through it, and
    /// <see cref="RuleCoverageTests"/> — run last — asserts that every rule fired somewhere. Properties evaluate the
    /// pack directly, so coverage never depends on a random seed.
    /// </summary>
    public static RuleCoverage Coverage { get; } = new(ShopPack.Default);

    /// <summary>Monday 23 November 2026, 10:00 in Warsaw (09:00 UTC): a regular customer, a shipped order of 200 PLN, an answered email.</summary>
    public static Scenario Base { get; } = Scenario.AtLocal(2026, 11, 23, 10, 0).For(ShopPack.Default);
}
