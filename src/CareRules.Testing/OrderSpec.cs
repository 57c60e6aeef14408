using CareRules.Model;
using NodaTime;

namespace CareRules.Testing;

/// <summary>
/// The order of a <see cref="Scenario"/>, with quiet defaults: placed 2 days before now, shipped a day later,
/// in transit, promised 3 days after now. Instants left null take those defaults when the scenario is built.
/// </summary>
public sealed record OrderSpec
{
    /// <summary>Order id (default <c>O-1</c>).</summary>
    public string Id { get; init; } = "O-1";

    /// <summary>When placed (default: 2 days before now).</summary>
    public Instant? PlacedAt { get; init; }

    /// <summary>Total (default 200).</summary>
    public decimal Total { get; init; } = 200m;

    /// <summary>Status (default shipped).</summary>
    public OrderStatus Status { get; init; } = OrderStatus.Shipped;

    /// <summary>Payment (default prepaid).</summary>
    public PaymentMethod Payment { get; init; } = PaymentMethod.Prepaid;

    /// <summary>Promised local delivery date (default: 3 days after today); set <see cref="NoPromise"/> for none.</summary>
    public LocalDate? PromisedBy { get; init; }

    /// <summary>True for an order without a promised date.</summary>
    public bool NoPromise { get; init; }

    /// <summary>When shipped (default: a day after placing, for shipped, delivered and returned orders).</summary>
    public Instant? ShippedAt { get; init; }

    /// <summary>When delivered (default: none; required for delivered orders — set it, or use <see cref="Scenario.Delivered"/>).</summary>
    public Instant? DeliveredAt { get; init; }

    /// <summary>Whether the customer was told of a delay (default false).</summary>
    public bool DelayNotified { get; init; }

    /// <summary>Tracking (default in transit).</summary>
    public TrackingStatus Tracking { get; init; } = TrackingStatus.InTransit;

    /// <summary>Whether informed of the right of withdrawal (default true).</summary>
    public bool WithdrawalInformed { get; init; } = true;

    /// <summary>Whether exempt from withdrawal (default false).</summary>
    public bool WithdrawalExempt { get; init; }

    /// <summary>Local date a backordered item is expected (default none).</summary>
    public LocalDate? BackorderUntil { get; init; }
}
