using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Authoring;

namespace ShopPolicy;

/// <summary>
/// The shop's pack: the Standard pack (all 24 catalog rules) with the shop's choices —
/// <list type="bullet">
/// <item>the <b>firm</b> stance (no goodwill when a carrier or bank is at fault, an apology only for a damaged box);</item>
/// <item>goodwill capped at <b>15%</b> of the order instead of 20%;</item>
/// <item>a <b>bigger gift for VIPs</b> whose parcel is late: rule <c>shop.vip-late-gift</c>, worth <c>vipGift</c> (50);
/// it merges with Standard's <c>delay.gift</c> and the larger gift is kept;</item>
/// <item>one rule of the shop's own, <c>shop.cod-refused</c>: a cash-on-delivery parcel the customer refused came back —
/// no goodwill on that order, and a supervisor decides whether the customer may still pay on delivery.</item>
/// </list>
/// </summary>
public static class ShopPack
{
    /// <summary>The pack's name.</summary>
    public const string Name = "shop-pack";

    /// <summary>The pack's version.</summary>
    public const string Version = "1.0.0";

    private static readonly Lazy<CompiledPack> LazyDefault = new(() => Build());

    /// <summary>The shop's pack, built once.</summary>
    public static CompiledPack Default => LazyDefault.Value;

    /// <summary>The ids of the shop's own rules.</summary>
    public static IReadOnlyList<string> OwnRuleIds { get; } = ["shop.vip-late-gift", "shop.cod-refused"];

    /// <summary>Builds the pack, letting <paramref name="customize"/> override parameters first (for what-if comparisons).</summary>
    public static CompiledPack Build(Action<PackBuilder>? customize = null)
    {
        var builder = CreateBuilder();
        customize?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The Standard pack's builder with the shop's name, parameters and rules.</summary>
    public static PackBuilder CreateBuilder()
    {
        var b = StandardPack.CreateBuilder()
            .Named(Name, Version)
            .Define(ShopParameters.VipGift)
            .Set(StandardParameters.Stance, Stance.Firm)
            .Set(CoreParameters.MaxGoodwillShareOfOrder, 0.15m);

        b.Rule("shop.vip-late-gift", (r, p) =>
        {
            var gift = Money.Max(p.Money(ShopParameters.VipGift), p.Money(CoreParameters.MinMeaningfulGift));
            var vipLifetimeValue = p.Get(StandardParameters.VipLifetimeValue);
            int vipOrders = p.Get(StandardParameters.VipOrders);
            r.Description("A VIP's late parcel gets a proper gift, not the small one: our regulars keep the shop going.")
                .Priority(105)
                .When(c => StandardFacts.IsLate(c.Order, c.Today) && c.Case?.Fault != Fault.Customer && StandardFacts.IsVip(c.Customer, vipLifetimeValue, vipOrders))
                .Compensate(OfferKind.GiftInParcel, $"A regular customer's order is late through no fault of theirs, so a gift worth {gift} goes into the parcel.", gift);
        });

        b.Rule("shop.cod-refused", r => r
            .Description("A cash-on-delivery parcel the customer refused came back: no goodwill on that order, and a supervisor decides whether the customer may still pay on delivery.")
            .Priority(320)
            .When(c => c.Order is { Payment: PaymentMethod.CashOnDelivery, Tracking: TrackingStatus.ReturnedToSender }
                && c.Case?.Fault is not (Fault.Shop or Fault.Carrier))
            .SuppressGoodwill()
            .Stop(StopKind.NoGoodwill, "The customer refused a cash-on-delivery parcel, so no goodwill is given on this order; legal remedies still apply.")
            .Escalate(EscalationTarget.Supervisor, EscalationPriority.Normal, "A cash-on-delivery parcel was refused, so a supervisor decides whether this customer may still pay on delivery."));

        return b;
    }
}
