using CareRules.Evaluation;
using CareRules.Testing;
using ShopPolicy;

namespace ShopPolicy.Tests;

/// <summary>What every test of the shop's pack shares: the pack, the rule coverage of the whole run, and the base scenario.</summary>
internal static class Shop
{
    /// <summary>The pack under test.</summary>
    public static CompiledPack Pack => ShopPack.Default;

    /// <summary>The collection of the tests that record coverage; <see cref="ShopCoverage"/> asserts it after the last of them.</summary>
    public const string Tests = "Shop pack tests (rule coverage asserted at the end)";

    /// <summary>
    /// Rule coverage of the shop's own rules across the test run (the Standard pack's 24 are covered by CareRules' own
    /// tests): scenario tests and table rows evaluate through it, and <see cref="ShopCoverage"/> asserts, once they have
    /// all run, that each of the shop's rules fired somewhere. Properties evaluate the pack directly, so coverage never
    /// depends on a random seed.
    /// </summary>
    public static RuleCoverage Coverage { get; } = new(ShopPack.Default, RuleScope.OwnRules);

    /// <summary>Monday 23 November 2026, 10:00 in Warsaw (09:00 UTC): a regular customer, a shipped order of 200 PLN, an answered email.</summary>
    public static Scenario Base { get; } = Scenario.AtLocal(2026, 11, 23, 10, 0).For(ShopPack.Default);
}
