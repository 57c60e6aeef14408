using CareRules.Model;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// FsCheck generators of valid care contexts (every object passes the model's validation), for stating invariants
/// of a pack: "no goodwill above 15% of the order", "a legal remedy is never dropped". Instants spread over
/// 2025–2027 so that weekends, Polish holidays and both DST changes are exercised. Ids are plain and instants whole
/// minutes; for edge values (ids that need JSON escaping, nanoseconds, huge counters and amounts) use
/// <see cref="CareEdgeGenerators"/>. Thread-safe.
/// </summary>
public static class CareGenerators
{
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 0, 0);
    private const int SpanMinutes = 3 * 365 * 24 * 60;

    /// <summary>Any valid context in the given currency (default PLN): about 85% with an order, 85% with a case.</summary>
    public static Gen<CareContext> Contexts(Currency? currency = null)
    {
        var cur = currency ?? Currency.Pln;
        return from now in Instants(Start, SpanMinutes)
               from customer in Customers(cur)
               from hasOrder in Gen.Frequency((85, Gen.Constant(true)), (15, Gen.Constant(false)))
               from order in hasOrder ? Orders(now, cur).Select(o => (Order?)o) : Gen.Constant<Order?>(null)
               from hasCase in Gen.Frequency((85, Gen.Constant(true)), (15, Gen.Constant(false)))
               from @case in hasCase ? Cases(now).Select(c => (CareCase?)c) : Gen.Constant<CareCase?>(null)
               select new CareContext(now, customer, order, @case);
    }

    /// <summary>An arbitrary of <see cref="Contexts"/> (no shrinking: a context is printed as it was generated).</summary>
    public static Arbitrary<CareContext> ContextArbitrary(Currency? currency = null) => Contexts(currency).ToArbitrary();

    /// <summary>
    /// <paramref name="count"/> valid contexts in PLN, the same ones for the same <paramref name="seed"/> (with this kit's
    /// version): a fixed set of cases for what-if comparisons (<see cref="PackDiff"/>) and examples. Unlike FsCheck's
    /// <c>Sample(n, Rnd, size)</c>, the arguments are named for what they are.
    /// </summary>
    /// <example><c>PackDiff.Compare(current, candidate, CareGenerators.Sample(count: 1000, seed: 2026))</c></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<CareContext> Sample(int count, int seed) => Sample(Contexts(), count, seed);

    /// <summary><paramref name="count"/> valid contexts in <paramref name="currency"/>, the same ones for the same <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<CareContext> Sample(int count, int seed, Currency currency) => Sample(Contexts(currency), count, seed);

    /// <summary>
    /// <paramref name="count"/> values of any generator, the same ones for the same <paramref name="seed"/> (FsCheck's
    /// <c>Sample</c> with a fixed seed and size 50).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<T> Sample<T>(Gen<T> generator, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. generator.Sample(count, new Rnd(unchecked((ulong)seed)), SampleSize)];
    }

    private const int SampleSize = 50;

    /// <summary>Customers from first-time buyers to VIPs, with contact, incident, complaint and goodwill history.</summary>
    public static Gen<Customer> Customers(Currency currency) =>
        from id in Gen.Choose(1, 99_999)
        from sinceDays in Gen.Choose(0, 3650)
        from orders in Gen.Frequency((6, Gen.Choose(0, 9)), (3, Gen.Choose(10, 40)), (1, Gen.Elements(9, 10, 11)))
        from ltv in Gen.Frequency((6, Amounts(0, 1999_99)), (3, Amounts(2000_00, 8000_00)), (1, Gen.Elements(1999.99m, 2000m, 2000.01m)))
        from contacts in Gen.Frequency((6, Gen.Choose(0, 3)), (4, Gen.Choose(4, 9)))
        from incidents in Gen.Choose(0, 5)
        from unfounded in Gen.Choose(0, 5)
        from goodwill in Gen.Frequency((5, Gen.Constant(0m)), (4, Amounts(0, 280_00)), (2, Amounts(280_00, 400_00)))
        select new Customer(
            "C-" + id,
            new LocalDate(2026, 1, 1).PlusDays(-sinceDays),
            orders,
            new Money(ltv, currency),
            contacts,
            incidents,
            unfounded,
            new Money(goodwill, currency));

    /// <summary>Orders placed up to 60 days before <paramref name="now"/>, in every status, consistent in their instants.</summary>
    public static Gen<Order> Orders(Instant now, Currency currency) =>
        from id in Gen.Choose(1, 99_999)
        from placedAgo in Gen.Choose(0, 60 * 24 * 60)
        from total in Gen.Frequency((2, Amounts(5_00, 60_00)), (6, Amounts(60_00, 800_00)), (2, Amounts(800_00, 5000_00)))
        from status in Gen.Elements(Enum.GetValues<OrderStatus>())
        from payment in Gen.Elements(Enum.GetValues<PaymentMethod>())
        from promisedDays in Gen.Choose(1, 10)
        from hasPromise in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from shipDelay in Gen.Choose(0, 4 * 24 * 60)
        from deliveryDelay in Gen.Choose(0, 20 * 24 * 60)
        from delayNotified in Gen.Elements(false, true)
        from tracking in Gen.Elements(Enum.GetValues<TrackingStatus>())
        from informed in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from exempt in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
        from backorder in Gen.Frequency((8, Gen.Constant(-1)), (2, Gen.Choose(0, 40)))
        select MakeOrder(now, currency, id, placedAgo, total, status, payment, hasPromise ? promisedDays : -1, shipDelay, deliveryDelay, delayNotified, tracking, informed, exempt, backorder);

    /// <summary>Cases opened up to 30 days before <paramref name="now"/>, of every kind, channel, fault, flag and request.</summary>
    public static Gen<CareCase> Cases(Instant now) =>
        from id in Gen.Choose(1, 99_999)
        from openedAgo in Gen.Frequency((5, Gen.Choose(0, 3 * 24 * 60)), (5, Gen.Choose(0, 30 * 24 * 60)))
        from kind in Gen.Elements(Enum.GetValues<CaseKind>())
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from fault in Gen.Elements(Enum.GetValues<Fault>())
        from replied in Gen.Elements(false, true)
        from replyAfter in Gen.Choose(0, 3 * 24 * 60)
        from flags in Gen.Choose(0, 31).Select(f => (CaseFlags)f)
        from flagsUsed in Gen.Frequency((1, Gen.Constant(true)), (1, Gen.Constant(false)))
        from claim in Gen.Elements(Enum.GetValues<CarrierClaimState>())
        from requests in Gen.Choose(0, 15).Select(r => (CustomerRequests)r)
        select MakeCase(now, id, openedAgo, kind, channel, fault, replied ? replyAfter : -1, flagsUsed ? flags : CaseFlags.None, claim, requests);

    private static Gen<Instant> Instants(Instant from, int spanMinutes) =>
        Gen.Choose(0, spanMinutes).Select(m => from + Duration.FromMinutes(m));

    private static Gen<decimal> Amounts(int fromCents, int toCents) => Gen.Choose(fromCents, toCents).Select(c => c / 100m);

    private static Order MakeOrder(Instant now, Currency currency, int id, int placedAgo, decimal total, OrderStatus status, PaymentMethod payment, int promisedDays, int shipDelay, int deliveryDelay, bool delayNotified, TrackingStatus tracking, bool informed, bool exempt, int backorderDays)
    {
        var placedAt = now - Duration.FromMinutes(placedAgo);
        var placedDate = placedAt.InUtc().Date;
        bool shipped = status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned;
        bool delivered = status is OrderStatus.Delivered or OrderStatus.Returned;
        Instant? shippedAt = shipped ? Min(placedAt + Duration.FromMinutes(shipDelay), now) : null;
        Instant? deliveredAt = delivered ? Min(shippedAt!.Value + Duration.FromMinutes(deliveryDelay), now) : null;
        return new Order(
            "O-" + id,
            placedAt,
            new Money(total, currency),
            status,
            payment,
            promisedDays < 0 ? null : placedDate.PlusDays(promisedDays),
            shippedAt,
            deliveredAt,
            delayNotified,
            tracking,
            informed,
            exempt,
            backorderDays < 0 ? null : placedDate.PlusDays(backorderDays));
    }

    private static CareCase MakeCase(Instant now, int id, int openedAgo, CaseKind kind, ContactChannel channel, Fault fault, int replyAfter, CaseFlags flags, CarrierClaimState claim, CustomerRequests requests)
    {
        var openedAt = now - Duration.FromMinutes(openedAgo);
        Instant? reply = replyAfter < 0 ? null : Min(openedAt + Duration.FromMinutes(replyAfter), now);
        return new CareCase("K-" + id, openedAt, kind, channel, fault, reply, flags, claim, requests);
    }

    private static Instant Min(Instant a, Instant b) => a <= b ? a : b;
}
