// The consumer test's xunit project (tests/consumer/run.sh): what a shop developer does in the first hour with
// CareRules.Testing, against the packed packages — scoped coverage asserted after the last test, a table test, a
// property whose failure prints the case, a seeded what-if.
using CareRules.Authoring;
using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Acme.Tests;

/// <summary>The shop's pack: the Standard pack, and one rule of the shop's own with a parameter of its own.</summary>
public static class AcmePack
{
    public static ParameterDefinition<decimal> LateGift { get; } = Parameter.Amount("lateGift", 30m, "The gift in a late parcel.");

    public static CompiledPack Build(Action<PackBuilder>? customize = null)
    {
        var builder = StandardPack.CreateBuilder().Named("acme-shop", "1.0.0").Define(LateGift);
        builder.Rule("acme.late-gift", (r, p) =>
        {
            var gift = p.Money(LateGift);
            r.Description("A late parcel the customer asks about gets the shop's gift.")
                .Priority(105)
                .When(c => StandardFacts.IsLate(c.Order, c.Today) && c.Case is { Kind: CaseKind.DeliveryDelay })
                .Compensate(OfferKind.GiftInParcel, $"The order is late, so a gift worth {gift} goes into the parcel.", gift);
        });
        customize?.Invoke(builder);
        return builder.Build();
    }

    public static CompiledPack Default { get; } = Build();
}

/// <summary>What the tests share: the pack and the coverage of the shop's own rules.</summary>
public static class Shop
{
    public const string Tests = "acme tests";

    public static RuleCoverage Coverage { get; } = new(AcmePack.Default, RuleScope.OwnRules);
}

/// <summary>The run-last recipe: asserts the coverage once every test of the collection has run.</summary>
public sealed class AcmeCoverage() : RuleCoverageFixture(Shop.Coverage);

[CollectionDefinition(Shop.Tests)]
public sealed class AcmeTests : ICollectionFixture<AcmeCoverage>;

[Collection(Shop.Tests)]
public sealed class ScenarioTests
{
    [Fact]
    public void OwnRuleFires_LateParcelAskedAbout_TheShopsGift() =>
        Shop.Coverage.Expect(Scenario.AtLocal(2026, 11, 23, 10, 0).For(AcmePack.Default).LateBy(2).Case(k => k with { Kind = CaseKind.DeliveryDelay }))
            .Fires("acme.late-gift")
            .CompensatesWith(OfferKind.GiftInParcel, worth: 30m, rule: "acme.late-gift");

    [Fact]
    public void CoverageIsScopedToTheShopsOwnRules() =>
        Assert.Equal(["acme.late-gift"], Shop.Coverage.InScope);

    [Fact]
    public void ThePackKnowsItsCurrency() => Assert.Equal(Currency.Pln, AcmePack.Default.Currency);
}

[Collection(Shop.Tests)]
public sealed class TableTests
{
    private static readonly CaseTable Table = CaseTable.Load("cases.json");

    public static IEnumerable<object[]> Rows => Table.AsArguments();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row(string name) => Table[name].Check(Shop.Coverage);
}

public sealed class PropertyTests
{
    [Property(Arbitrary = [typeof(CareArbitraries)], MaxTest = 200)]
    public bool GoodwillNeverAboveTheShareOfTheOrderTimesTwo(CareContext context)
    {
        var verdict = AcmePack.Default.Evaluate(context);
        return context.Order is not { } order || verdict.GoodwillTotal.Amount <= decimal.Round(order.Total.Amount * 0.40m, 2);
    }

    [Fact]
    public void AFailingProperty_PrintsTheCaseAsJson()
    {
        var wrong = Prop.ForAll(CareArbitraries.Contexts(), c => AcmePack.Default.Evaluate(c).Decisions.Count > 100);
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(3), wrong));
        Assert.Contains("{\"now\":\"", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CareRules.Model.CareContext", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class WhatIfTests(ITestOutputHelper output)
{
    [Fact]
    public void RaisingTheLateGift_SeededSample_ReportNamesTheParameter()
    {
        var cases = CareGenerators.Sample(count: 300, seed: 2026);
        Assert.Equal(cases.Select(c => c.ToString()), CareGenerators.Sample(count: 300, seed: 2026).Select(c => c.ToString()));

        var report = PackDiff.Compare(AcmePack.Default, AcmePack.Build(b => b.Set("lateGift", "45")), cases);
        output.WriteLine(report.ToString());
        Assert.StartsWith("Pack diff acme-shop@1.0.0 → acme-shop@1.0.0 over 300 cases:", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("  parameters   lateGift 30.00 → 45.00", report.ToString(), StringComparison.Ordinal);
        Assert.True(report.GoodwillDelta.Amount >= 0m);
    }
}
