using CareRules.Evaluation;
using CareRules.Explanations;
using CareRules.Model;
using CareRules.Authoring;
using CareRules.Packs;
using CareRules.Testing;
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

    [Fact]
    public void OwnParametersAndRules_DefinedAndReadOnceWhenThePackIsBuilt()
    {
        // --- README own parameters and rules begins ---
        var vipGift = Parameter.Amount("vipGift", 50m, "The gift in a VIP's late parcel.");
        var pack = StandardPack.CreateBuilder()
            .Named("acme-shop", "1.0.0")
            .Define(vipGift)                                       // then .Set("vipGift", "80") or .Set(vipGift, 80m)
            .Rule("shop.vip-late-gift", (r, p) =>
            {
                Money gift = p.Money(vipGift);                     // an amount parameter, as money in the pack's currency
                int vipOrders = p.Get(StandardParameters.VipOrders);
                r.Description("A regular customer's late parcel gets a proper gift.")
                    .Priority(105)
                    .When(c => StandardFacts.IsLate(c.Order, c.Today) && c.Customer.Orders >= vipOrders)
                    .Compensate(OfferKind.GiftInParcel, $"A regular customer's order is late, so a gift worth {gift} goes into the parcel.", gift);
            })
            .Build();
        Console.WriteLine($"{pack.Id} decides in {pack.Currency}"); // acme-shop@1.0.0 decides in PLN
        // --- README own parameters and rules ends ---

        Assert.Equal("acme-shop@1.0.0 decides in PLN", $"{pack.Id} decides in {pack.Currency}");
        var verdict = pack.Evaluate(Scenario.AtLocal(2026, 11, 23, 10, 0).Vip().LateBy(2).Order(o => o with { Total = 400m }).Build());
        var gift = Assert.Single(verdict.Decisions, d => d.RuleId == "shop.vip-late-gift");
        Assert.Equal("A regular customer's order is late, so a gift worth 50.00 PLN goes into the parcel.", gift.Reason);
        Assert.Equal(Money.Pln(80m), StandardPack.CreateBuilder().Define(vipGift).Set("vipGift", "80").Build().Parameters.Money(vipGift));
    }

    [Fact]
    public void Explanation_OfARuleThatDidNotFire_IsTheOneTheReadmeShows()
    {
        var now = Instant.FromUtc(2026, 11, 23, 10, 0);
        var customer = new Customer("C-1", new LocalDate(2024, 1, 1), orders: 3, lifetimeValue: Money.Pln(500), contactsLast7Days: 4);
        var order = new Order("O-1", now - Duration.FromDays(5), Money.Pln(200), OrderStatus.Shipped, promisedBy: new LocalDate(2026, 11, 25), tracking: TrackingStatus.InTransit);
        var context = new CareContext(now, customer, order, new CareCase("K-7", now - Duration.FromHours(2), CaseKind.DeliveryDelay, flags: CaseFlags.NoNewFacts));

        // --- README explanation begins ---
        var explanation = StandardPack.Default.Explain(context, "delay.gift");
        Console.WriteLine(explanation);
        // --- README explanation ends ---

        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        string shown = readme[(readme.IndexOf("Console.WriteLine(explanation);\n```\n\n```\n", StringComparison.Ordinal) + "Console.WriteLine(explanation);\n```\n\n```\n".Length)..];
        shown = shown[..shown.IndexOf("```", StringComparison.Ordinal)];
        Assert.Equal(shown, explanation.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("fires from customer.ContactsLast7Days ≥ 5 (contactBoundary); was 4", StandardPack.Default.Explain(context, "boundary.contact-frequency").ToString(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (CareRules.sln) was not found.");
    }
}
