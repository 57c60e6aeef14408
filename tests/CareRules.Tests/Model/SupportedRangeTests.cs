using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Serialization;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareRules.Tests.Model;

/// <summary>
/// The model accepts dates and instants from 1900-01-01 to 9000-12-31 only (docs/catalog.md section 1.6), and every
/// context it accepts evaluates without an exception under the Standard pack — near the end of time too.
/// </summary>
public sealed class SupportedRangeTests
{
    private static readonly Money Zero = Money.Pln(0);

    [Fact]
    public void Instants_AtTheEdges_AreAcceptedAndJustOutside_Rejected()
    {
        Assert.Equal(Instant.FromUtc(1900, 1, 1, 0, 0), SupportedRange.MinInstant);
        Assert.Equal(Instant.FromUtc(9001, 1, 1, 0, 0) - Duration.Epsilon, SupportedRange.MaxInstant);
        Assert.False(SupportedRange.Contains(SupportedRange.MinInstant - Duration.Epsilon));
        Assert.True(SupportedRange.Contains(SupportedRange.MinInstant));
        Assert.True(SupportedRange.Contains(SupportedRange.MaxInstant));
        Assert.False(SupportedRange.Contains(SupportedRange.MaxInstant + Duration.Epsilon));
    }

    [Theory]
    [InlineData(1899, 12, 31, false)]
    [InlineData(1900, 1, 1, true)]
    [InlineData(9000, 12, 31, true)]
    [InlineData(9001, 1, 1, false)]
    public void CustomerSince_OutsideTheRange_IsRejectedNamingTheField(int year, int month, int day, bool accepted)
    {
        var since = new LocalDate(year, month, day);
        if (accepted)
        {
            Assert.Equal(since, new Customer("C-1", since, 1, Zero).Since);
            return;
        }

        var ex = Assert.Throws<CareRulesValidationException>(() => new Customer("C-1", since, 1, Zero));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("customer.since", error.Path);
        Assert.Contains("from 1900-01-01 to 9000-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_ReportsEveryDateOutsideTheRange_AtOnce()
    {
        var early = Instant.FromUtc(1899, 12, 31, 23, 59, 59);
        var late = Instant.FromUtc(9001, 1, 1, 0, 0);
        var ex = Assert.Throws<CareRulesValidationException>(() => new Order(
            "O-1", early, Money.Pln(10), OrderStatus.Delivered, promisedBy: new LocalDate(9001, 1, 1), shippedAt: late, deliveredAt: late,
            backorderUntil: new LocalDate(1899, 12, 31)));
        Assert.Equal(
            ["order.placedAt", "order.promisedBy", "order.shippedAt", "order.deliveredAt", "order.backorderUntil"],
            ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void CaseAndContext_OutsideTheRange_AreRejected_AndTheLastInstantIsAccepted()
    {
        var last = SupportedRange.MaxInstant;
        var customer = new Customer("C-1", new LocalDate(2020, 1, 1), 1, Zero);
        var context = new CareContext(last, customer, null, new CareCase("K-1", last - Duration.FromHours(10), CaseKind.Other));
        Assert.Equal(last, context.Now);

        var ex = Assert.Throws<CareRulesValidationException>(() => new CareContext(last + Duration.Epsilon, customer));
        Assert.Equal("now", Assert.Single(ex.Errors).Path);
        var caseEx = Assert.Throws<CareRulesValidationException>(() => new CareCase("K-1", Instant.FromUtc(9999, 12, 31, 10, 0), CaseKind.Other, firstReplyAt: Instant.FromUtc(9999, 12, 31, 11, 0)));
        Assert.Equal(["case.openedAt", "case.firstReplyAt"], caseEx.Errors.Select(e => e.Path));
    }

    /// <summary>The fuzz campaign's reproducers: each is one rejected case naming the field, and the good case after it is still read and evaluated.</summary>
    [Theory]
    [InlineData("\"now\": \"9999-12-31T23:00:00Z\"", "", "$.now")]
    [InlineData("\"now\": \"9999-12-31T20:00:00Z\"", ", \"case\": {\"id\": \"K-1\", \"openedAt\": \"9999-12-31T10:00:00Z\", \"kind\": \"other\"}", "$.case.openedAt")]
    [InlineData("\"now\": \"1899-12-31T23:59:59Z\"", "", "$.now")]
    public void CaseFileOutsideTheRange_RejectsThatCase_AndReadsTheNext(string now, string @case, string path)
    {
        string customer = "\"customer\": {\"id\": \"C-1\", \"since\": \"1900-01-01\", \"orders\": 1, \"lifetimeValue\": {\"amount\": 10, \"currency\": \"PLN\"}}";
        string bad = "{" + now + ", " + customer + @case + "}";
        string good = "{\"now\": \"9000-12-31T23:59:59Z\", " + customer + "}";
        var results = CaseJsonReader.Read("[" + bad + "," + good + "]");
        Assert.Equal(2, results.Count);
        Assert.False(results[0].IsValid);
        Assert.Contains(results[0].Errors, e => e.Path == path && e.Message.Contains("supported range", StringComparison.Ordinal));
        Assert.True(results[1].IsValid, string.Join("; ", results[1].Errors));
        Assert.Empty(StandardPack.Default.Evaluate(results[1].Context!).Decisions);
    }

    /// <summary>Every rule computes with every accepted context: generated contexts moved to the first and the last days of the range evaluate without an exception under every stance.</summary>
    [Property(MaxTest = 300, Arbitrary = [typeof(Shifted)])]
    public void EveryAcceptedContext_AtTheEdgesOfTheRange_Evaluates(CareContext context)
    {
        foreach (var pack in Packs)
        {
            var verdict = pack.Evaluate(context);
            Assert.NotNull(verdict);
        }
    }

    private static readonly CompiledPack[] Packs =
    [
        StandardPack.Build(b => b.Set(StandardParameters.Stance, Stance.Generous)),
        StandardPack.Default,
        StandardPack.Build(b => b.Set(StandardParameters.Stance, Stance.Firm).Set("withdrawalPeriod", "3650").Set("replySla", "10000h")),
    ];

    /// <summary>Generated contexts with every date and instant moved so that <c>now</c> falls near an edge of the range.</summary>
    public static class Shifted
    {
        public static Arbitrary<CareContext> Contexts() =>
            (from context in CareGenerators.Contexts()
             from toEnd in Gen.Elements(true, false)
             from hours in Gen.Choose(0, 24 * 3)
             select Shift(context, toEnd, hours)).ToArbitrary();

        private static CareContext Shift(CareContext c, bool toEnd, int hours)
        {
            // Move now to within three days of the range's last (or, backwards, of a point a year after its first) instant.
            var target = toEnd
                ? SupportedRange.MaxInstant - Duration.FromHours(hours)
                : SupportedRange.MinInstant + Duration.FromDays(400) + Duration.FromHours(hours);
            var by = target - c.Now;
            int days = (int)Math.Round(by.TotalDays);
            Instant I(Instant i) => i + by;
            Instant? N(Instant? i) => i is { } v ? v + by : null;
            LocalDate D(LocalDate d) => Clamp(d.PlusDays(days));
            LocalDate? ND(LocalDate? d) => d is { } v ? D(v) : null;
            var k = c.Customer;
            var customer = new Customer(k.Id, D(k.Since), k.Orders, k.LifetimeValue, k.ContactsLast7Days, k.IncidentsLast90Days, k.UnfoundedComplaintsLast90Days, k.GoodwillLast90Days);
            var order = c.Order is { } o
                ? new Order(o.Id, I(o.PlacedAt), o.Total, o.Status, o.Payment, ND(o.PromisedBy), N(o.ShippedAt), N(o.DeliveredAt), o.DelayNotified, o.Tracking, o.WithdrawalInformed, o.WithdrawalExempt, ND(o.BackorderUntil))
                : null;
            var @case = c.Case is { } s
                ? new CareCase(s.Id, I(s.OpenedAt), s.Kind, s.Channel, s.Fault, N(s.FirstReplyAt), s.Flags, s.CarrierClaim, s.Requests)
                : null;
            return new CareContext(I(c.Now), customer, order, @case);
        }

        private static LocalDate Clamp(LocalDate d) => d > SupportedRange.MaxDate ? SupportedRange.MaxDate : d < SupportedRange.MinDate ? SupportedRange.MinDate : d;
    }
}
