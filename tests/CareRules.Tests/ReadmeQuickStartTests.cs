using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Authoring;
using NodaTime;

namespace CareRules.Tests;

/// <summary>The README's quick start, line for line, so the documentation cannot rot.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void QuickStart_BuildsASmallPackAndEvaluatesAContext()
    {
        // --- README quick start begins ---
        var pack = new PackBuilder("my-shop", "1.0.0")
            .Rule("delay.gift", r => r
                .When(c => c.Order is { PromisedBy: { } promised, DeliveredAt: null } && c.Today > promised)
                .Compensate(OfferKind.GiftInParcel, "The order is late, so a small gift goes into the parcel.", Money.Pln(20)))
            .Build();
        var now = Instant.FromUtc(2026, 11, 23, 9, 0);
        var customer = new Customer("C-1", new LocalDate(2024, 3, 10), orders: 3, lifetimeValue: Money.Pln(640));
        var order = new Order("O-1", now - Duration.FromDays(7), Money.Pln(249.90m), OrderStatus.Shipped, promisedBy: new LocalDate(2026, 11, 20));
        var verdict = pack.Evaluate(new CareContext(now, customer, order));
        Console.WriteLine(verdict.Decisions[0]); // compensate gift-in-parcel 20.00 PLN (delay.gift)
        // --- README quick start ends ---

        Assert.Equal("compensate gift-in-parcel 20.00 PLN (delay.gift)", verdict.Decisions[0].ToString());
        Assert.Equal(Money.Pln(20), verdict.GoodwillTotal);
    }
}
