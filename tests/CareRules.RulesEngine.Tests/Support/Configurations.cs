using CareRules.Evaluation;
using CareRules.Packs;
using CareRules.Authoring;

namespace CareRules.RulesEngine.Tests.Support;

/// <summary>
/// The Standard pack built twice per configuration — from C# (<see cref="StandardPack"/>) and from
/// <c>standard.json</c> (<see cref="WorkflowPack"/>) — with the same parameter overrides. Built once per test run.
/// </summary>
internal static class Configurations
{
    /// <summary>Each stance with every other default, plus non-default values that move every threshold of the pack, in English and in Polish.</summary>
    public static IReadOnlyList<(string Name, string[] Overrides)> All { get; } =
    [
        ("balanced (defaults)", []),
        ("generous", ["stance=generous"]),
        ("firm", ["stance=firm"]),
        ("generous, altered thresholds", [
            "stance=generous", "smallGift=5", "minMeaningfulGift=8", "nextOrderDiscountPercent=25", "freeShippingValue=12.5",
            "vipLifetimeValue=900", "vipOrders=4", "contactBoundary=3", "unfoundedComplaintLimit=1", "repeatIncidentLimit=2",
            "withdrawalPeriod=10", "refundDeadline=7", "complaintResponseDeadline=3", "carrierClaimMaxHold=5", "availabilityWait=7",
            "replySla=4h", "maxGoodwillShareOfOrder=0.5", "goodwillBudget90Days=150"]),
        ("firm, other hours and zone", ["stance=firm", "businessHours=Mon-Fri 09:00-17:00; Sat 10:00-14:00", "timeZone=Europe/London", "replySla=90m"]),
        ("balanced, Polish", ["language=pl"]),
        ("firm, Polish", ["stance=firm", "language=pl"]),
        ("generous, Polish, altered thresholds", [
            "language=pl", "stance=generous", "smallGift=5", "minMeaningfulGift=8", "nextOrderDiscountPercent=25", "freeShippingValue=12.5",
            "vipLifetimeValue=900", "vipOrders=4", "contactBoundary=3", "unfoundedComplaintLimit=1", "repeatIncidentLimit=2",
            "withdrawalPeriod=10", "refundDeadline=7", "complaintResponseDeadline=3", "carrierClaimMaxHold=5", "availabilityWait=7",
            "replySla=4h"]),
    ];

    private static readonly Lazy<(string Name, CompiledPack CSharp, CompiledPack Json)[]> LazyPairs = new(() =>
        [.. All.Select(c => (c.Name, Apply(StandardPack.CreateBuilder(), c.Overrides).Build(), Apply(WorkflowPack.CreateStandardBuilder(), c.Overrides).Build()))]);

    public static IReadOnlyList<(string Name, CompiledPack CSharp, CompiledPack Json)> Pairs => LazyPairs.Value;

    public static PackBuilder Apply(PackBuilder builder, IEnumerable<string> overrides)
    {
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=', StringComparison.Ordinal);
            builder.Set(o[..eq], o[(eq + 1)..]);
        }

        return builder;
    }
}
