using CareRules.Model;
using NodaTime;

namespace CareRules.Tests.Support;

/// <summary>Small builders of domain objects with defaults, for the engine's own tests.</summary>
internal static class Ctx
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 10, 0); // Monday, 11:00 in Warsaw

    public static Customer Customer(decimal goodwillGiven = 0m, decimal lifetimeValue = 500m, int orders = 3) =>
        new("C-1", new LocalDate(2024, 1, 1), orders, Money.Pln(lifetimeValue), goodwillLast90Days: Money.Pln(goodwillGiven));

    public static Order Order(decimal total = 200m, OrderStatus status = OrderStatus.Shipped) =>
        new("O-1", Now - Duration.FromDays(10), Money.Pln(total), status, shippedAt: Now - Duration.FromDays(9));

    public static CareCase Case(CaseKind kind = CaseKind.DeliveryDelay, CaseFlags flags = CaseFlags.None) =>
        new("K-1", Now - Duration.FromHours(2), kind, flags: flags);

    public static CareContext Context(decimal total = 200m, decimal goodwillGiven = 0m, CaseKind kind = CaseKind.DeliveryDelay, CaseFlags flags = CaseFlags.None, bool withOrder = true) =>
        new(Now, Customer(goodwillGiven), withOrder ? Order(total) : null, Case(kind, flags));
}
