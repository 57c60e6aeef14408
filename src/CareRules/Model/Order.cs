using System.Runtime.CompilerServices;
using NodaTime;

namespace CareRules.Model;

/// <summary>
/// The order a case is about, or that a proactive rule watches. Immutable and thread-safe; validated on
/// construction (a <see cref="CareRulesValidationException"/> lists every invalid field).
/// </summary>
public sealed class Order
{
    /// <summary>Creates an order snapshot.</summary>
    /// <param name="id">The shop's order id.</param>
    /// <param name="placedAt">When the order was placed (UTC instant).</param>
    /// <param name="total">The order total.</param>
    /// <param name="status">Where the order is in its life.</param>
    /// <param name="payment">How it is paid.</param>
    /// <param name="promisedBy">The promised delivery date, in the shop's local calendar.</param>
    /// <param name="shippedAt">When it was shipped, if it has been; never before <paramref name="placedAt"/>.</param>
    /// <param name="deliveredAt">When it was delivered; never before <paramref name="shippedAt"/> nor <paramref name="placedAt"/>.</param>
    /// <param name="delayNotified">Whether the customer was already told of a delay.</param>
    /// <param name="tracking">What the carrier's tracking says.</param>
    /// <param name="withdrawalInformed">Whether the consumer was informed of the right of withdrawal.</param>
    /// <param name="withdrawalExempt">Whether the goods are exempt from withdrawal (made to order, personalised).</param>
    /// <param name="backorderUntil">When an item waits for stock: the local date it is expected.</param>
    /// <exception cref="CareRulesValidationException">One or more fields are invalid.</exception>
    public Order(
        string id,
        Instant placedAt,
        Money total,
        OrderStatus status,
        PaymentMethod payment = PaymentMethod.Prepaid,
        LocalDate? promisedBy = null,
        Instant? shippedAt = null,
        Instant? deliveredAt = null,
        bool delayNotified = false,
        TrackingStatus tracking = TrackingStatus.None,
        bool withdrawalInformed = true,
        bool withdrawalExempt = false,
        LocalDate? backorderUntil = null)
    {
        var errors = new ErrorCollector("order");
        errors.RequireText("id", id);
        errors.RequireNonNegative("total", total);
        errors.RequireDefined("status", status);
        errors.RequireDefined("payment", payment);
        errors.RequireDefined("tracking", tracking);
        errors.RequireSupported("placedAt", placedAt);
        errors.RequireSupported("promisedBy", promisedBy);
        errors.RequireSupported("shippedAt", shippedAt);
        errors.RequireSupported("deliveredAt", deliveredAt);
        errors.RequireSupported("backorderUntil", backorderUntil);
        CheckEvents(errors, placedAt, shippedAt, deliveredAt, status);
        errors.ThrowIfAny(nameof(Order));
        Id = id;
        PlacedAt = placedAt;
        Total = total;
        Status = status;
        Payment = payment;
        PromisedBy = promisedBy;
        ShippedAt = shippedAt;
        DeliveredAt = deliveredAt;
        DelayNotified = delayNotified;
        Tracking = tracking;
        WithdrawalInformed = withdrawalInformed;
        WithdrawalExempt = withdrawalExempt;
        BackorderUntil = backorderUntil;
    }

    /// <summary>The shop's order id.</summary>
    public string Id { get; }

    /// <summary>
    /// The order of events, the one place it is checked: shipped not before placed, delivered not before shipped (nor
    /// placed), and a <c>delivered</c> status with a delivery instant. A null argument is unknown and skips the checks
    /// that need it (the case reader passes what it could read, to report these beside its other problems).
    /// </summary>
    internal static void CheckEvents(ErrorCollector errors, Instant? placedAt, Instant? shippedAt, Instant? deliveredAt, OrderStatus? status)
    {
        if (placedAt is { } placed && shippedAt is { } shipped && shipped < placed)
        {
            errors.Add("shippedAt", $"must not be before placedAt ({ErrorCollector.Format(placed)}), was {ErrorCollector.Format(shipped)}.");
        }

        if (deliveredAt is { } delivered)
        {
            if (shippedAt is { } s && delivered < s)
            {
                errors.Add("deliveredAt", $"must not be before shippedAt ({ErrorCollector.Format(s)}), was {ErrorCollector.Format(delivered)}.");
            }
            else if (placedAt is { } p && delivered < p)
            {
                errors.Add("deliveredAt", $"must not be before placedAt ({ErrorCollector.Format(p)}), was {ErrorCollector.Format(delivered)}.");
            }
        }
        else if (status == OrderStatus.Delivered)
        {
            errors.Add("deliveredAt", "is required when status is 'delivered'.");
        }
    }

    /// <summary>When the order was placed.</summary>
    public Instant PlacedAt { get; }

    /// <summary>The order total.</summary>
    public Money Total { get; }

    /// <summary>Where the order is in its life.</summary>
    public OrderStatus Status { get; }

    /// <summary>How it is paid.</summary>
    public PaymentMethod Payment { get; }

    /// <summary>The promised delivery date (shop's local calendar).</summary>
    public LocalDate? PromisedBy { get; }

    /// <summary>When it was shipped.</summary>
    public Instant? ShippedAt { get; }

    /// <summary>When it was delivered.</summary>
    public Instant? DeliveredAt { get; }

    /// <summary>Whether the customer was already told of a delay.</summary>
    public bool DelayNotified { get; }

    /// <summary>What the carrier's tracking says.</summary>
    public TrackingStatus Tracking { get; }

    /// <summary>Whether the consumer was informed of the right of withdrawal.</summary>
    public bool WithdrawalInformed { get; }

    /// <summary>Whether the goods are exempt from withdrawal.</summary>
    public bool WithdrawalExempt { get; }

    /// <summary>The local date a backordered item is expected, if any.</summary>
    public LocalDate? BackorderUntil { get; }

    /// <summary>True when the order has been delivered (status, tracking or a delivery instant say so).</summary>
    public bool IsDelivered
    {
        // Inlined also where the JIT has no profile to find it worth it (the fused rule methods, which are dynamic methods).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Status is OrderStatus.Delivered or OrderStatus.Returned || DeliveredAt is not null;
    }

    /// <summary>
    /// The order object as one line of JSON in the case format of catalog section 5, every field explicit — for test failures
    /// (an FsCheck counterexample), logs and the debugger; paste it into a case file or a table row. Written on
    /// demand, never while evaluating.
    /// </summary>
    public override string ToString() => CaseJsonText.ToJson(this, false, CaseJsonText.WriteOrder);
}
