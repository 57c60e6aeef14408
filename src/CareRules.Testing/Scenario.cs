using CareRules.Evaluation;
using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// Builds a <see cref="CareContext"/> for a test in a few readable lines: a fixed instant, a customer, an optional
/// order and case with quiet defaults, a <see cref="Clock"/> stopped at that instant, and time helpers in the shop's
/// zone ("opened 3 days ago", "delivered 14 days ago in Warsaw") and on its business calendar ("opened 3 business
/// days ago"). Immutable: every method returns a new scenario, so a base scenario can be shared.
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

    /// <summary>
    /// One business day for <see cref="BusinessDaysAgo"/>: 8 business hours, the catalog's convention ("replySla: 1
    /// business day, measured in business hours").
    /// </summary>
    public static readonly Duration BusinessDay = Duration.FromHours(8);

    private Scenario(Instant now, DateTimeZone zone, Currency currency)
    {
        Now = now;
        Zone = zone;
        Currency = currency;
        Calendar = zone.Id == BusinessCalendar.Poland.Zone.Id
            ? BusinessCalendar.Poland
            : new BusinessCalendar(zone, WeeklyHours.Default, PolishPublicHolidays.Instance);
    }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; private init; }

    /// <summary>The shop's time zone for the local-time helpers (default Europe/Warsaw).</summary>
    public DateTimeZone Zone { get; private init; }

    /// <summary>The currency of every amount (default PLN).</summary>
    public Currency Currency { get; private init; }

    /// <summary>
    /// The business calendar of the business-time helpers: by default the Standard pack's (Mon–Fri 08:00–16:00 and
    /// Polish public holidays) in <see cref="Zone"/>; <see cref="For"/> takes a pack's.
    /// </summary>
    public BusinessCalendar Calendar { get; private init; }

    /// <summary>A clock stopped at <see cref="Now"/>, for code under test that reads an <see cref="IClock"/>.</summary>
    public IClock Clock => new FixedClock(Now);

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

    /// <summary>
    /// The scenario as the pack sees it: its time zone, business calendar and currency. <see cref="Now"/> and the
    /// instants already set stay as they are; later local-time helpers use the pack's zone.
    /// </summary>
    public Scenario For(CompiledPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return this with { Zone = pack.Calendar.Zone, Calendar = pack.Calendar, Currency = pack.Parameters.Currency };
    }

    /// <summary>The same scenario with another business calendar (and its time zone) for the business-time helpers.</summary>
    public Scenario WithCalendar(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return this with { Zone = calendar.Zone, Calendar = calendar };
    }

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

    /// <summary>
    /// The order is late: promised <paramref name="days"/> local days before today and still on its way (a delivered
    /// or returned order becomes shipped, delivered tracking becomes in transit). The order is placed at least 3 days
    /// before the promise.
    /// </summary>
    public Scenario LateBy(int days) => Order(o =>
    {
        var placedLatest = DaysAgo(days + 3);
        var placed = o.PlacedAt is { } p && p <= placedLatest ? p : placedLatest;
        bool delivered = o.Status is OrderStatus.Delivered or OrderStatus.Returned;
        return o with
        {
            PromisedBy = Today.PlusDays(-days),
            NoPromise = false,
            PlacedAt = placed,
            ShippedAt = o.ShippedAt is { } s && s >= placed && s <= Now ? s : null,
            DeliveredAt = null,
            Status = delivered ? OrderStatus.Shipped : o.Status,
            Tracking = o.Tracking == TrackingStatus.Delivered ? TrackingStatus.InTransit : o.Tracking,
        };
    });

    /// <summary>The case was opened at <paramref name="openedAt"/> (creating the default case if there was none).</summary>
    public Scenario Opened(Instant openedAt) => Case(k => k with { OpenedAt = openedAt });

    /// <summary>The case was opened <paramref name="days"/> local calendar days ago, at the same local time as now.</summary>
    public Scenario OpenedDaysAgo(int days) => Opened(DaysAgo(days));

    /// <summary>
    /// The case was opened <paramref name="days"/> business days ago (see <see cref="BusinessDaysAgo"/>): with
    /// <c>replySla</c> at one business day, an unanswered case <c>OpenedBusinessDaysAgo(1)</c> is exactly on the SLA deadline.
    /// </summary>
    public Scenario OpenedBusinessDaysAgo(int days) => Opened(BusinessDaysAgo(days));

    /// <summary>
    /// The instant <paramref name="days"/> business days before now: <paramref name="days"/> × <see cref="BusinessDay"/>
    /// (8 h) of business time counted back on <see cref="Calendar"/>, skipping nights, weekends and holidays — so
    /// Monday 10:00 minus 3 business days is the Wednesday before at 10:00. Measured the way the reply SLA is, so a
    /// case opened <c>BusinessDaysAgo(1)</c> has waited exactly one business day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public Instant BusinessDaysAgo(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Calendar.SubtractBusinessTime(Now, BusinessDay * days);
    }

    /// <summary>The instant <paramref name="hours"/> business hours before now (rounded to the minute), on <see cref="Calendar"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is negative.</exception>
    public Instant BusinessHoursAgo(double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        return Calendar.SubtractBusinessTime(Now, Duration.FromMinutes((long)Math.Round(hours * 60)));
    }

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
