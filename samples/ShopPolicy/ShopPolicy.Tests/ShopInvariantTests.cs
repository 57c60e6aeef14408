using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Packs;
using CareRules.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ShopPolicy.Tests;

/// <summary>
/// Invariants of the shop's pack over generated contexts (<see cref="CareArbitraries"/>): things that must hold for
/// every customer, order and case, not only the ones someone thought of. They evaluate the pack directly, not through
/// the coverage recorder, so that coverage does not depend on the random seed.
/// </summary>
public sealed class ShopInvariantTests
{
    private static readonly CompiledPack Standard = StandardPack.Default;

    /// <summary>
    /// No goodwill above 15% of the order (to the cent) — 30% when a VIP had an incident, since
    /// <c>escalate.vip-at-risk</c> doubles the cap — and no goodwill at all without an order.
    /// </summary>
    [Property(Arbitrary = [typeof(CareArbitraries)], MaxTest = 1000)]
    public Property NoGoodwillAbove15PercentOfTheOrder(CareContext context)
    {
        var verdict = Shop.Pack.Evaluate(context);
        decimal goodwill = verdict.GoodwillTotal.Amount;
        if (context.Order is not { } order)
        {
            return (goodwill == 0m).Label($"goodwill {verdict.GoodwillTotal} without an order");
        }

        decimal share = verdict.HasFired("escalate.vip-at-risk") ? 0.30m : 0.15m;
        decimal limit = decimal.Round(order.Total.Amount * share, 2, MidpointRounding.AwayFromZero);
        return (goodwill <= limit).Label($"goodwill {verdict.GoodwillTotal} above {share:P0} of {order.Total} ({limit}){Environment.NewLine}{VerdictText.Format(verdict)}");
    }

    /// <summary>Whatever the shop's stance and rules take away, it is goodwill: every legal remedy Standard owes, the shop owes too.</summary>
    [Property(Arbitrary = [typeof(CareArbitraries)], MaxTest = 1000)]
    public Property EveryLegalRemedyOfStandardIsKept(CareContext context)
    {
        var shop = Shop.Pack.Evaluate(context);
        var missing = Standard.Evaluate(context).Decisions
            .Where(d => d is { Type: DecisionType.Compensate, Legal: true })
            .Where(legal => !shop.Decisions.Any(d => d is { Type: DecisionType.Compensate, Legal: true } && d.Offer == legal.Offer && d.Value == legal.Value))
            .Select(VerdictText.Describe)
            .ToList();
        return (missing.Count == 0).Label($"the shop drops: {string.Join("; ", missing)}{Environment.NewLine}{VerdictText.Format(shop)}");
    }
}
