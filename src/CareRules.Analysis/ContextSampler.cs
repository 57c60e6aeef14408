using CareRules.Model;
using CareRules.Time;
using NodaTime;

namespace CareRules.Analysis;

/// <summary>
/// Fast generator of valid contexts for the search: the distributions of <c>CareGenerators</c> (instants over
/// 2025–2027, orders placed up to 60 days back, cases opened up to 30 days back, every enum value), with each number
/// drawn a third of the time from the clause boundaries (<see cref="Boundaries"/>) and dates placed at the day offsets
/// the pack's parameters name, either side of today. Ids are fixed (<c>C-1</c>, <c>O-1</c>, <c>K-1</c>): no rule reads them,
/// and the testing kit's generators vary them. Every context passes the model's validation. One per thread.
/// </summary>
internal sealed class ContextSampler(Boundaries boundaries, BusinessCalendar calendar, Currency currency, int seed)
{
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 0, 0);
    private const int SpanMinutes = 3 * 365 * 24 * 60;
    private static readonly OrderStatus[] Statuses = Enum.GetValues<OrderStatus>();
    private static readonly PaymentMethod[] Payments = Enum.GetValues<PaymentMethod>();
    private static readonly TrackingStatus[] Trackings = Enum.GetValues<TrackingStatus>();
    private static readonly CaseKind[] Kinds = Enum.GetValues<CaseKind>();
    private static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();
    private static readonly Fault[] Faults = Enum.GetValues<Fault>();
    private static readonly CarrierClaimState[] Claims = Enum.GetValues<CarrierClaimState>();

    private readonly Random _r = new(seed);

    public CareContext Next()
    {
        var now = Start + Duration.FromMinutes(_r.Next(SpanMinutes));
        var today = calendar.LocalDate(now);
        var customer = new Customer(
            "C-1",
            today.PlusDays(-_r.Next(0, 3650)),
            Int("Customer.Orders", 0, 40),
            new Money(Amount("Customer.LifetimeValue.Amount", 8000_00), currency),
            Int("Customer.ContactsLast7Days", 0, 9),
            Int("Customer.IncidentsLast90Days", 0, 5),
            Int("Customer.UnfoundedComplaintsLast90Days", 0, 5),
            new Money(_r.Next(3) == 0 ? 0m : Amount("Customer.GoodwillLast90Days.Amount", 400_00), currency));
        var order = _r.Next(100) < 85 ? NextOrder(now, today) : null;
        var @case = _r.Next(100) < 85 ? NextCase(now) : null;
        return new CareContext(now, customer, order, @case);
    }

    private Order NextOrder(Instant now, LocalDate today)
    {
        var placedAt = now - Duration.FromMinutes(Minutes(60));
        var status = Statuses[_r.Next(Statuses.Length)];
        bool shipped = status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned || _r.Next(8) == 0;
        bool delivered = status is OrderStatus.Delivered or OrderStatus.Returned || (shipped && _r.Next(8) == 0);
        Instant? shippedAt = shipped ? Min(placedAt + Duration.FromMinutes(_r.Next(0, 4 * 24 * 60)), now) : null;
        Instant? deliveredAt = delivered ? Min(shippedAt!.Value + Duration.FromMinutes(Minutes(20)), now) : null;
        return new Order(
            "O-1",
            placedAt,
            new Money(Amount("Order.Total.Amount", 5000_00), currency),
            status,
            Payments[_r.Next(Payments.Length)],
            _r.Next(10) == 0 ? null : DateNear(today),
            shippedAt,
            deliveredAt,
            _r.Next(2) == 0,
            Trackings[_r.Next(Trackings.Length)],
            _r.Next(10) != 0,
            _r.Next(10) == 0,
            _r.Next(10) < 7 ? null : DateNear(today));
    }

    private CareCase NextCase(Instant now)
    {
        var openedAt = now - Duration.FromMinutes(Minutes(30));
        Instant? reply = _r.Next(2) == 0 ? null : Min(openedAt + Duration.FromMinutes(_r.Next(0, 3 * 24 * 60)), now);
        var flags = _r.Next(3) switch
        {
            0 => CaseFlags.None,
            1 => (CaseFlags)_r.Next(32),
            _ => boundaries.FlagsTested & (CaseFlags)_r.Next(32),
        };
        var requests = _r.Next(5) < 2 ? CustomerRequests.None : (CustomerRequests)_r.Next(16);
        return new CareCase(
            "K-1",
            openedAt,
            Kinds[_r.Next(Kinds.Length)],
            Channels[_r.Next(Channels.Length)],
            Faults[_r.Next(Faults.Length)],
            reply,
            flags,
            Claims[_r.Next(Claims.Length)],
            requests);
    }

    /// <summary>Minutes back: a third of the time a parameter's day offset give or take a minute, else up to <paramref name="maxDays"/> days.</summary>
    private int Minutes(int maxDays)
    {
        if (_r.Next(3) == 0)
        {
            var offsets = boundaries.DayOffsets;
            int days = offsets[_r.Next(offsets.Count)];
            return Math.Max(0, (days * 24 * 60) + _r.Next(-1, 2) * (_r.Next(2) == 0 ? 1 : 60));
        }

        return _r.Next(0, maxDays * 24 * 60);
    }

    /// <summary>A date either side of today: at a parameter's day offset (±), or within 40 days back and 10 ahead.</summary>
    private LocalDate DateNear(LocalDate today)
    {
        if (_r.Next(2) == 0)
        {
            var offsets = boundaries.DayOffsets;
            int days = offsets[_r.Next(offsets.Count)];
            return today.PlusDays(_r.Next(2) == 0 ? days : -days);
        }

        return today.PlusDays(_r.Next(-40, 11));
    }

    private int Int(string path, int min, int max)
    {
        if (boundaries.Ints(path) is { Count: > 0 } values && _r.Next(3) == 0)
        {
            return values[_r.Next(values.Count)];
        }

        return _r.Next(min, max + 1);
    }

    private decimal Amount(string path, int maxCents)
    {
        if (boundaries.Amounts(path) is { Count: > 0 } values && _r.Next(3) == 0)
        {
            return values[_r.Next(values.Count)];
        }

        return _r.Next(0, maxCents + 1) / 100m;
    }

    private static Instant Min(Instant a, Instant b) => a <= b ? a : b;
}
