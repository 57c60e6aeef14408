using CareRules.Model;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CareRules.Tests.Generators;

/// <summary>
/// FsCheck generators of valid domain objects, in one place for every test that needs them. Every generated object
/// satisfies the model's invariants (order of events, one currency, case opened before now).
/// </summary>
public static class DomainGen
{
    private static readonly Instant Epoch = Instant.FromUtc(2020, 1, 1, 0, 0);

    /// <summary>Ids, including ones that need escaping in JSON (quotes, backslashes, non-ASCII, control characters).</summary>
    public static Gen<string> Ids { get; } = Gen.OneOf(
        Gen.Choose(1, 99999).Select(n => "K-" + n),
        Gen.Elements("C-1", "O-\"quoted\"", "back\\slash", "zażółć-gęślą", "tab\there", "emoji-😀", "<html>&'"));

    /// <summary>Instants between 2020 and about 2026, some with fractional seconds down to the nanosecond.</summary>
    public static Gen<Instant> Instants { get; } =
        from seconds in Gen.Choose(0, 200_000_000)
        from nanos in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 999_999_999)))
        select Epoch + Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanos);

    /// <summary>A non-negative duration up to about 60 days, to keep events in order.</summary>
    public static Gen<Duration> Delays { get; } =
        from seconds in Gen.Choose(0, 5_000_000)
        from nanos in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 999_999_999)))
        select Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanos);

    /// <summary>Local dates between 2000 and 2030.</summary>
    public static Gen<LocalDate> Dates { get; } = Gen.Choose(0, 11_000).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    /// <summary>Non-negative PLN amounts with at most two decimals, small and large.</summary>
    public static Gen<Money> PlnAmounts { get; } = Gen.OneOf(
        Gen.Choose(0, 100_000).Select(c => Money.Pln(c / 100m)),
        Gen.Choose(0, int.MaxValue).Select(c => Money.Pln(c / 100m)),
        Gen.Elements(0m, 0.1m, 349.99m, 4200m, 20.50m).Select(Money.Pln));

    /// <summary>Counters.</summary>
    public static Gen<int> Counts { get; } = Gen.Frequency((4, Gen.Choose(0, 20)), (1, Gen.Choose(0, int.MaxValue)));

    /// <summary>Customers in PLN.</summary>
    public static Gen<Customer> Customers { get; } =
        from id in Ids
        from since in Dates
        from orders in Counts
        from ltv in PlnAmounts
        from contacts in Counts
        from incidents in Counts
        from unfounded in Counts
        from goodwill in PlnAmounts
        select new Customer(id, since, orders, ltv, contacts, incidents, unfounded, goodwill);

    /// <summary>Orders in PLN with events in order (placed ≤ shipped ≤ delivered; delivered status has a delivery instant).</summary>
    public static Gen<Order> Orders { get; } =
        from id in Ids
        from placed in Instants
        from total in PlnAmounts
        from status in Gen.Elements(Enum.GetValues<OrderStatus>())
        from payment in Gen.Elements(Enum.GetValues<PaymentMethod>())
        from promised in Dates.OrNullable()
        from shipDelay in Delays.OrNullable()
        from deliverDelay in Delays.OrNullable()
        from notified in Gen.Elements(true, false)
        from tracking in Gen.Elements(Enum.GetValues<TrackingStatus>())
        from informed in Gen.Elements(true, false)
        from exempt in Gen.Elements(true, false)
        from backorder in Dates.OrNullable()
        let shipped = shipDelay is { } s ? placed + s : (Instant?)null
        let delivered = deliverDelay is { } d ? (shipped ?? placed) + d : status == OrderStatus.Delivered ? shipped ?? placed : (Instant?)null
        select new Order(id, placed, total, status, payment, promised, shipped, delivered, notified, tracking, informed, exempt, backorder);

    /// <summary>Cases opened at <paramref name="openedAt"/> (so that the caller keeps them before now).</summary>
    public static Gen<CareCase> CaseOpenedAt(Instant openedAt) =>
        from id in Ids
        from kind in Gen.Elements(Enum.GetValues<CaseKind>())
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from fault in Gen.Elements(Enum.GetValues<Fault>())
        from replyDelay in Delays.OrNullable()
        from flags in Gen.Choose(0, 31)
        from claim in Gen.Elements(Enum.GetValues<CarrierClaimState>())
        from requests in Gen.Choose(0, 15)
        select new CareCase(id, openedAt, kind, channel, fault, replyDelay is { } r ? openedAt + r : null, (CaseFlags)flags, claim, (CustomerRequests)requests);

    /// <summary>Valid contexts: with or without an order, with or without a case opened before now.</summary>
    public static Gen<CareContext> Contexts { get; } =
        from now in Instants
        from customer in Customers
        from hasOrder in Gen.Elements(true, false)
        from order in Orders
        from hasCase in Gen.Elements(true, false)
        from openedBefore in Delays
        from @case in CaseOpenedAt(now - openedBefore)
        select new CareContext(now, customer, hasOrder ? order : null, hasCase ? @case : null);

    private static Gen<T?> OrNullable<T>(this Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant((T?)null)), (2, gen.Select(v => (T?)v)));
}

/// <summary>Arbitraries for <c>[Property(Arbitrary = new[] { typeof(DomainArbitraries) })]</c>.</summary>
public static class DomainArbitraries
{
    /// <summary>Valid contexts.</summary>
    public static Arbitrary<CareContext> CareContext() => DomainGen.Contexts.ToArbitrary();
}
