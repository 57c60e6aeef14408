using CareRules.Model;
using CareRules.Testing;

namespace CareRules.DependencyInjection.Tests.Support;

/// <summary>Contexts whose verdicts depend on the parameters that the tests change.</summary>
public static class Cases
{
    /// <summary>
    /// A late order (promised three days ago, still in transit) with a damaged-packaging case: <c>smallGift</c> sets
    /// the gift of <c>delay.gift</c>, and <c>stance</c> decides the extra goodwill of <c>damage.packaging-apology</c>.
    /// </summary>
    public static CareContext LateDamagedParcel(string caseId = "K-1")
    {
        var scenario = Scenario.AtLocal(2026, 11, 23, 10, 0);
        return scenario
            .Order(o => o with { Total = 400m, PlacedAt = scenario.DaysAgo(7), PromisedBy = new NodaTime.LocalDate(2026, 11, 20) })
            .Case(k => k with { Id = caseId, Kind = CaseKind.DamagedPackaging, Fault = Fault.Shop })
            .Build();
    }
}
