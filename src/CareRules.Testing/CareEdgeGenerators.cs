using CareRules.Model;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// FsCheck generators of valid care contexts built from edge values rather than realistic ones, for testing code that
/// stores, sends or round-trips contexts (case JSON readers and writers, mappers, database columns): ids that need
/// escaping in JSON (quotes, backslashes, non-ASCII, control characters, emoji), instants with sub-second parts down
/// to the nanosecond, counters up to <see cref="int.MaxValue"/> and amounts up to the quadrillions with two decimals.
/// Every object passes the model's validation: events in order, one currency, and in a context nothing (order, case,
/// reply) happens after <see cref="CareContext.Now"/>. For stating invariants of a pack with realistic
/// contexts, use <see cref="CareGenerators"/>; this class mirrors its members. Thread-safe.
/// </summary>
public static class CareEdgeGenerators
{
    private static readonly Instant Epoch = Instant.FromUtc(2020, 1, 1, 0, 0);

    private static readonly Gen<string> SpecialIds = Gen.Elements(
        "C-1", "O-\"quoted\"", "\"", "back\\slash", "\\u0041", "zażółć-gęślą", "tab\there", "line\nbreak\r\n",
        "nul\u0000", "\u0001\u001f\u007f", "line\u2028separator", "emoji-😀", "👍🏽", "<html>&'", " padded ", "/slash/");

    private static readonly Gen<string> IdPieces = Gen.Elements(
        "a", "Z", "7", "-", "_", ".", " ", "\"", "\\", "/", "'", "<", ">", "&", "+", "ż", "Ł", "€", "中", "😀",
        "\t", "\n", "\r", "\b", "\f", "\u0000", "\u001f", "\u007f", "\u00a0", "\u2028", "\ufeff");

    private static readonly Gen<string> MixedIds =
        (from length in Gen.Choose(1, 12)
         from pieces in Gen.ArrayOf(IdPieces, length)
         select string.Concat(pieces)).Where(id => !string.IsNullOrWhiteSpace(id));

    /// <summary>
    /// Ids that need escaping in JSON: a fixed set (quotes, backslashes, Polish letters, tab and line breaks, NUL
    /// and other control characters, U+2028, emoji, HTML characters) and random mixes of such characters, beside
    /// plain ids such as <c>K-123</c>. Never empty nor only white space (the model requires text); never a lone
    /// surrogate (emoji are whole surrogate pairs), so every id is valid UTF-16 and encodes to UTF-8.
    /// </summary>
    public static Gen<string> Ids() => Gen.Frequency(
        (2, Gen.Choose(1, 99_999).Select(n => "K-" + n)),
        (2, SpecialIds),
        (3, MixedIds));

    /// <summary>
    /// Instants from 2020 to about 2026, about 30% of them with a fractional second: any nanosecond, or a whole
    /// millisecond or microsecond, or the extremes 1 ns and 999 999 999 ns.
    /// </summary>
    public static Gen<Instant> Instants() =>
        from seconds in Gen.Choose(0, 200_000_000)
        from fraction in Fractions
        select Epoch + Duration.FromSeconds(seconds) + fraction;

    /// <summary>Counters: mostly 0 to 20, then any value up to <see cref="int.MaxValue"/>, and the extremes 0 and <see cref="int.MaxValue"/>.</summary>
    public static Gen<int> Counts() => Gen.Frequency(
        (4, Gen.Choose(0, 20)),
        (1, Gen.Choose(0, int.MaxValue)),
        (1, Gen.Elements(0, 1, int.MaxValue - 1, int.MaxValue)));

    /// <summary>
    /// Non-negative amounts in <paramref name="currency"/> with at most two decimals (what case JSON accepts): small,
    /// up to 21 474 836.47, up to about 2.1 quadrillion, and fixed values (0, 0.01, 0.1, 20.50 with its trailing
    /// zero, 9 999 999 999 999 999.99).
    /// </summary>
    public static Gen<Money> Amounts(Currency currency) =>
        Gen.Frequency(
            (2, Gen.Choose(0, 100_000).Select(cents => cents / 100m)),
            (1, Gen.Choose(0, int.MaxValue).Select(cents => cents / 100m)),
            (1, from millions in Gen.Choose(0, int.MaxValue)
                from units in Gen.Choose(0, 999_999)
                from cents in Gen.Choose(0, 99)
                select (millions * 1_000_000m) + units + (cents / 100m)),
            (1, Gen.Elements(0m, 0.01m, 0.1m, 349.99m, 4200m, 20.50m, 9_999_999_999_999_999.99m)))
        .Select(amount => new Money(amount, currency));

    /// <summary>Customers with edge ids, counters and amounts, a first purchase between 2000 and 2030.</summary>
    public static Gen<Customer> Customers(Currency currency) =>
        from id in Ids()
        from since in Dates
        from orders in Counts()
        from ltv in Amounts(currency)
        from contacts in Counts()
        from incidents in Counts()
        from unfounded in Counts()
        from goodwill in Amounts(currency)
        select new Customer(id, since, orders, ltv, contacts, incidents, unfounded, goodwill);

