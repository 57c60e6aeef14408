using CareRules.Model;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// Builds a <see cref="CareContext"/> for a test in a few readable lines: a fixed instant, a customer, an optional
/// order and case with quiet defaults, and time helpers in the shop's zone ("opened 3 days ago", "delivered
/// 14 days ago in Warsaw"). Immutable: every method returns a new scenario, so a base scenario can be shared.
/// </summary>
/// <example>
/// <code>
/// var ctx = Scenario.AtLocal(2026, 11, 23, 10, 0)
///     .Delivered(daysAgo: 14)
///     .Case(k => k with { Kind = CaseKind.Withdrawal })
///     .Build();
/// </code>
/// </example>
public sealed record Scenario
{
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];

    private Scenario(Instant now, DateTimeZone zone, Currency currency)
    {
        Now = now;
        Zone = zone;
        Currency = currency;
    }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; private init; }

    /// <summary>The shop's time zone for the local-time helpers (default Europe/Warsaw).</summary>
    public DateTimeZone Zone { get; private init; }

    /// <summary>The currency of every amount (default PLN).</summary>
    public Currency Currency { get; private init; }

    /// <summary>The customer.</summary>
    public CustomerSpec CustomerSpec { get; private init; } = new();

    /// <summary>The order, or null for a context without one.</summary>
    public OrderSpec? OrderSpec { get; private init; } = new();

    /// <summary>The case, or null for a proactive evaluation without one.</summary>
    public CaseSpec? CaseSpec { get; private init; } = new();

    /// <summary>The shop's local date at <see cref="Now"/>.</summary>
    public LocalDate Today => Now.InZone(Zone).Date;

    /// <summary>A scenario at a UTC instant.</summary>
    public static Scenario At(Instant now, DateTimeZone? zone = null, Currency? currency = null) =>
        new(now, zone ?? Warsaw, currency ?? Currency.Pln);

    /// <summary>A scenario at a local wall-clock time in the shop's zone (default Europe/Warsaw).</summary>
    public static Scenario AtLocal(int year, int month, int day, int hour = 12, int minute = 0, DateTimeZone? zone = null)
    {
        var z = zone ?? Warsaw;
        return At(new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(z).ToInstant(), z);
    }

    /// <summary>The same scenario at another instant (the order and case instants already set stay as they are).</summary>
    public Scenario AtInstant(Instant now) => this with { Now = now };

    /// <summary>Changes the customer.</summary>
    public Scenario Customer(Func<CustomerSpec, CustomerSpec> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { CustomerSpec = change(CustomerSpec) };
    }

    /// <summary>Changes the order (creating the default one if the scenario had none).</summary>
    public Scenario Order(Func<OrderSpec, OrderSpec> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { OrderSpec = change(OrderSpec ?? new OrderSpec()) };
    }

    /// <summary>Changes the case (creating the default one if the scenario had none).</summary>
    public Scenario Case(Func<CaseSpec, CaseSpec> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { CaseSpec = change(CaseSpec ?? new CaseSpec()) };
    }

    /// <summary>No order in the context.</summary>
    public Scenario WithoutOrder() => this with { OrderSpec = null };

    /// <summary>No case in the context (a proactive evaluation on order state alone).</summary>
    public Scenario WithoutCase() => this with { CaseSpec = null };

    /// <summary>A VIP customer (lifetime value 5000, 12 orders).</summary>
    public Scenario Vip() => Customer(c => c with { LifetimeValue = 5000m, Orders = 12 });

    /// <summary>The order was delivered <paramref name="daysAgo"/> local calendar days ago, at the same local time as now.</summary>
    public Scenario Delivered(int daysAgo) => Order(o =>
    {
        var delivered = DaysAgo(daysAgo);
        var placed = o.PlacedAt is { } p && p <= delivered ? p : delivered - Duration.FromDays(2);
        return o with
        {
            Status = OrderStatus.Delivered,
            Tracking = TrackingStatus.Delivered,
            PlacedAt = placed,
            ShippedAt = o.ShippedAt is { } s && s <= delivered && s >= placed ? s : placed,
            DeliveredAt = delivered,
            PromisedBy = o.PromisedBy ?? placed.InZone(Zone).Date.PlusDays(3),
        };
    });

    /// <summary>The instant <paramref name="days"/> local calendar days before now, at the same local time (DST-correct).</summary>
    public Instant DaysAgo(int days) => Now.InZone(Zone).LocalDateTime.PlusDays(-days).InZoneLeniently(Zone).ToInstant();

    /// <summary>The instant a number of hours before now.</summary>
    public Instant HoursAgo(double hours) => Now - Duration.FromMinutes((long)Math.Round(hours * 60));

    /// <summary>The instant at a local wall-clock time in the shop's zone.</summary>
    public Instant Local(int year, int month, int day, int hour = 12, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(Zone).ToInstant();

    /// <summary>Builds the context; the model validates it (a <see cref="CareRulesValidationException"/> names every invalid field).</summary>
    public CareContext Build()
    {
        var c = CustomerSpec;
        var customer = new Customer(c.Id, c.Since, c.Orders, new Money(c.LifetimeValue, Currency), c.ContactsLast7Days, c.IncidentsLast90Days, c.UnfoundedComplaintsLast90Days, new Money(c.GoodwillLast90Days, Currency));
        Order? order = null;
        if (OrderSpec is { } o)
        {
            var placed = o.PlacedAt ?? Now - Duration.FromDays(2);
            bool shipped = o.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned;
            var shippedAt = o.ShippedAt ?? (shipped ? Min(placed + Duration.FromDays(1), Now) : null);
            order = new Order(o.Id, placed, new Money(o.Total, Currency), o.Status, o.Payment, o.NoPromise ? null : o.PromisedBy ?? Today.PlusDays(3), shippedAt, o.DeliveredAt, o.DelayNotified, o.Tracking, o.WithdrawalInformed, o.WithdrawalExempt, o.BackorderUntil);
        }

        CareCase? @case = null;
        if (CaseSpec is { } k)
        {
            var opened = k.OpenedAt ?? Now - Duration.FromHours(1);
            @case = new CareCase(k.Id, opened, k.Kind, k.Channel, k.Fault, k.Unanswered ? null : k.FirstReplyAt ?? opened, k.Flags, k.CarrierClaim, k.Requests);
        }

        return new CareContext(Now, customer, order, @case);
    }

    private static Instant Min(Instant a, Instant b) => a <= b ? a : b;
}
