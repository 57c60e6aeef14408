using System.Text;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Testing;

/// <summary>The edge-case generators make valid contexts, really produce their edge values, and repeat under a fixed seed.</summary>
public sealed class CareEdgeGeneratorsTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One fixed sample (FsCheck 3.6: count, seed, size), so that the "occurs" tests cannot flake.
    private static readonly CareContext[] Sample = [.. CareEdgeGenerators.Contexts().Sample(2_000, new Rnd(2026), 50)];

    private static readonly Gen<(Currency Currency, CareContext Context)> InAnyCurrency =
        from currency in Gen.Elements(Currency.Pln, Currency.Eur, Currency.Parse("USD"))
        from context in CareEdgeGenerators.Contexts(currency)
        select (currency, context);

    [Property(MaxTest = 500)]
    public Property Contexts_AnyCurrency_ValidConsistentAndNothingAfterNow() => Prop.ForAll(InAnyCurrency.ToArbitrary(), drawn =>
    {
        var (currency, context) = drawn;
        Assert.Equal(currency, context.Currency);
        Assert.Equal(currency, context.Customer.GoodwillLast90Days.Currency);
        if (context.Order is { } order)
        {
            Assert.Equal(currency, order.Total.Currency);
            Assert.True(order.PlacedAt <= context.Now);
            Assert.True(order.ShippedAt is not { } s || (order.PlacedAt <= s && s <= context.Now));
            Assert.True(order.DeliveredAt is not { } d || ((order.ShippedAt ?? order.PlacedAt) <= d && d <= context.Now));
            Assert.True(order.Status != OrderStatus.Delivered || order.DeliveredAt is not null);
        }

        if (context.Case is { } @case)
        {
            Assert.True(@case.OpenedAt <= context.Now);
            Assert.True(@case.FirstReplyAt is not { } r || (@case.OpenedAt <= r && r <= context.Now));
        }

        // Rebuilding through the public constructor validates the whole context again.
        _ = new CareContext(context.Now, context.Customer, context.Order, context.Case);
    });

    [Property(Arbitrary = [typeof(CareEdgeArbitraries)], MaxTest = 300)]
    public bool Contexts_FromTheArbitraries_PassThePacksCheckAndEvaluate(CareContext context) =>
        StandardPack.Default.Check(context).Count == 0 && StandardPack.Default.Evaluate(context).GoodwillTotal.Amount >= 0m;

    [Fact]
    public void Ids_NeverBlankAndAlwaysValidUtf16()
    {
        foreach (string id in CareEdgeGenerators.Ids().Sample(5_000, new Rnd(1), 50))
        {
            Assert.False(string.IsNullOrWhiteSpace(id));
            _ = StrictUtf8.GetBytes(id); // throws on a lone surrogate
        }
    }

    [Fact]
    public void Amounts_NonNegativeWithAtMostTwoDecimalsInTheCurrency()
    {
        foreach (var money in CareEdgeGenerators.Amounts(Currency.Eur).Sample(5_000, new Rnd(1), 50))
        {
            Assert.Equal(Currency.Eur, money.Currency);
            Assert.True(money.Amount >= 0m);
            Assert.Equal(decimal.Round(money.Amount, 2), money.Amount);
        }
    }

    [Fact]
    public void Sample_Ids_HaveEveryCharacterThatNeedsEscaping()
    {
        var ids = Sample.SelectMany(Ids).ToList();

        Assert.Contains(ids, id => id.Contains('"', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Contains('\\', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Any(c => c is > '\u007f' and < '\ud800'));
        Assert.Contains(ids, id => id.Any(char.IsSurrogate));
        Assert.Contains(ids, id => id.Contains('\t', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Contains('\u2028', StringComparison.Ordinal));
        Assert.Contains(ids, id => id.Contains('<', StringComparison.Ordinal) && id.Contains('&', StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_Instants_HaveSubSecondPartsDownToTheNanosecond()
    {
        var nanos = Sample.SelectMany(Instants).Select(i => i.InUtc().NanosecondOfSecond).ToList();

        Assert.Contains(0, nanos);
        Assert.Contains(1, nanos);
        Assert.Contains(999_999_999, nanos);
        Assert.Contains(nanos, n => n % 1_000 != 0);
        Assert.Contains(nanos, n => n % 1_000_000 == 0 && n != 0);
        Assert.Contains(nanos, n => n % 1_000 == 0 && n % 1_000_000 != 0);
    }

    [Fact]
    public void Sample_CountersAndAmounts_ReachTheirExtremes()
    {
        var counters = Sample.SelectMany(c => new[] { c.Customer.Orders, c.Customer.ContactsLast7Days, c.Customer.IncidentsLast90Days, c.Customer.UnfoundedComplaintsLast90Days }).ToList();
        var amounts = Sample.SelectMany(c => new[] { c.Customer.LifetimeValue, c.Customer.GoodwillLast90Days, c.Order?.Total ?? Money.Pln(0) }).Select(m => m.Amount).ToList();

        Assert.Contains(0, counters);
        Assert.Contains(int.MaxValue, counters);
        Assert.Contains(counters, n => n is > 1_000_000 and < int.MaxValue - 1);
        Assert.Contains(0m, amounts);
        Assert.Contains(amounts, a => a > int.MaxValue / 100m);
        Assert.Contains(amounts, a => a > 1_000_000_000_000m);
        Assert.Contains(amounts, a => a != decimal.Truncate(a));
    }

    [Fact]
    public void Sample_Contexts_WithAndWithoutOrderAndCaseAndEqualInstants()
    {
        Assert.Contains(Sample, c => c.Order is null);
        Assert.Contains(Sample, c => c.Order is not null);
        Assert.Contains(Sample, c => c.Case is null);
        Assert.Contains(Sample, c => c.Case is { } k && k.OpenedAt == c.Now);
        Assert.Contains(Sample, c => c.Order is { ShippedAt: { } s } o && s == o.PlacedAt);
        Assert.Contains(Sample, c => c.Order is { DeliveredAt: { } d } && d == c.Now);
    }

    [Fact]
    public void Sample_FixedSeed_SameContextsTwice()
    {
        string[] Draw(int seed) => [.. CareEdgeGenerators.Contexts(Currency.Eur).Sample(200, new Rnd((ulong)seed), 50).Select(c => CaseJsonWriter.ToJson(c))];

        Assert.Equal(Draw(42), Draw(42));
        Assert.NotEqual(Draw(42), Draw(43));
    }

    private static IEnumerable<string> Ids(CareContext c) =>
        new[] { c.Customer.Id, c.Order?.Id, c.Case?.Id }.OfType<string>();

    private static IEnumerable<Instant> Instants(CareContext c) =>
        new Instant?[] { c.Now, c.Order?.PlacedAt, c.Order?.ShippedAt, c.Order?.DeliveredAt, c.Case?.OpenedAt, c.Case?.FirstReplyAt }
            .Where(i => i is not null).Select(i => i!.Value);
}