    /// <summary>
    /// Orders placed up to about 60 days before <paramref name="now"/> (or at it), in every status, payment and
    /// tracking state, with or without a promise and backorder date. Shipping and delivery instants are in order and
    /// never after <paramref name="now"/> (equal instants occur); a <c>delivered</c> order has a delivery instant, and
    /// other statuses sometimes have one too, as the model allows.
    /// </summary>
    public static Gen<Order> Orders(Instant now, Currency currency) =>
        from id in Ids()
        from placedAgo in Delays
        from total in Amounts(currency)
        from status in Gen.Elements(Enum.GetValues<OrderStatus>())
        from payment in Gen.Elements(Enum.GetValues<PaymentMethod>())
        from promised in Dates.OrNullable()
        from shipDelay in Delays.OrNullable()
        from deliveryDelay in Delays.OrNullable()
        from notified in Gen.Elements(true, false)
        from tracking in Gen.Elements(Enum.GetValues<TrackingStatus>())
        from informed in Gen.Elements(true, false)
        from exempt in Gen.Elements(true, false)
        from backorder in Dates.OrNullable()
        let placed = now - placedAgo
        let shipped = shipDelay is { } s ? Min(placed + s, now) : (Instant?)null
        let delivered = deliveryDelay is { } d ? Min((shipped ?? placed) + d, now) : status == OrderStatus.Delivered ? shipped ?? placed : (Instant?)null
        select new Order(id, placed, total, status, payment, promised, shipped, delivered, notified, tracking, informed, exempt, backorder);

    /// <summary>
    /// Cases opened up to about 60 days before <paramref name="now"/> (or at it), of every kind, channel, fault, claim
    /// state and combination of flags and requests, with an edge id; a first reply, when there is one, is not before
    /// the opening nor after <paramref name="now"/>.
    /// </summary>
    public static Gen<CareCase> Cases(Instant now) =>
        from id in Ids()
        from openedAgo in Delays
        from kind in Gen.Elements(Enum.GetValues<CaseKind>())
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from fault in Gen.Elements(Enum.GetValues<Fault>())
        from replyDelay in Delays.OrNullable()
        from flags in Gen.Choose(0, 31)
        from claim in Gen.Elements(Enum.GetValues<CarrierClaimState>())
        from requests in Gen.Choose(0, 15)
        let opened = now - openedAgo
        let reply = replyDelay is { } r ? Min(opened + r, now) : (Instant?)null
        select new CareCase(id, opened, kind, channel, fault, reply, (CaseFlags)flags, claim, (CustomerRequests)requests);

    /// <summary>
    /// Valid contexts of edge values in the given currency (default PLN): <see cref="Instants"/> for now, half of them
    /// with an order, half with a case.
    /// </summary>
    public static Gen<CareContext> Contexts(Currency? currency = null)
    {
        var cur = currency ?? Currency.Pln;
        return from now in Instants()
               from customer in Customers(cur)
               from order in Orders(now, cur).OrNullHalf()
               from @case in Cases(now).OrNullHalf()
               select new CareContext(now, customer, order, @case);
    }

    /// <summary>An arbitrary of <see cref="Contexts"/> (no shrinking: a context is printed as it was generated).</summary>
    public static Arbitrary<CareContext> ContextArbitrary(Currency? currency = null) => Contexts(currency).ToArbitrary();

    /// <summary>Sub-second parts: none (about 70%), any nanosecond, whole milliseconds or microseconds, 1 ns or 999 999 999 ns.</summary>
    private static Gen<Duration> Fractions { get; } = Gen.Frequency(
        (12, Gen.Constant(Duration.Zero)),
        (2, Gen.Choose(0, 999_999_999).Select(ns => Duration.FromNanoseconds(ns))),
        (1, Gen.Choose(0, 999).Select(ms => Duration.FromMilliseconds(ms))),
        (1, Gen.Choose(0, 999_999).Select(us => Duration.FromNanoseconds(us * 1_000L))),
        (1, Gen.Elements(Duration.FromNanoseconds(1), Duration.FromNanoseconds(999_999_999))));

    /// <summary>Non-negative durations up to about 58 days with <see cref="Fractions"/>; zero one time in eight.</summary>
    private static Gen<Duration> Delays { get; } = Gen.Frequency(
        (1, Gen.Constant(Duration.Zero)),
        (7, from seconds in Gen.Choose(0, 5_000_000)
            from fraction in Fractions
            select Duration.FromSeconds(seconds) + fraction));

    /// <summary>Local dates between 2000 and 2030.</summary>
    private static Gen<LocalDate> Dates { get; } = Gen.Choose(0, 11_000).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    private static Gen<T?> OrNullable<T>(this Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant((T?)null)), (2, gen.Select(v => (T?)v)));

    private static Gen<T?> OrNullHalf<T>(this Gen<T> gen)
        where T : class => Gen.Frequency((1, Gen.Constant((T?)null)), (1, gen.Select(v => (T?)v)));

    private static Instant Min(Instant a, Instant b) => a <= b ? a : b;
}

